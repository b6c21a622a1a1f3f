// The cell expressions of Cairn's Cairo 1 debug file (statement_variables), evaluated against a
// real Memory: the forms the Sierra-to-CASM compiler leaves variables in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Memory } from '../../src/vm/memory';
import { Relocatable } from '../../src/vm/relocatable';
import { PRIME } from '../../src/vm/felt';
import { evaluateCell, isCellExpression } from '../../src/debug/cairo1/cells';

function setUp() {
  const mem = new Memory();
  mem.addSegment(); // 0: program
  const exec = mem.addSegment(); // 1: execution
  const heap = mem.addSegment(); // 2
  mem.write(1, 10, 7n);
  mem.write(1, 11, new Relocatable(2, 3));
  mem.write(1, 12, 5n);
  mem.write(2, 5, 42n);
  return { mem, ap: new Relocatable(exec.segment, 12), fp: new Relocatable(exec.segment, 12) };
}

test('cells: memory cells relative to ap and fp, with their address', () => {
  const { mem, ap, fp } = setUp();
  assert.deepEqual(evaluateCell('[ap+0]', ap, fp, mem), { value: 5n, addr: new Relocatable(1, 12) });
  assert.deepEqual(evaluateCell('[fp-2]', ap, fp, mem), { value: 7n, addr: new Relocatable(1, 10) });
  // Not written yet: no value, but the cell is known.
  assert.deepEqual(evaluateCell('[ap+3]', ap, fp, mem), { value: undefined, addr: new Relocatable(1, 15) });
});

test('cells: through a pointer, constants and operations not yet written', () => {
  const { mem, ap, fp } = setUp();
  // Felts come as numbers when small: compare as bigints.
  const value = (t: string) => {
    const v = evaluateCell(t, ap, fp, mem).value;
    return typeof v === 'number' ? BigInt(v) : v;
  };
  assert.deepEqual(evaluateCell('[[fp-1]+2]', ap, fp, mem), { value: 42n, addr: new Relocatable(2, 5) });
  assert.equal(value('-3'), PRIME - 3n);
  assert.equal(value('[ap+0] + [fp-2]'), 12n);
  assert.equal(value('[ap+0] - [fp-2]'), PRIME - 2n);
  assert.equal(value('[fp-2] * 3'), 21n);
  assert.equal(value('[fp-2] / [fp-2]'), 1n);
  assert.deepEqual(value('[fp-1] + 2'), new Relocatable(2, 5));
  // An operand not written: no value rather than a wrong one; division by zero likewise.
  assert.equal(value('[ap+3] + 1'), undefined);
  assert.equal(value('[fp-2] / 0'), undefined);
});

test('cells: the forms Cairn reads, and text it does not', () => {
  for (const t of ['[ap+0]', '[fp-3]', '[[ap+1]-2]', '17', '-1', '[ap+0] * [fp-4]', '[fp-3] / 2']) assert.ok(isCellExpression(t), t);
  for (const t of ['ap', '[ap]', '[sp+1]', '[ap+1] % 2', '']) assert.ok(!isCellExpression(t), t);
  const { mem, ap, fp } = setUp();
  assert.deepEqual(evaluateCell('[sp+1]', ap, fp, mem), { value: undefined });
});
