// Arguments: a felt, then an array (serialized as its length and elements).
#[executable]
fn main(scale: felt252, values: Array<felt252>) -> felt252 {
    let mut total = 0;
    for v in values {
        total += v;
    };
    scale * total
}
