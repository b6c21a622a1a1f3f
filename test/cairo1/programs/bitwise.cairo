// The bitwise builtin through u128 and u256 operators.
#[executable]
fn main() -> (u128, u128, u128, u256) {
    let a: u128 = 0xf0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0;
    let b: u128 = 0x0ff00ff00ff00ff00ff00ff00ff00ff0;
    let c: u256 = 0x123456789abcdef0123456789abcdef0123456789abcdef;
    (a & b, a | b, a ^ b, c & 0xffffffffffffffffffffffffffffffffffff)
}
