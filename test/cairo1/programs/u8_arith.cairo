// u8 arithmetic within range: add, sub, mul, div, rem.
#[executable]
fn main() -> (u8, u8, u8, u8, u8) {
    let a: u8 = 200;
    let b: u8 = 7;
    (a + b, a - b, b * b, a / b, a % b)
}
