// Enums with data and match.
#[derive(Copy, Drop, Serde)]
enum Shape {
    Circle: u32,
    Rect: (u32, u32),
    Empty,
}

fn area(s: Shape) -> u32 {
    match s {
        Shape::Circle(r) => 3 * r * r,
        Shape::Rect((w, h)) => w * h,
        Shape::Empty => 0,
    }
}

#[executable]
fn main() -> (u32, u32, u32, Shape) {
    (area(Shape::Circle(5)), area(Shape::Rect((3, 7))), area(Shape::Empty), Shape::Rect((1, 2)))
}
