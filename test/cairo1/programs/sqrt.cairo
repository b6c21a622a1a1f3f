// Integer square roots of u64, u128 and u256.
use core::num::traits::Sqrt;

#[executable]
fn main() -> (u32, u64, u128) {
    let a: u64 = 1000000007;
    let b: u128 = 0xffffffffffffffffffffffff;
    let c: u256 = 0x10000000000000000000000000000000000000000000000000;
    (a.sqrt(), b.sqrt(), c.sqrt())
}
