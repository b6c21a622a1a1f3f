// One inlined function called on two lines in a row: stepping over each line stops at the next.
#[inline(always)]
fn bump(x: u32) -> u32 {
    let y = x * 3;
    y + 1
}

#[executable]
fn main(n: u32) -> u32 {
    let a = bump(n);
    let b = bump(a);
    let c = bump(b);
    a + b + c
}
