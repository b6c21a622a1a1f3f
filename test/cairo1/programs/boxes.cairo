// Boxes and snapshots.
#[derive(Copy, Drop)]
struct Big {
    a: u64,
    b: u64,
    c: u64,
}

fn total(b: Box<Big>) -> u64 {
    let big = b.unbox();
    big.a + big.b + big.c
}

#[executable]
fn main() -> u64 {
    let b = BoxTrait::new(Big { a: 1, b: 20, c: 300 });
    let s = @array![5_u64, 6_u64];
    total(b) + *s[1]
}
