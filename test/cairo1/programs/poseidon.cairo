// The poseidon builtin: a span hash and a pair hash.
use core::poseidon::{hades_permutation, poseidon_hash_span};

#[executable]
fn main() -> (felt252, felt252, felt252, felt252) {
    let h = poseidon_hash_span(array![1, 2, 3, 4, 5].span());
    let (a, b, c) = hades_permutation(1, 2, 3);
    (h, a, b, c)
}
