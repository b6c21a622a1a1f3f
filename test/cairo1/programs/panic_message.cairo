// panic! with a formatted ByteArray message.
#[executable]
fn main() -> u32 {
    let x: u32 = 17;
    if x > 10 {
        panic!("x is too big: {}", x);
    }
    x
}
