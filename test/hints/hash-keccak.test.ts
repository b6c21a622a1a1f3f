// Corpus programs of the keccak hints (unsafe_keccak, unsafe_keccak_finalize, cairo_keccak's
// permutation and finalize padding, the n_bytes comparisons), run through Cairn and compared
// with the reference run byte for byte (output, steps, registers, trace and memory hashes).
import { test } from 'node:test';
import { expectMatch } from '../support/expect-match';

for (const name of [
  'unsafe_keccak',
  'unsafe_keccak_finalize',
  'keccak_uint256',
  'cairo_finalize_keccak',
  'cairo_finalize_keccak_block_size_1000',
  'keccak_integration_tests',
]) {
  test(`${name} matches the reference run`, () => expectMatch(name));
}
