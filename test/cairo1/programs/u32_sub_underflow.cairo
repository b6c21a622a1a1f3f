// u32 subtraction below zero panics.
#[executable]
fn main() -> u32 {
    let a: u32 = 3;
    let b: u32 = 4;
    a - b
}
