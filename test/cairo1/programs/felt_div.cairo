// felt252 division by a non-zero value (an inverse hint).
#[executable]
fn main() -> felt252 {
    let a: felt252 = 10;
    let b: NonZero<felt252> = 3_felt252.try_into().unwrap();
    core::felt252_div(a, b)
}
