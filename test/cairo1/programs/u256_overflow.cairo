// u256 addition that overflows panics.
#[executable]
fn main() -> u256 {
    let a: u256 = 0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff;
    a + 1
}
