import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLayout, LAYOUT_NAMES, CAIRO_RUN_LAYOUT_NAMES, layoutsWith } from '../../src/runner/layouts';
import { BUILTIN_ORDER, createBuiltin } from '../../src/builtins/index';
import { RangeCheckBuiltin } from '../../src/builtins/range-check';
import { memoryWithSegments } from './corpus-memory';

test('layouts: cairo-run 0.14 choices, in its order; all_cairo besides', () => {
  assert.deepEqual(CAIRO_RUN_LAYOUT_NAMES, [
    'plain', 'small', 'dex', 'recursive', 'starknet', 'recursive_large_output', 'all_solidity',
    'starknet_with_keccak', 'dynamic', 'recursive_with_poseidon',
  ]);
  assert.ok(LAYOUT_NAMES.includes('all_cairo'));
  assert.throws(() => getLayout('nope'), /Unknown layout "nope"/);
});

test('layouts: builtins follow the canonical order, and every one can be created', () => {
  for (const name of LAYOUT_NAMES) {
    const l = getLayout(name);
    const idx = l.builtins.map((b) => BUILTIN_ORDER.indexOf(b.name));
    assert.ok(idx.every((v, i) => v >= 0 && (i === 0 || v > idx[i - 1])), name);
    for (const lb of l.builtins) assert.equal(createBuiltin(lb, true).name, lb.name);
  }
});

test('layouts: ratios and parameters of instances.py', () => {
  const swk = getLayout('starknet_with_keccak');
  assert.deepEqual(swk.builtins.map((b) => [b.name, b.ratio]), [
    ['output', undefined], ['pedersen', 32], ['range_check', 16], ['ecdsa', 2048], ['bitwise', 64],
    ['ec_op', 1024], ['keccak', 2048], ['poseidon', 32],
  ]);
  assert.equal(swk.rcUnits, 4);
  assert.equal(swk.dilutedPool?.logUnitsPerStep, 4);
  const small = getLayout('small');
  assert.deepEqual(small.builtins.map((b) => [b.name, b.ratio]), [['output', undefined], ['pedersen', 8], ['range_check', 8], ['ecdsa', 512]]);
  assert.equal(getLayout('recursive').publicMemoryFraction, 8);
  assert.equal(getLayout('dynamic').builtins.length, 11);
  assert.ok(getLayout('dynamic').builtins.every((b) => b.ratio === undefined));
  assert.deepEqual(layoutsWith(['add_mod']).map((l) => l.name), ['dynamic', 'all_cairo']);
});

test('builtins: allocated instances follow the ratio; dynamic rounds up to a power of 2', () => {
  const mem = memoryWithSegments(2);
  const rc = createBuiltin(getLayout('starknet_with_keccak').builtins[2], true) as RangeCheckBuiltin;
  rc.initializeSegments(mem);
  for (let i = 0; i < 5; i++) mem.write(2, i, i);
  assert.equal(rc.allocatedInstances(mem, 160), 10);
  assert.deepEqual(rc.usedCellsAndAllocatedSize(mem, 160), [5, 10]);
  assert.throws(() => rc.usedCellsAndAllocatedSize(mem, 64), { message: 'The range_check builtin used 5 cells but the capacity is 4.' });
  assert.throws(() => rc.allocatedInstances(mem, 8), { message: 'Number of steps must be at least 16 for the range_check builtin.' });
  const dyn = createBuiltin(getLayout('dynamic').builtins[2], true);
  const mem2 = memoryWithSegments(2);
  dyn.initializeSegments(mem2);
  for (let i = 0; i < 5; i++) mem2.write(2, i, i);
  assert.equal(dyn.allocatedInstances(mem2, 1), 8);
});

test('createBuiltin: a layout record passed as the `layout` option gives its parameters', () => {
  const lb = { name: 'range_check', ratio: 16, nParts: 4 };
  const rc = createBuiltin(lb.name, { included: true, ratio: lb.ratio, layout: lb }) as RangeCheckBuiltin;
  assert.equal(rc.bound, 1n << 64n);
  assert.equal(rc.ratio, 16);
  assert.equal((createBuiltin(lb, false) as RangeCheckBuiltin).included, false);
});
