// A dictionary with many keys and repeated accesses (the squash hints sort and loop).
#[executable]
fn main() -> u64 {
    let mut d: Felt252Dict<u64> = Default::default();
    let mut i: u64 = 0;
    while i != 60 {
        let k: felt252 = (i % 17).into();
        let v = d.get(k);
        d.insert(k, v + i);
        i += 1;
    };
    let mut total = 0;
    let mut k: felt252 = 0;
    while k != 17 {
        total += d.get(k);
        k += 1;
    };
    total
}
