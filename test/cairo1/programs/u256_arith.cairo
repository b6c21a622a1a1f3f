// u256 addition, subtraction, multiplication.
#[executable]
fn main() -> (u256, u256, u256) {
    let a: u256 = 0x1000000000000000000000000000000000000000000000000000000000000;
    let b: u256 = 0xffffffffffffffffffffffffffffffff;
    (a + b, a - b, b * b)
}
