// Structs with derived traits, passed and returned.
#[derive(Copy, Drop, Serde, PartialEq)]
struct Point {
    x: u32,
    y: u32,
}

fn add(a: Point, b: Point) -> Point {
    Point { x: a.x + b.x, y: a.y + b.y }
}

#[executable]
fn main() -> (Point, bool) {
    let p = Point { x: 3, y: 4 };
    let q = add(p, Point { x: 10, y: 20 });
    (q, q == Point { x: 13, y: 24 })
}
