// ByteArray: concatenation, length, indexing.
#[executable]
fn main() -> (u32, u8, ByteArray) {
    let a: ByteArray = "hello, ";
    let b: ByteArray = "cairo world, this is longer than thirty-one bytes";
    let c = a + b;
    (c.len(), c.at(7).unwrap(), c)
}
