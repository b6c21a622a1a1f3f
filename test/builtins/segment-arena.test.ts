import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuiltin } from '../../src/builtins/index';
import { memoryWithSegments } from './corpus-memory';
import { Relocatable } from '../../src/vm/relocatable';

test('segment_arena: info segment, then the arena with its header; pointer after the header', () => {
  const mem = memoryWithSegments(2);
  const b = createBuiltin('segment_arena', true);
  b.initializeSegments(mem);
  assert.equal(mem.numSegments, 4);
  assert.deepEqual(b.base, new Relocatable(3, 3));
  assert.deepEqual([0, 1, 2].map((i) => mem.get(3, i)), [new Relocatable(2, 0), 0, 0]);
  assert.deepEqual(b.initialStack(), [new Relocatable(3, 3)]);
  assert.equal(b.usedCells(mem), 0);
  // One arena entry of 3 cells.
  mem.load(b.base, [new Relocatable(2, 0), 1, 0]);
  assert.equal(b.usedCells(mem), 3);
  const stack = mem.addSegment();
  mem.load(stack, [new Relocatable(3, 6)]);
  assert.deepEqual(b.finalStack(mem, stack.add(1)), stack);
  mem.write(stack.segment, 1, new Relocatable(3, 3));
  assert.throws(() => b.finalStack(mem, stack.add(2)), /Invalid stop pointer for segment_arena/);
});
