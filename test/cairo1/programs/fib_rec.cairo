// Recursion.
fn fib(n: felt252) -> felt252 {
    if n == 0 || n == 1 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

#[executable]
fn main() -> felt252 {
    fib(15)
}
