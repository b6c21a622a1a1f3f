// i8 overflow panics.
#[executable]
fn main() -> i8 {
    let a: i8 = -100;
    let b: i8 = -29;
    a + b
}
