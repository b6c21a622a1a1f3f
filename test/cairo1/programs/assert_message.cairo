// assert! with a message fails.
#[executable]
fn main() -> u32 {
    let a: u32 = 2;
    let b: u32 = 3;
    assert!(a * b == 7, "product is {}", a * b);
    a
}
