import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BreakpointTable, hitConditionMet, interpolate, conditionHolds } from '../../src/debug/breakpoints';

test('the active array follows the groups', () => {
  const t = new BreakpointTable(10);
  t.setGroup('line:a', [{ id: 1, kind: 'line', pc: 3, hits: { count: 0 } }, { id: 1, kind: 'line', pc: 5, hits: { count: 0 } }]);
  t.setGroup('function', [{ id: 2, kind: 'function', pc: 5, hits: { count: 0 } }]);
  assert.deepEqual([...t.active], [0, 0, 0, 1, 0, 1, 0, 0, 0, 0]);
  assert.equal(t.at(5)?.length, 2);
  t.setGroup('line:a', []);
  assert.deepEqual([...t.active].indexOf(1), 5);
  assert.equal(t.withTargets(7)[7], 1);
  assert.equal(t.active[7], 0);
});

test('hit conditions', () => {
  assert.equal(hitConditionMet(undefined, 1), true);
  assert.equal(hitConditionMet('3', 2), false);
  assert.equal(hitConditionMet('3', 4), true);
  assert.equal(hitConditionMet('== 3', 4), false);
  assert.equal(hitConditionMet('% 2', 4), true);
  assert.throws(() => hitConditionMet('soon', 1), /not understood/);
});

test('logpoint interpolation', () => {
  assert.equal(interpolate('n={n} {{x}} {bad}', (e) => { if (e === 'bad') throw new Error('nope'); return '7'; }), 'n=7 {x} <nope>');
});

test('conditions compare felts as signed numbers and addresses by offset', () => {
  const vals: Record<string, { felt: bigint } | { segment: number; offset: number }> = { n: { felt: 5n }, m: { felt: -1n }, p: { segment: 1, offset: 3 }, q: { segment: 1, offset: 4 }, z: { felt: 0n } };
  const v = (e: string) => vals[e];
  assert.equal(conditionHolds('n', v), true);
  assert.equal(conditionHolds('z', v), false);
  assert.equal(conditionHolds('n == n', v), true);
  assert.equal(conditionHolds('m < z', v), true);
  assert.equal(conditionHolds('p < q', v), true);
  assert.equal(conditionHolds('p != n', v), true);
  assert.throws(() => conditionHolds('p < n', v), /Cannot order/);
});

test('conditions join comparisons with and / or; or binds loosest; parentheses group', () => {
  const vals: Record<string, { felt: bigint }> = { a: { felt: 1n }, b: { felt: 2n }, z: { felt: 0n }, band: { felt: 3n }, origin: { felt: 0n } };
  const v = (e: string) => vals[e] ?? { felt: BigInt(e) };
  assert.equal(conditionHolds('a == 1 and b == 2', v), true);
  assert.equal(conditionHolds('a == 1 and b == 3', v), false);
  assert.equal(conditionHolds('a == 2 or b == 2', v), true);
  // a == 2 or (b == 2 and z): false; (a == 2 or b == 2) and z: false; (a == 1 or z) and b: true.
  assert.equal(conditionHolds('a == 2 or b == 2 and z', v), false);
  assert.equal(conditionHolds('(a == 1 or z) and b', v), true);
  // Names that contain the words are names.
  assert.equal(conditionHolds('band == 3 and origin == 0', v), true);
  assert.throws(() => conditionHolds('a == ', v), /missing an operand/);
  assert.throws(() => conditionHolds('a < b < 3', v), /chains comparisons/);
  assert.throws(() => conditionHolds('a == (b', v), /Unexpected end/);
});
