// Indexing past the end of an array panics.
#[executable]
fn main() -> felt252 {
    let a = array![1, 2, 3];
    *a[5]
}
