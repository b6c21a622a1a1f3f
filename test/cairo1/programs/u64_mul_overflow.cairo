// u64 multiplication that overflows panics.
#[executable]
fn main() -> u64 {
    let a: u64 = 4294967296;
    a * a
}
