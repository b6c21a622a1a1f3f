import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Memory } from '../../src/vm/memory';
import { Relocatable } from '../../src/vm/relocatable';
import { VmError } from '../../src/vm/errors';

test('memory is write-once: same value is fine, a different one is an error', () => {
  const m = new Memory();
  const s = m.addSegment();
  m.write(s.segment, 0, 5);
  m.write(s.segment, 0, 5);
  assert.throws(() => m.write(s.segment, 0, 6), (e: unknown) => e instanceof VmError && e.kind === 'InconsistentMemory' && /0:0\. 5 != 6/.test(e.message));
  m.write(s.segment, 1, new Relocatable(0, 0));
  assert.throws(() => m.write(s.segment, 1, new Relocatable(0, 1)), /Inconsistent memory assignment/);
  assert.equal(m.size, 2);
});

test('reads of unknown cells and writes to bad addresses are typed errors', () => {
  const m = new Memory();
  m.addSegment();
  assert.equal(m.get(0, 3), undefined);
  assert.throws(() => m.read(0, 3), /Unknown value for memory cell at address 0:3/);
  assert.throws(() => m.write(7, 0, 1), (e: unknown) => e instanceof VmError && e.kind === 'InvalidAddress');
  assert.throws(() => m.write(0, -1, 1), /nonnegative/);
  assert.throws(() => m.write(0, 2 ** 41, 1), (e: unknown) => e instanceof VmError && e.kind === 'OffsetOverflow');
});

test('first-write order is kept, and relocation rules move temporary cells in place', () => {
  const m = new Memory();
  const a = m.addSegment();
  const t = m.addTempSegment();
  m.write(a.segment, 1, 10);
  m.write(t.segment, 0, 20);
  m.write(a.segment, 0, t); // a pointer into the temporary segment
  m.write(t.segment, 1, 21);
  m.addRelocationRule(t, new Relocatable(a.segment, 5));
  assert.deepEqual(m.getAt(new Relocatable(a.segment, 0)), new Relocatable(a.segment, 5));
  m.relocateMemory();
  const order: string[] = [];
  m.forEachWritten((s, o) => order.push(`${s}:${o}`));
  assert.deepEqual(order, ['0:1', '0:5', '0:0', '0:6']);
  assert.equal(m.get(0, 5), 20);
  assert.deepEqual(m.get(0, 0), new Relocatable(0, 5));
});

test('a deduced cell is written at deduction time; validators see each first write', () => {
  const m = new Memory();
  const s = m.addSegment();
  const seen: number[] = [];
  m.deducers[s.segment] = (_m, _s, off) => (off % 2 === 1 ? 100 + off : undefined);
  m.validators[s.segment] = (_m, _s, off) => void seen.push(off);
  assert.equal(m.deduce(s.segment, 1), 101);
  assert.equal(m.deduce(s.segment, 2), undefined);
  assert.equal(m.get(s.segment, 1), 101);
  m.write(s.segment, 2, 7);
  m.write(s.segment, 2, 7);
  assert.deepEqual(seen, [1, 2]);
});
