import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BreakpointTable, hitConditionMet, interpolate, conditionHolds } from '../../src/debug/breakpoints';

test('the active array follows the groups', () => {
  const t = new BreakpointTable(10);
  t.setGroup('line:a', [{ id: 1, kind: 'line', pc: 3, hits: 0 }, { id: 1, kind: 'line', pc: 5, hits: 0 }]);
  t.setGroup('function', [{ id: 2, kind: 'function', pc: 5, hits: 0 }]);
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
