// Points summed in a loop: a struct read from an array and a struct carried through the loop.
#[derive(Copy, Drop, Serde)]
struct Point {
    x: u32,
    y: u32,
}

#[executable]
fn main() -> Point {
    let points = array![Point { x: 1, y: 2 }, Point { x: 3, y: 4 }, Point { x: 5, y: 6 }];
    let mut sum = Point { x: 0, y: 0 };
    let mut i = 0;
    while i != points.len() {
        let p = *points[i];
        sum = Point { x: sum.x + p.x, y: sum.y + p.y };
        i += 1;
    };
    sum
}
