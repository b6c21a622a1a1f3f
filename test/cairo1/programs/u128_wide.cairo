// u128 arithmetic near the top of the range, and the full 256-bit product.
use core::num::traits::WideMul;

#[executable]
fn main() -> (u128, u128, u256) {
    let a: u128 = 0xffffffffffffffffffffffffffffff00;
    let b: u128 = 0xff;
    (a + b, a / 3, a.wide_mul(a))
}
