// Arrays as queues: pop_front until empty.
#[executable]
fn main() -> felt252 {
    let mut a = array![3, 5, 7, 11, 13];
    let mut acc = 0;
    while let Some(x) = a.pop_front() {
        acc = acc * 10 + x;
    };
    acc
}
