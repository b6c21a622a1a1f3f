// Math hints of cairo-lang 0.14's common library that no whitelist has (signed_pow, log2_ceil,
// search_sorted_optimistic), each in a program of the project's own, compiled and run by the
// reference and by Cairn.
import { test } from 'node:test';
import { expectReferenceMatch } from '../../support/expect-match';

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
