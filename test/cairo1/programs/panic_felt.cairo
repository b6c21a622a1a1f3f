// A panic with a short-string felt.
#[executable]
fn main() -> felt252 {
    let x = 5;
    if x == 5 {
        panic_with_felt252('boom');
    }
    x
}
