// loop with break value, for over a range, nested loops.
#[executable]
fn main() -> (u32, u32) {
    let mut i: u32 = 0;
    let first = loop {
        if i * i > 200 {
            break i;
        }
        i += 1;
    };
    let mut count = 0;
    for a in 0..10_u32 {
        for b in a..10_u32 {
            if (a + b) % 3 == 0 {
                count += 1;
            }
        }
    };
    (first, count)
}
