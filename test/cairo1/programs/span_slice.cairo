// Spans: slice, pop_back, snapshot iteration.
#[executable]
fn main() -> (u32, felt252, felt252) {
    let a = array![10, 20, 30, 40, 50, 60];
    let s = a.span().slice(1, 4);
    let mut t = s;
    let last = *t.pop_back().unwrap();
    let mut total = 0;
    for x in s {
        total += *x;
    };
    (s.len(), last, total)
}
