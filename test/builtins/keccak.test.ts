import { test } from 'node:test';
import assert from 'node:assert/strict';
import { replay } from './corpus-check';
import { createBuiltin } from '../../src/builtins/index';
import { memoryWithSegments } from './corpus-memory';
import { VirtualMachine } from '../../src/vm/vm';

test('keccak: keccak_f of (1..8) as the keccak_builtin program asserts', () => {
  const { checked } = replay('keccak_builtin', ['keccak'], 'keccak');
  assert.equal(checked, 8);
  const mem = memoryWithSegments(2);
  const b = createBuiltin('keccak', { included: true, ratio: 2048 });
  b.initializeSegments(mem);
  b.addRules(new VirtualMachine(mem, 0));
  for (let i = 0; i < 8; i++) mem.write(2, i, i + 1);
  assert.equal(mem.read(2, 8), 528644516554364142278482415480021626364691973678134577961206n);
  assert.equal(mem.read(2, 15), 1339947803093378278438908448344904300127577306141693325151040n);
});

test('keccak: outputs of keccak_uint256 match the reference run', () => {
  const { checked } = replay('keccak_uint256', ['range_check', 'bitwise', 'keccak'], 'keccak');
  assert.ok(checked >= 8, `checked ${checked}`);
});

test('keccak: inputs of 200 bits or more are refused', () => {
  const mem = memoryWithSegments(2);
  const b = createBuiltin('keccak', { included: true, ratio: 2048 });
  b.initializeSegments(mem);
  b.addRules(new VirtualMachine(mem, 0));
  for (let i = 0; i < 8; i++) mem.write(2, i, i === 3 ? 1n << 200n : 0);
  assert.throws(() => mem.read(2, 9), { message: `Keccak builtin: Expected integer at address 2:3 to be smaller than 2^200. Got: ${1n << 200n}.` });
});
