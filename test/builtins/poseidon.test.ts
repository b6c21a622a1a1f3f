import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from './corpus-check';
import { poseidonPermutation } from '../../src/builtins/poseidon';
import { poseidonSmall } from '@scure/starknet';
import { big, fromReduced } from '../../src/vm/felt';

test('poseidon: permutation of (1, 2, 3) as the poseidon_builtin program asserts', () => {
  assert.deepEqual(poseidonPermutation(1, 2, 3), [
    442682200349489646213731521593476982257703159825582578145778919623645026501n,
    2233832504250924383748553933071188903279928981104663696710686541536735838182n,
    2512222140811166287287541003826449032093371832913959128171347018667852712082n,
  ]);
});

test('poseidon: outputs match the reference runs', () => {
  let total = 0;
  total += replay('poseidon_builtin', ['poseidon'], 'poseidon').checked;
  total += replay('poseidon_hash', ['poseidon'], 'poseidon').checked;
  total += replay('poseidon_multirun', ['poseidon'], 'poseidon').checked;
  assert.ok(total > 10, `checked ${total}`);
});

test('poseidon: agrees with @scure/starknet on random and edge states', () => {
  const P = (1n << 251n) + 17n * (1n << 192n);
  const states: bigint[][] = [
    [0n, 0n, 0n],
    [P - 1n, P - 1n, P - 1n],
    [1n, 2n, 2n],
    [P - 1n, 0n, 1n],
    [0n, P - 1n, 0n],
    [0n, 0n, P - 1n],
    [(1n << 53n) - 1n, 1n << 53n, 1n << 251n],
    [P >> 1n, (P >> 1n) + 1n, P - 2n],
  ];
  let seed = 12345n;
  for (let i = 0; i < 1000; i++) {
    const s: bigint[] = [];
    for (let j = 0; j < 3; j++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) % P;
      s.push((seed * seed * seed) % P);
    }
    states.push(s);
  }
  for (const s of states) {
    assert.deepEqual(poseidonPermutation(fromReduced(s[0]), fromReduced(s[1]), fromReduced(s[2])).map(big), poseidonSmall(s));
  }
});
