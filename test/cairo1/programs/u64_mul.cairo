// u64 multiplication, division and remainder.
#[executable]
fn main() -> (u64, u64, u64) {
    let a: u64 = 4294967296;
    let b: u64 = 4294967295;
    let c = a * b;
    (c, c / 1000003, c % 1000003)
}
