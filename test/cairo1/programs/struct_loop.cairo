// A struct changed in a loop, and locals of several kinds: the debugger's Locals scope.
#[derive(Copy, Drop, Serde, PartialEq)]
struct Point {
    x: u32,
    y: u32,
}

fn scale(p: Point, k: u32) -> Point {
    Point { x: p.x * k, y: p.y * k }
}

#[executable]
fn main(n: u32) -> (Point, u32) {
    let mut p = Point { x: 1, y: 2 };
    let mut total: u32 = 0;
    let mut i: u32 = 0;
    while i != n {
        let q = scale(p, 2);
        p = Point { x: q.x + i, y: q.y - 1 };
        total += p.x + p.y;
        i += 1;
    };
    let done = p == Point { x: 0, y: 0 };
    if done {
        return (p, 0);
    }
    (p, total)
}
