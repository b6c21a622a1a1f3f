// Conversions that fit and one that does not.
#[executable]
fn main() -> (u8, Option<u8>, u64, felt252) {
    let big: felt252 = 300;
    let small: felt252 = 200;
    let x: u8 = small.try_into().unwrap();
    let y: Option<u8> = big.try_into();
    let z: u64 = 12345_u32.into();
    (x, y, z, z.into())
}
