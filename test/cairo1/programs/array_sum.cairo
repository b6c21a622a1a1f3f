// Arrays: append, len, index, sum through a span.
fn sum(s: Span<u32>) -> u32 {
    let mut total = 0;
    let mut i = 0;
    while i != s.len() {
        total += *s[i];
        i += 1;
    };
    total
}

#[executable]
fn main() -> (u32, u32) {
    let mut a: Array<u32> = array![];
    let mut i: u32 = 0;
    while i != 20 {
        a.append(i * i);
        i += 1;
    };
    (a.len(), sum(a.span()))
}
