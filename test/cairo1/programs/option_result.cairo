// Option and Result: map, unwrap_or, the ? operator.
fn parse(x: felt252) -> Result<u8, felt252> {
    match x.try_into() {
        Option::Some(v) => Result::Ok(v),
        Option::None => Result::Err('too big'),
    }
}

fn double(x: felt252) -> Result<u16, felt252> {
    let v: u8 = parse(x)?;
    Result::Ok(v.into() * 2)
}

#[executable]
fn main() -> (u16, felt252, u8) {
    let a = double(100).unwrap();
    let b = match double(1000) {
        Result::Ok(_) => 0,
        Result::Err(e) => e,
    };
    let c: Option<u8> = Option::None;
    (a, b, c.unwrap_or(42))
}
