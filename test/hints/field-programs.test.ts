// Corpus programs that use the field family's hints: each must match the reference run byte for
// byte (status, output, steps, registers, trace and memory), and the error programs must fail
// with the reference's exception.
import { test } from 'node:test';
import '../../src/hints/all';
import { expectMatch, expectFailure } from '../support/expect-match';

// uint384 / uint384_extension (384_bit_prime_field whitelist) and assert_not_zero.
for (const name of ['field_arithmetic', 'uint384_test', 'uint384_extension_test', 'uint384', 'uint384_extension']) {
  test(`uint384: ${name} matches the reference`, () => expectMatch(name));
}

// Felt square root, encode_packed bit_length.
for (const name of ['is_quad_residue_test', 'garaga']) {
  test(`felt: ${name} matches the reference`, () => expectMatch(name));
}

// ec_bigint, ec_recover.
for (const name of ['nondet_bigint3_v2', 'bigint', 'ec_recover']) {
  test(`bigint: ${name} matches the reference`, () => expectMatch(name));
}

// vrf: uint256 / uint512 fq hints, split_xx, and the ed25519 curve hints.
for (const name of [
  'fq_test', 'inv_mod_p_uint512', 'split_xx_hint', 'uint256_improvements',
  'compute_doubling_slope_v2', 'compute_slope_v2', 'ec_double_assign_new_x_v3', 'ec_negate',
  'fast_ec_add_v2', 'is_zero', 'is_zero_pack', 'reduce',
]) {
  test(`vrf: ${name} matches the reference`, () => expectMatch(name));
}

test('error: div_mod_n_packed with N = 0 raises ZeroDivisionError (modulo)', () =>
  expectFailure('ec_recover_div_mod_n_packed_n_zero', 'ZeroDivisionError: integer modulo by zero'));

test('error: product_mod with m = 0 raises ZeroDivisionError (modulo)', () =>
  expectFailure('ec_recover_product_mod_m_zero', 'ZeroDivisionError: integer modulo by zero'));

test('error: uint512 unsigned_div_rem by zero raises ZeroDivisionError (divmod)', () =>
  expectFailure('uint512_unsigned_div_rem_div_is_zero', 'ZeroDivisionError: integer division or modulo by zero'));

test('error: inv_mod_p with gcd(b, p) != 1 raises a bare AssertionError', () =>
  expectFailure('divmod_igcdex_not_one', 'AssertionError'));
