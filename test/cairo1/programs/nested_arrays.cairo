// An array of arrays returned as the program's output.
#[executable]
fn main() -> Array<Array<u8>> {
    let mut rows = array![];
    let mut i: u8 = 1;
    while i != 4 {
        let mut row = array![];
        let mut j: u8 = 0;
        while j != i {
            row.append(i * 10 + j);
            j += 1;
        };
        rows.append(row);
        i += 1;
    };
    rows
}
