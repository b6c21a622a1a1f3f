// A dictionary of arrays through Nullable and entry().
use core::nullable::NullableTrait;

#[executable]
fn main() -> u32 {
    let mut d: Felt252Dict<Nullable<Span<u32>>> = Default::default();
    d.insert(7, NullableTrait::new(array![1, 2, 3].span()));
    d.insert(9, NullableTrait::new(array![4, 5].span()));
    let a = d.get(7).deref();
    let b = d.get(9).deref();
    a.len() * 10 + b.len() + *a[2] + *b[0]
}
