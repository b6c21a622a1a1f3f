// Signed integers: arithmetic, comparisons, conversion.
#[executable]
fn main() -> (i8, i16, i32, i64, i128, bool) {
    let a: i8 = -100;
    let b: i16 = -30000;
    let c: i32 = -2000000000;
    let d: i64 = 9000000000000;
    let e: i128 = -170141183460469231731687303715884105728;
    (a + 27, b * 1, c - 147483648, d * -3, e + 1, a < 0)
}
