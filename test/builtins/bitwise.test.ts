import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from './corpus-check';
import { createBuiltin } from '../../src/builtins/index';
import { memoryWithSegments } from './corpus-memory';
import { VirtualMachine } from '../../src/vm/vm';

test('bitwise: outputs match the reference runs', () => {
  let total = 0;
  total += replay('bitwise_builtin_test', ['bitwise'], 'bitwise').checked;
  total += replay('bitwise_recursion', ['output', 'range_check', 'bitwise'], 'bitwise').checked;
  total += replay('keccak_add_uint256', ['output', 'range_check', 'bitwise'], 'bitwise').checked;
  assert.ok(total > 20, `checked ${total}`);
});

function fresh() {
  const mem = memoryWithSegments(2);
  const b = createBuiltin({ name: 'bitwise', ratio: 64, totalNBits: 251 }, true);
  b.initializeSegments(mem);
  b.addRules(new VirtualMachine(mem, 0));
  return mem;
}

test('bitwise: and, xor, or of small and large operands', () => {
  const mem = fresh();
  mem.write(2, 0, 12);
  mem.write(2, 1, 10);
  assert.deepEqual([2, 3, 4].map((i) => mem.read(2, i)), [8, 6, 14]);
  const big = (1n << 250n) + 5n;
  mem.write(2, 5, big);
  mem.write(2, 6, 2 ** 40 + 3);
  assert.deepEqual([7, 8, 9].map((i) => mem.read(2, i)), [1, big ^ (2n ** 40n + 3n), big | (2n ** 40n + 3n)]);
});

test('bitwise: operands of 251 bits or more are refused with cairo-lang text', () => {
  const mem = fresh();
  mem.write(2, 0, 1n << 251n);
  mem.write(2, 1, 1);
  assert.throws(() => mem.read(2, 2), {
    message: `bitwise builtin: Expected integer at address 2:0 to be smaller than 2^251. Got: ${1n << 251n}.`,
  });
  assert.equal(mem.get(2, 2), undefined);
});
