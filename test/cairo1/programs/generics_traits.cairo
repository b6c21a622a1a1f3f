// A generic function and a trait with an impl per type.
trait Describe<T> {
    fn weight(self: @T) -> u32;
}

impl DescribeU8 of Describe<u8> {
    fn weight(self: @u8) -> u32 {
        (*self).into()
    }
}

impl DescribeArray of Describe<Array<u8>> {
    fn weight(self: @Array<u8>) -> u32 {
        self.len() * 100
    }
}

fn total<T, +Describe<T>, +Drop<T>>(a: T, b: T) -> u32 {
    a.weight() + b.weight()
}

#[executable]
fn main() -> (u32, u32) {
    (total(3_u8, 4_u8), total(array![1_u8], array![2_u8, 3_u8]))
}
