// The ec_op builtin: a multiple of the STARK curve's generator.
use core::ec::{EcPointTrait, EcStateTrait, stark_curve};

#[executable]
fn main() -> (felt252, felt252) {
    let g = EcPointTrait::new(stark_curve::GEN_X, stark_curve::GEN_Y).unwrap();
    let p = g.mul(12345);
    let mut state = EcStateTrait::init();
    state.add(p.try_into().unwrap());
    state.add_mul(3, g.try_into().unwrap());
    let (x, y) = state.finalize().try_into().unwrap().coordinates();
    (x, y)
}
