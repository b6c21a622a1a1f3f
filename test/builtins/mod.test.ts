import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuiltin } from '../../src/builtins/index';
import { ModBuiltin, fillModMemory } from '../../src/builtins/mod';
import { memoryWithSegments } from './corpus-memory';
import { Memory } from '../../src/vm/memory';
import { VirtualMachine } from '../../src/vm/vm';
import { Relocatable } from '../../src/vm/relocatable';
import { VmError } from '../../src/vm/errors';
import { getLayout } from '../../src/runner/layouts';

// mod_builtin_runner_test's dummy layout: 4 words of 3 bits, batch size 1.
const small = (name: 'add_mod' | 'mul_mod') =>
  createBuiltin({ name, ratio: 1, ratioDen: 1, wordBitLen: 3, nWords: 4, batchSize: 1 }, true) as ModBuiltin;

/** check_result: a = x1, b = x2 gives c = res; or (inverse) c = x1, b = x2 gives a = res. */
function checkResult(runner: ModBuiltin, inverse: boolean, p: bigint, x1: bigint, x2: bigint): bigint | undefined {
  const mem = new Memory();
  mem.addSegment();
  const offsets = new Relocatable(0, 0);
  mem.load(offsets, [0, 4, 8]);
  const values = new Relocatable(0, 24);
  runner.writeNWordsValue(mem, values.add(4), x2);
  let x1Addr = values;
  let resAddr = values.add(8);
  if (inverse) [x1Addr, resAddr] = [resAddr, x1Addr];
  runner.writeNWordsValue(mem, x1Addr, x1);
  runner.fillValue(mem, values, offsets, p, 0);
  return runner.readNWordsValue(mem, resAddr)[1];
}

test('add_mod: fill_value addition and subtraction (cairo-lang known answers)', () => {
  const r = small('add_mod');
  for (const [x1, x2, res] of [[17n, 40n, 57n], [82n, 31n, 46n], [68n, 69n, 70n], [68n, 0n, 1n]]) assert.equal(checkResult(r, false, 67n, x1, x2), res);
  for (const [x1, x2, res] of [[52n, 38n, 14n], [5n, 68n, 4n], [5n, 0n, 5n], [0n, 5n, 62n]]) assert.equal(checkResult(r, true, 67n, x1, x2), res);
  assert.throws(() => checkResult(r, false, 67n, 4095n, 4095n), { message: /^add_mod builtin: Expected a <built-in function add> b - 1 \* p <= 4095\./ });
  assert.throws(() => checkResult(r, true, 67n, 70n, 138n), { message: 'add_mod builtin: addend greater than sum + p: 138 > 70 + 67.' });
});

test('mul_mod: fill_value multiplication and division (cairo-lang known answers)', () => {
  const r = small('mul_mod');
  for (const [x1, x2, res] of [[11n, 8n, 21n], [68n, 69n, 2n], [525n, 526n, 1785n], [525n, 0n, 0n]]) assert.equal(checkResult(r, false, 67n, x1, x2), res);
  for (const [x1, x2, res] of [[36n, 9n, 4n], [138n, 41n, 5n], [272n, 41n, 72n]]) assert.equal(checkResult(r, true, 67n, x1, x2), res);
  assert.throws(() => checkResult(r, false, 67n, 3777n, 3989n), { message: /^mul_mod builtin: Expected a <built-in function mul> b - 4095 \* p <= 4095\. Got: values=/ });
  assert.notEqual(checkResult(r, true, 67n, 0n, 0n), 0n); // a nullifier, not an inverse
  assert.notEqual(checkResult(r, true, 66n, 6n, 3n), 2n);
});

/**
 * test_mod_builtin_runner's circuit, with segments as cairo-run makes them for
 * `%builtins range_check add_mod mul_mod`: 2 range_check, 3 add_mod, 4 mul_mod; then the values
 * and the two offsets tables.
 */
function circuit(x3: bigint, res: bigint) {
  const mem = memoryWithSegments(3);
  const add = small('add_mod');
  const mul = small('mul_mod');
  add.initializeSegments(mem);
  mul.initializeSegments(mem);
  const values = mem.addSegment();
  const addOffsets = mem.addSegment();
  const mulOffsets = mem.addSegment();
  const words = (v: bigint) => [0, 1, 2, 3].map((i) => Number((v >> BigInt(3 * i)) & 7n));
  mem.load(values, [...words(1n), ...words(10n), ...words(x3)]);
  mem.load(values.add(28), words(res));
  mem.load(addOffsets, [0, 12, 4, 16, 20, 24]);
  mem.load(mulOffsets, [8, 16, 12, 8, 20, 0, 8, 24, 28]);
  const p = [1, 1, 0, 0];
  mem.load(add.base, [...p, values, addOffsets, 2]);
  mem.load(mul.base, [...p, values, mulOffsets, 3]);
  const vm = new VirtualMachine(mem, 0);
  add.addRules(vm);
  mul.addRules(vm);
  return { mem, add, mul, vm, values };
}

test('mod builtins: fill_memory completes the circuit, which passes the security checks', () => {
  const { mem, add, mul, vm, values } = circuit(2n, 1n);
  fillModMemory(mem, [add.base, add, 2], [mul.base, mul, 3]);
  // (x2 - x1) / x3 + x1 / x3 over p = 9: x2 - x1 = 0, 1 / 2 = 5.
  assert.equal(add.readNWordsValue(mem, values.add(24))[1], 5n);
  assert.equal(mem.get(3, 7 + 6), 1); // add_mod instance 1 has n = 1
  assert.equal(mem.get(4, 2 * 7 + 6), 1);
  add.runSecurityChecks(vm);
  mul.runSecurityChecks(vm);
  // Two add_mod instances were written: the stop pointer must be base + 14.
  const stack = mem.addSegment();
  mem.load(stack, [add.base.add(14)]);
  assert.deepEqual(add.finalStack(mem, stack.add(1)), stack);
});

test('mod builtins: a wrong result fails the security checks; a zero divisor changes n', () => {
  const bad = circuit(2n, 2n);
  fillModMemory(bad.mem, [bad.add.base, bad.add, 2], [bad.mul.base, bad.mul, 3]);
  assert.throws(() => bad.mul.runSecurityChecks(bad.vm), (e: unknown) =>
    e instanceof VmError && e.kind === 'Security' && /mul_mod builtin: Expected a <built-in function mul> b == c \(mod p\)/.test(e.message));
  const zero = circuit(0n, 2n);
  assert.throws(() => fillModMemory(zero.mem, [zero.add.base, zero.add, 2], [zero.mul.base, zero.mul, 3]), {
    message: 'Inconsistent memory assignment at address 4:6. 3 != 0.',
  });
});

/** test_mod_builtin_inverse on all_cairo's mul_mod: 1 * 1 = 1, then x1 * y = 1. */
function inverse(p: number, x1: number) {
  const lb = getLayout('all_cairo').builtins.find((b) => b.name === 'mul_mod')!;
  const mem = memoryWithSegments(2);
  const mul = createBuiltin(lb, true) as ModBuiltin;
  const add = createBuiltin(getLayout('all_cairo').builtins.find((b) => b.name === 'add_mod')!, true) as ModBuiltin;
  add.initializeSegments(mem);
  mul.initializeSegments(mem);
  const values = mem.addSegment();
  const offsets = mem.addSegment();
  mem.load(values, [1, 0, 0, 0, x1, 0, 0, 0]);
  mem.load(offsets, [0, 0, 0, 4, 8, 0]);
  mem.load(mul.base, [p, 0, 0, 0, values, offsets]);
  fillModMemory(mem, [add.base, add, 0], [mul.base, mul, 2]);
  return [mem.get(mul.base.segment, 6), mem.get(values.segment, 8)];
}

test('mul_mod: inverse, and the nullifier when there is none (test_mod_builtin_inverse)', () => {
  assert.deepEqual(inverse(7, 3), [2, 5]);
  assert.deepEqual(inverse(55, 11), [1, 5]);
  assert.deepEqual(inverse(7, 0), [1, 1]);
});

test('mod builtins: zero segment size and layout parameters', () => {
  const lb = getLayout('all_cairo').builtins.find((b) => b.name === 'add_mod')!;
  const add = createBuiltin(lb, true) as ModBuiltin;
  assert.equal(add.neededZeros(), 4);
  assert.equal(add.intLim, 1n << 384n);
  assert.equal(add.ratio, 128);
});
