// The output builtin's page API as TypeScript hints (the bootloaders') call it: cairo-lang's
// checks and messages, the state swap around an inner program, the PIE's additional data and
// the public memory pages proof mode writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutputBuiltin, RawJson } from '../../src/builtins/output';
import { Memory } from '../../src/vm/memory';
import { Relocatable } from '../../src/vm/relocatable';
import { HintError } from '../../src/hints/errors';
import { pyJson } from '../../src/runner/py-json';

function output(): OutputBuiltin {
  const b = new OutputBuiltin({ included: true, ratio: undefined });
  const mem = new Memory();
  mem.addSegment();
  b.initializeSegments(mem);
  return b;
}

test('add_page checks the page id and the segment as cairo-lang does', () => {
  const b = output();
  b.addPage(2, b.base.add(3), 2);
  b.addPage(1, b.base.add(1), 2);
  assert.throws(() => b.addPage(2, b.base.add(5), 1), (e) => e instanceof HintError && e.pyType === 'AssertionError' && e.message === 'Page 2 was already assigned.');
  assert.throws(() => b.addPage(3, new Relocatable(0, 1), 1), /^HintError: page_start must be in the output segment\.$/);
  assert.throws(() => b.addPage(4, 7, 1), /page_start must be in the output segment/);
  b.addAttribute('1', null);
  b.addAttribute('gps_fact_topology', [2, 1, 0, 2]);
  b.addAttribute('raw', new RawJson('{"z": 1, "a": 2}'));
  assert.equal(pyJson(b.additionalData()), '{"pages": {"1": [1, 2], "2": [3, 2]}, "attributes": {"1": null, "gps_fact_topology": [2, 1, 0, 2], "raw": {"z": 1, "a": 2}}}');
  assert.deepEqual(b.publicMemory(6), [[0, 0], [1, 1], [2, 1], [3, 2], [4, 2], [5, 0]]);
  assert.throws(() => b.publicMemory(4), /^VmError: Page 2 is out of bounds\.$/);
});

test('overlapping pages fail when the public memory is laid out', () => {
  const b = output();
  b.addPage(1, b.base.add(0), 3);
  b.addPage(2, b.base.add(2), 1);
  assert.throws(() => b.publicMemory(3), /^VmError: Offset 2 was already assigned a page\.$/);
});

test('new_state and set_state swap the base, pages and attributes', () => {
  const b = output();
  b.addPage(1, b.base.add(1), 1);
  const outer = b.getState();
  const inner = new Relocatable(b.base.segment, 10);
  b.newState(inner);
  assert.equal(b.base, inner);
  assert.equal(b.pages.size, 0);
  b.addPage(5, inner.add(2), 1);
  assert.deepEqual([...b.pages], [[5, { start: 2, size: 1 }]]);
  b.setState(outer);
  assert.deepEqual([...b.pages], [[1, { start: 1, size: 1 }]]);
  assert.equal(b.base.offset, 0);
});

test("a PIE's additional data is checked as extend_additional_data does", () => {
  const ok = output();
  ok.extendAdditionalData({ pages: { 3: [1, 2] }, attributes: { a: [1] } });
  assert.deepEqual([...ok.pages], [[3, { start: 1, size: 2 }]]);
  assert.deepEqual([...ok.attributes], [['a', [1]]]);
  const bad: [unknown, RegExp][] = [
    [{ pages: {} }, /^VmError: Invalid output builtin data\.$/],
    [{ pages: [], attributes: {} }, /Invalid output builtin pages field\./],
    [{ pages: { 1: [0, 2] }, attributes: {} }, /Invalid output builtin pages field\./],
    [{ pages: { 1: [1, 2 ** 30] }, attributes: {} }, /Invalid output builtin pages field\./],
    [{ pages: {}, attributes: [] }, /Invalid output builtin attributes field\./],
  ];
  for (const [data, message] of bad) assert.throws(() => output().extendAdditionalData(data), message, JSON.stringify(data));
});
