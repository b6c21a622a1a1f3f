// Corpus programs that use the secp family's hints: each must match the reference run byte for
// byte (status, output, steps, registers, trace and memory), and the error programs must fail
// with the reference's error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/hints/all';
import { runCase, compare } from '../support/corpus';
import { expectMatch, expectFailure, findCase } from '../support/expect-match';

// secp256k1 field: reduce, is_zero, verify_zero, nondet_bigint3, div_mod_n, signature recovery.
for (const name of [
  'is_zero', 'is_zero_pack', 'reduce', 'div_mod_n', 'nondet_bigint3_v2', 'bigint', 'secp', 'signature', 'fq',
]) {
  test(`secp field: ${name} matches the reference`, () => expectMatch(name, { status: 'ok' }));
}

// Curve: slopes, ec_double / fast_ec_add new x and y, ec_negate, ec_mul_inner.
for (const name of [
  'compute_doubling_slope_v2', 'compute_slope_v2', 'ec_double_assign_new_x_v3', 'ec_double_v4',
  'fast_ec_add_v2', 'ed25519_ec', 'ed25519_field', 'ec_negate', 'secp_ec',
]) {
  test(`secp curve: ${name} matches the reference`, () => expectMatch(name, { status: 'ok' }));
}

// secp256r1 variants (SECP_P / ALPHA / N bound by an import hint, read by the following ones).
for (const name of ['ec_double_slope', 'efficient_secp256r1_ec', 'secp256r1_fast_ec_add', 'secp256r1_div_mod_n']) {
  test(`secp256r1: ${name} matches the reference`, () => expectMatch(name, { status: 'ok' }));
}

// Scalar bit extraction.
for (const name of ['n_bit', 'highest_bitlen']) {
  test(`secp bits: ${name} matches the reference`, () => expectMatch(name, { status: 'ok' }));
}

// assert_nn, assert_le_felt (0.10) and a uint256 subtraction hint from this family's list.
for (const name of ['assert_nn', 'math_cmp', 'compare_greater_array', 'compare_lesser_array', 'uint256_improvements']) {
  test(`secp misc: ${name} matches the reference`, () => expectMatch(name, { status: 'ok' }));
}

test('secp integration tests match the reference', () => expectMatch('secp_integration_tests', { status: 'ok' }));

test('uint256_sub_b_gt_256 fails on the inconsistent write of ids.res.low', () =>
  expectFailure(
    'uint256_sub_b_gt_256',
    'starkware.cairo.lang.vm.memory_dict.InconsistentMemoryError: Inconsistent memory assignment at address 1:6. 1 != 41367660292349381832802403122744918015.',
    { inHint: false },
  ));

test('ec_op_not_in_curve fails in the ec_op builtin after the secp hints ran', () => {
  const c = findCase('ec_op_not_in_curve');
  const outcome = runCase(c);
  assert.equal(outcome.status, 'error');
  assert.deepEqual(compare(c.expected, outcome), [], outcome.error);
});

test('ec_op_same_x fails in the ec_op builtin after the secp hints ran', () => {
  const c = findCase('ec_op_same_x');
  const outcome = runCase(c);
  assert.equal(outcome.status, 'error');
  assert.deepEqual(compare(c.expected, outcome), [], outcome.error);
});

test('bad_usort fails with the reference assertion', () => expectFailure('bad_usort', 'AssertionError', { inHint: false }));
