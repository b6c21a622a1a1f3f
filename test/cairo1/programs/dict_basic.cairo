// Felt252Dict: insert, get, overwrite (squashed at the end of the run).
#[executable]
fn main() -> (felt252, felt252, felt252) {
    let mut d: Felt252Dict<felt252> = Default::default();
    d.insert(1, 100);
    d.insert(2, 200);
    d.insert(1, 111);
    (d.get(1), d.get(2), d.get(3))
}
