// Corpus programs and examples that use the math family's hints (math.cairo, math_cmp, pow,
// find_element, set, usort, memcpy, squash_dict's key loop, signature, ec, segments): each must
// match the reference run byte for byte (status, output, steps, registers, trace and memory), and
// the error cases must fail with the reference's exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/hints/all';
import { expectMatch, expectFailure, expectFailureReport } from '../support/expect-match';

// The examples: assert_nn_le + unsigned_div_rem, and assert_le failing.
test('examples/structs matches the reference', () => expectMatch('examples/structs'));
test('examples/assert_fail fails in assert_le as the reference does', () => {
  const err = expectFailureReport('examples/assert_fail',
    'AssertionError: a = 3618502788666131213697322783095070105623107215331596699973092056135872020479 is out of range.');
  assert.match(err, /Error message: Over budget: spent 12, budget 10/);
});

// math.cairo: div/rem, sqrt, split_int, assert_not_equal, assert_le_felt and its arcs, is_positive.
for (const name of ['unsigned_div_rem', 'sqrt', 'split_int', 'math_integration_tests', 'assert_le_felt_old',
  'abs_value_array', 'compare_different_arrays', 'compare_arrays', 'compare_greater_array', 'compare_lesser_array',
  'assert_250_bit_element_array']) {
  test(`math: ${name} matches the reference`, () => expectMatch(name));
}

// math_cmp and pow.
for (const name of ['math_cmp', 'math_cmp_and_pow_integration_tests', 'pow']) {
  test(`math_cmp/pow: ${name} matches the reference`, () => expectMatch(name));
}

// Data structures: find_element, search_sorted_lower, set_add, usort, memcpy, squash_dict keys.
for (const name of ['find_element', 'search_sorted_lower', 'set_add', 'set_integration_tests', 'usort',
  'memory_integration_tests', 'memset', 'squash_dict', 'dict_squash', 'array_sum']) {
  test(`data: ${name} matches the reference`, () => expectMatch(name));
}

test('bad_usort fails in verify_multiplicity as the reference does', () => {
  expectFailure('bad_usort', 'AssertionError');
});

// Segments: temporary segments and relocation rules.
for (const name of ['relocate_segments', 'relocate_temporary_segment_append']) {
  test(`segments: ${name} matches the reference`, () => expectMatch(name));
}

// The STARK curve (random_ec_point, recover_y), ecdsa signatures, cairo-vm's simulated builtins.
for (const name of ['ec_op', 'recover_y', 'common_signature', 'simulated_builtins']) {
  test(`curve: ${name} matches the reference`, () => expectMatch(name));
}

// Predicates of keccak / poseidon / uint256 code, and secp's k = safe_div(...).
for (const name of ['keccak_copy_inputs', 'keccak_uint256', 'poseidon_hash', 'uint256_improvements', 'signature']) {
  test(`misc: ${name} matches the reference`, () => expectMatch(name));
}
