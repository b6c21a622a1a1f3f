// Math hints of cairo-lang 0.14's common library that no whitelist has (signed_pow, log2_ceil,
// search_sorted_optimistic, run_mod_p_circuit), each in a program of the project's own, compiled and run by the
// reference and by Cairn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectReferenceMatch } from '../../support/expect-match';
import { compileCairo } from '../../support/reference';
import { runCase } from '../../support/corpus';

test('signed_pow with a negative exponent', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.pow import signed_pow
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let x = signed_pow(3, -5);
    serialize_word(x * 243);
    let y = signed_pow(-2, 7);
    serialize_word(y);
    return ();
}
`);
});

test('signed_pow of 0 to a negative power fails in the hint', () => {
  const { outcome } = expectReferenceMatch(`%builtins range_check
from starkware.cairo.common.pow import signed_pow
func main{range_check_ptr}() {
    let x = signed_pow(0, -1);
    return ();
}
`, { status: 'error' });
  if (!/AssertionError: Cannot raise 0 to a negative power\./.test(outcome.error ?? '')) throw new Error(outcome.error);
});

test('log2_ceil', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.log2_ceil import log2_ceil
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let a = log2_ceil(1);
    serialize_word(a);
    let b = log2_ceil(1000);
    serialize_word(b);
    let c = log2_ceil(2 ** 100);
    serialize_word(c);
    let d = log2_ceil(2 ** 100 + 1);
    serialize_word(d);
    return ();
}
`);
});

test('search_sorted_optimistic, key present and absent', () => {
  expectReferenceMatch(`%builtins output range_check
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.find_element import search_sorted_optimistic
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (arr) = alloc();
    assert arr[0] = 3;
    assert arr[1] = 30;
    assert arr[2] = 7;
    assert arr[3] = 70;
    assert arr[4] = 9;
    assert arr[5] = 90;
    let (p, ok) = search_sorted_optimistic(arr, 2, 3, 7);
    serialize_word(ok);
    serialize_word(p[1]);
    let (q, ok2) = search_sorted_optimistic(arr, 2, 3, 8);
    serialize_word(ok2);
    let (r, ok3) = search_sorted_optimistic(arr, 2, 3, 10);
    serialize_word(ok3);
    return ();
}
`);
});

// cairo-run 0.14.0.1 has no layout with add_mod and mul_mod but `dynamic` (which needs the
// prover's layout parameters), so this one runs in Cairn's all_cairo only and checks the values.
test('run_mod_p_circuit fills add_mod and mul_mod values', () => {
  const programPath = compileCairo(`%builtins output range_check96 add_mod mul_mod
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.cairo_builtins import ModBuiltin, UInt384
from starkware.cairo.common.modulo import run_mod_p_circuit
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, range_check96_ptr: felt*, add_mod_ptr: ModBuiltin*, mul_mod_ptr: ModBuiltin*}() {
    alloc_locals;
    let (values: UInt384*) = alloc();
    assert values[0] = UInt384(3, 0, 0, 0);
    assert values[1] = UInt384(5, 0, 0, 0);
    let (add_offsets) = alloc();
    assert add_offsets[0] = 0;
    assert add_offsets[1] = 4;
    assert add_offsets[2] = 8;
    let (mul_offsets) = alloc();
    assert mul_offsets[0] = 8;
    assert mul_offsets[1] = 4;
    assert mul_offsets[2] = 12;
    run_mod_p_circuit(UInt384(7, 0, 0, 0), values, add_offsets, 1, mul_offsets, 1);
    serialize_word(values[2].d0);
    serialize_word(values[3].d0);
    return ();
}
`);
  const outcome = runCase({ name: 'mod', programPath, expected: { status: 'ok', layout: 'all_cairo' }, kind: 'test' });
  assert.equal(outcome.status, 'ok', outcome.error);
  // (3 + 5) mod 7 = 1, then 1 * 5 mod 7 = 5.
  assert.deepEqual(outcome.output, ['1', '5']);
});

// poseidon_hash_many of 0.12.0-0.13.0 tested ids.n (the 0.14 form tests elements_end - elements);
// a function of our own carries the same nondet hints.
test('the 0.12-0.13 poseidon_hash_many length tests', () => {
  expectReferenceMatch(`%builtins output
from starkware.cairo.common.serialize import serialize_word
func at_least_10(n) -> felt {
    if (nondet %{ ids.n >= 10 %} != 0) {
        return 1;
    }
    return 0;
}
func at_least_2(n) -> felt {
    if (nondet %{ ids.n >= 2 %} != 0) {
        return 1;
    }
    return 0;
}
func main{output_ptr: felt*}() {
    serialize_word(at_least_10(9));
    serialize_word(at_least_10(10));
    serialize_word(at_least_2(1));
    serialize_word(at_least_2(-1));
    return ();
}
`);
});
