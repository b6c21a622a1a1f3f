// u256 division and remainder.
#[executable]
fn main() -> (u256, u256) {
    let a: u256 = 0x123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef;
    let b: NonZero<u256> = 0xfedcba9876543210fedcba98765_u256.try_into().unwrap();
    DivRem::div_rem(a, b)
}
