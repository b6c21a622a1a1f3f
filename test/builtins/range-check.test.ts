import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuiltin } from '../../src/builtins/index';
import { RangeCheckBuiltin } from '../../src/builtins/range-check';
import { memoryWithSegments, segmentCells } from './corpus-memory';
import { builtinSegment } from './corpus-check';
import { VirtualMachine } from '../../src/vm/vm';
import { Relocatable } from '../../src/vm/relocatable';
import { PRIME } from '../../src/vm/felt';
import { getLayout } from '../../src/runner/layouts';

function fresh(name: 'range_check' | 'range_check96') {
  const mem = memoryWithSegments(2);
  const lb = getLayout('all_cairo').builtins.find((b) => b.name === name)!;
  const b = createBuiltin(lb, true) as RangeCheckBuiltin;
  b.initializeSegments(mem);
  b.addRules(new VirtualMachine(mem, 0));
  return { mem, b };
}

test('range_check: bound 2^128, cairo-lang messages (range_check_builtin_runner_test)', () => {
  const { mem, b } = fresh('range_check');
  assert.equal(b.bound, 1n << 128n);
  mem.write(2, 0, 0);
  mem.write(2, 1, (1n << 128n) - 1n);
  assert.throws(() => mem.write(2, 2, PRIME - 1n), {
    message: `Value ${PRIME - 1n}, in range check builtin 2, is out of range [0, ${1n << 128n}).`,
  });
  assert.throws(() => mem.write(2, 3, new Relocatable(2, 0)), {
    message: 'Range-check builtin: Expected value at address 2:3 to be an integer. Got: 2:0.',
  });
});

test('range_check96: bound 2^96', () => {
  const { mem, b } = fresh('range_check96');
  assert.equal(b.bound, 1n << 96n);
  mem.write(2, 0, (1n << 96n) - 1n);
  assert.throws(() => mem.write(2, 1, 1n << 96n), /is out of range \[0, 79228162514264337593543950336\)/);
});

test('range_check: every value of reference runs passes; usage bounds', () => {
  const seg = builtinSegment(['range_check'], 'range_check');
  const cells = segmentCells('assert_nn', seg);
  assert.ok(cells.length > 0);
  const { mem, b } = fresh('range_check');
  cells.forEach((v, i) => v !== undefined && mem.write(2, i, v));
  const usage = b.rangeCheckUsage(mem)!;
  assert.ok(usage[0] >= 0 && usage[1] < 65536 && usage[0] <= usage[1]);
  assert.equal(b.usedPermRangeCheckUnits(mem), cells.length * 8);
});
