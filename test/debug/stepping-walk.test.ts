// Issue 12, item 1: stepping over (and into) every example and every corpus program with a
// `main` never moves to an earlier line of the same frame unless the code looped: a step back
// up the file is only honest after a backward jump taken in that frame between the two stops
// (a loop; recursion makes a new frame, so it never counts as the same frame). A step budget
// per program and a VM step limit keep the test short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveRun } from '../../src/debug/live-run';
import { FrontEvents } from '../../src/debug/front';
import { corpusCases, exampleCases, Case } from '../support/corpus';
import { loadProgramFile } from '../../src/runner/load-program';

const BUDGET = 80;
/** A `next` over a benchmark's call runs it to its return: the VM stops after this many steps. */
const VM_STEPS = 50_000;

function hasMain(c: Case): boolean {
  const p = loadProgramFile(c.programPath);
  return p.identifiers.get(`${p.mainScope}.main`)?.type === 'function';
}

/** Steps `kind` up to BUDGET times; every backward move in one frame without a loop in between. */
async function walk(c: Case, kind: 'next' | 'stepIn'): Promise<string[]> {
  let ended = false;
  const events: FrontEvents = { stopped: () => undefined, output: () => undefined, ended: () => (ended = true) };
  const run = new LiveRun({ program: c.programPath, layout: c.expected.layout, steps: VM_STEPS }, events);
  const map = run.places.sourceMap;
  const t = run.timeline;
  const bad: string[] = [];
  let prev: { step: number; fp: string; file: number; line: number } | undefined;
  for (let i = 0; i < BUDGET && !ended && run.failure === undefined; i++) {
    const step = run.control.cursor;
    const r = t.registersAt(step);
    const at = run.code.isCode(r.pc) ? map.lineOf(r.pc.offset) : undefined;
    const here = { step, fp: r.fp.toString(), file: at?.file ?? -1, line: at?.line ?? -1 };
    if (prev !== undefined && at !== undefined && prev.fp === here.fp && prev.file === here.file && here.line < prev.line) {
      let looped = false;
      for (let k = prev.step; k < step && !looped; k++) {
        const a = t.registersAt(k);
        const b = t.registersAt(k + 1);
        looped = a.fp.equals(r.fp) && b.fp.equals(r.fp) && b.pc.segment === a.pc.segment && b.pc.offset < a.pc.offset;
      }
      if (!looped) bad.push(`${map.files[here.file]}: line ${prev.line} -> ${here.line} at step ${step}`);
    }
    prev = here;
    await (kind === 'next' ? run.control.next('line') : run.control.stepIn('line'));
  }
  run.dispose();
  return bad;
}

test('stepping never moves up the file in one frame unless the code looped (examples and corpus)', async () => {
  const cases = [...exampleCases(), ...corpusCases()].filter(hasMain);
  assert.ok(cases.length > 140, `only ${cases.length} programs`);
  const failures: string[] = [];
  for (const c of cases) {
    for (const kind of ['next', 'stepIn'] as const) {
      const bad = await walk(c, kind);
      if (bad.length) failures.push(`${c.name} (${kind}): ${bad.slice(0, 3).join('; ')}`);
    }
  }
  assert.deepEqual(failures, []);
});
