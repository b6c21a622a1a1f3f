// u16 and u32 arithmetic and comparisons.
#[executable]
fn main() -> (u16, u32, bool, bool) {
    let a: u16 = 60000;
    let b: u16 = 5535;
    let c: u32 = 4000000000;
    let d: u32 = 294967295;
    (a + b, c + d, a > b, c <= d)
}
