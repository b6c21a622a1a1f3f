// Dividing by zero: a NonZero conversion fails and unwrap panics.
#[executable]
fn main() -> u32 {
    let zero: u32 = 0;
    let nz: NonZero<u32> = zero.try_into().unwrap();
    let (q, _r) = DivRem::div_rem(10_u32, nz);
    q
}
