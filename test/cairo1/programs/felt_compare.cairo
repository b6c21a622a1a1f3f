// felt252 comparisons go through u256 (range checks).
#[executable]
fn main() -> (bool, bool, bool) {
    let a: felt252 = 1000;
    let b: felt252 = -1;
    let a256: u256 = a.into();
    let b256: u256 = b.into();
    (a256 < b256, a == 1000, b256 > 0)
}
