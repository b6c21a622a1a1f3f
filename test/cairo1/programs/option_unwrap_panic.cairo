// unwrap of None panics with the corelib's message.
#[executable]
fn main() -> u8 {
    let c: Option<u8> = Option::None;
    c.unwrap()
}
