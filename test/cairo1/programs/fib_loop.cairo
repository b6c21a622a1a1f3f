// A loop over its argument.
#[executable]
fn main(n: u32) -> u64 {
    let mut a: u64 = 0;
    let mut b: u64 = 1;
    let mut i = 0;
    while i != n {
        let t = a + b;
        a = b;
        b = t;
        i += 1;
    };
    a
}
