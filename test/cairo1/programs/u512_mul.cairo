// u256 x u256 -> u512, and u512 division by a u256.
use core::integer::u512_safe_div_rem_by_u256;
use core::num::traits::WideMul;

#[executable]
fn main() -> (u128, u128, u128, u128, u256) {
    let a: u256 = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff;
    let b: u256 = 0x1234567890abcdef1234567890abcdef;
    let w = a.wide_mul(b);
    let (q, r) = u512_safe_div_rem_by_u256(w, 0x10001_u256.try_into().unwrap());
    (q.limb0, q.limb1, q.limb2, q.limb3, r)
}
