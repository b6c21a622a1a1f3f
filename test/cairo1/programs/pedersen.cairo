// The pedersen builtin.
use core::pedersen::pedersen;

#[executable]
fn main() -> felt252 {
    let h = pedersen(1, 2);
    pedersen(h, 3)
}
