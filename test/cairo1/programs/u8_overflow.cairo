// u8 addition that overflows panics.
#[executable]
fn main() -> u8 {
    let a: u8 = 200;
    let b: u8 = 100;
    a + b
}
