// felt252 arithmetic wraps modulo the STARK prime.
#[executable]
fn main() -> felt252 {
    let x: felt252 = 7;
    let y = x * x - 3;
    let z = y * 1000000007 + 0 - 1;
    z * z
}
