// Deep recursion with two arguments.
fn ack(m: u32, n: u32) -> u32 {
    if m == 0 {
        n + 1
    } else if n == 0 {
        ack(m - 1, 1)
    } else {
        ack(m - 1, ack(m, n - 1))
    }
}

#[executable]
fn main() -> u32 {
    ack(2, 3)
}
