// println! and print! reach the program's output stream (stdout), not the output builtin.
#[executable]
fn main() -> u32 {
    let x: u32 = 42;
    println!("x = {}", x);
    println!("x squared = {}, as hex {:x}", x * x, x * x);
    let s: ByteArray = "a byte array";
    println!("{}", s);
    x
}
