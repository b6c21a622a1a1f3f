// u128 division and remainder by a non-zero value.
#[executable]
fn main() -> (u128, u128) {
    let a: u128 = 340282366920938463463374607431768211455;
    let b: NonZero<u128> = 12345678901234567890_u128.try_into().unwrap();
    DivRem::div_rem(a, b)
}
