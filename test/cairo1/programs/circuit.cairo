// A modular circuit (the add_mod and mul_mod builtins, range_check96).
use core::circuit::{
    AddInputResultTrait, CircuitElement, CircuitInput, CircuitInputs, CircuitModulus, CircuitOutputsTrait,
    EvalCircuitTrait, circuit_add, circuit_mul, u384,
};

#[executable]
fn main() -> (u384, u384) {
    let a = CircuitElement::<CircuitInput<0>> {};
    let b = CircuitElement::<CircuitInput<1>> {};
    let sum = circuit_add(a, b);
    let prod = circuit_mul(sum, b);
    let modulus = TryInto::<_, CircuitModulus>::try_into([101, 0, 0, 0]).unwrap();
    let outputs = (sum, prod)
        .new_inputs()
        .next([70, 0, 0, 0])
        .next([50, 0, 0, 0])
        .done()
        .eval(modulus)
        .unwrap();
    let s: u384 = outputs.get_output(sum);
    let p: u384 = outputs.get_output(prod);
    (s, p)
}
