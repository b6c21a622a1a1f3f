import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from './corpus-check';
import { pedersenHash } from '../../src/builtins/pedersen';
import { createBuiltin } from '../../src/builtins/index';
import { memoryWithSegments } from './corpus-memory';
import { VirtualMachine } from '../../src/vm/vm';
import { Relocatable } from '../../src/vm/relocatable';
import { pedersen } from '@scure/starknet';
import { big, fromReduced } from '../../src/vm/felt';

test('pedersen: known hash (cairo-lang pedersen_hash(1, 2))', () => {
  assert.equal(pedersenHash(1, 2), 0x5bb9440e27889a364bcb678b1f679ecd1347acdedcbf36e83494f857cc58026n);
});

test('pedersen: outputs match the reference runs', () => {
  let total = 0;
  for (const [prog, included] of [
    ['pedersen_test', ['output', 'pedersen', 'range_check']],
    ['integration', ['output', 'pedersen', 'range_check', 'bitwise']],
    ['pedersen_extra_builtins', ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op']],
  ] as const) total += replay(prog, included, 'pedersen').checked;
  assert.ok(total >= 3, `checked ${total}`);
});

test('pedersen: rejects a relocatable input, answers nothing twice for a verified cell', () => {
  const mem = memoryWithSegments(2);
  const b = createBuiltin('pedersen', { included: true, ratio: 32 });
  b.initializeSegments(mem);
  b.addRules(new VirtualMachine(mem, 0));
  mem.write(2, 0, new Relocatable(1, 0));
  mem.write(2, 1, 5);
  assert.throws(() => mem.read(2, 2), /pedersen builtin: Expected integer at address 2:0. Got: 1:0./);
  mem.write(2, 3, 1);
  mem.write(2, 4, 2);
  assert.equal(mem.read(2, 5), pedersenHash(1, 2));
  assert.equal(mem.deducers[2]!(mem, 2, 5), undefined);
  assert.equal(mem.deducers[2]!(mem, 2, 4), undefined);
});

test('pedersen: agrees with @scure/starknet on large and edge inputs', () => {
  const P = (1n << 251n) + 17n * (1n << 192n);
  for (const [x, y] of [[0n, 0n], [P, P], [(1n << 248n) - 1n, 1n << 248n], [123456789n, P - 5n]]) {
    assert.equal(big(pedersenHash(fromReduced(x), fromReduced(y))), BigInt(pedersen(x, y)));
  }
});
