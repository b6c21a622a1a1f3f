// Real-world programs whose own hints run through the Python bridge: the fast ones, each run to
// the end with cairo-run's output and steps (scripts/realworld-bridge.ts runs all 80).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { realworldRuns, runRealworld } from './realworld';

const FAST = ['pu_simple_output', 'pu_fibonacci_compiled', 'pu_pedersen_merkle', 'pu_concat_aggregator', 'pu_builtin_usage',
  'nm_root_compiled', 'nm_hint_tests_compiled', 'snos_hint', 'snos_different_output', 'snos_cairo0_run_test', 'ok_keccak_builtin'];

const runs = new Map(realworldRuns().map((r) => [r.id, r]));

for (const id of FAST) {
  test(`realworld ${id}: its own hints run in Python, same output and steps as cairo-run`, () => {
    const r = runRealworld(runs.get(id)!);
    assert.equal(r.refCode, 0, r.note);
    assert.ok(r.same, `${r.note} (steps ${r.cairnSteps} vs ${r.refSteps})`);
  });
}
