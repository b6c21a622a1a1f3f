// Corpus programs of the sha256 and blake2s hints and of the counted-loop scope hints
// (vm_enter_scope({'n': ids.n}), n -= 1, vm_exit_scope()), compared with the reference run byte
// for byte.
import { test } from 'node:test';
import { expectMatch } from '../support/expect-match';

/**
 * Programs that cannot match yet for a reason outside the hash family: split_felt's hint checks
 * `PRIME - 1 == ids.MAX_HIGH * 2**128 + ids.MAX_LOW`, and the program loader (src/vm/program.ts)
 * reads const values through JSON.parse, so MAX_HIGH (about 2^123) loses its low bits. With the
 * exact constants both programs match byte for byte. Remove an entry when its cause is fixed.
 */
for (const name of [
  'packed_sha256',
  'sha256',
  'sha256_test',
  'finalize_blake2s',
  'blake2s_felts',
  'blake2s_integration_tests',
  'memset',
  'memory_integration_tests',
  'usort',
  // A `bad` program (its error comes from another family's hint) that runs vm_exit_scope.
  'bad_usort',
]) {
  test(`${name} matches the reference run`, () => expectMatch(name));
}
