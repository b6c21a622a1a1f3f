import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadProgramFile } from '../../src/runner/load-program';
import { CairoRunner } from '../../src/runner/cairo-runner';
import { ROOT } from '../support/shared';

// hash_chain has hints (the output and hash builtins' deductions too), so both step paths run.
const program = loadProgramFile(join(ROOT, 'examples', 'build', 'hash_chain.json'));

function runner(): CairoRunner {
  const r = new CairoRunner(program, { layout: 'starknet_with_keccak', trace: true });
  r.initialize();
  return r;
}

test('afterStep sees every step once, after it ran; a hooked run ends as the plain one does', () => {
  const plain = runner();
  plain.runToEnd();
  const marked = runner();
  const sizes: number[] = [];
  const steps: number[] = [];
  marked.vm.hooks = {
    afterStep(vm) {
      steps.push(vm.currentStep);
      sizes.push(vm.mem.size);
    },
  };
  marked.runToEnd();
  const n = plain.vm.currentStep;
  assert.ok(n > 10);
  assert.equal(marked.vm.currentStep, n);
  assert.deepEqual(steps, Array.from({ length: n }, (_, i) => i + 1));
  // The memory-log length after each step: it never shrinks, and the last is the run's.
  for (let i = 1; i < n; i++) assert.ok(sizes[i] >= sizes[i - 1], `step ${i + 1}`);
  assert.equal(sizes[n - 1], marked.mem.size);
  assert.equal(marked.mem.size, plain.mem.size);
  assert.deepEqual([marked.vm.ap, marked.vm.fp], [plain.vm.ap, plain.vm.fp]);
  for (const k of [0, 1, n >> 1, n - 1]) assert.deepEqual(marked.vm.trace!.entry(k), plain.vm.trace!.entry(k));
});

test('beforeStep stops before a step when it returns true, but a run always makes its first step', () => {
  const r = runner();
  let calls = 0;
  r.vm.hooks = { beforeStep: () => (calls++, true) };
  assert.equal(r.vm.run(r.end.segment, r.end.offset, 100), 1);
  assert.equal(r.vm.currentStep, 1);
  assert.equal(calls, 2); // asked before the first step (ignored) and before the second (stops)

  const pcs: number[] = [];
  r.vm.hooks = {
    beforeStep(vm) {
      pcs.push(vm.pc);
      return vm.currentStep === 8;
    },
  };
  assert.equal(r.vm.run(r.end.segment, r.end.offset, 100), 7);
  assert.equal(r.vm.currentStep, 8);
  assert.equal(pcs.length, 8);
  assert.equal(pcs[7], r.vm.pc); // the pc it stopped before
});

test('hooks off again: run() goes back to its plain loop and finishes the program', () => {
  const r = runner();
  r.vm.hooks = { afterStep() {} };
  r.vm.run(r.end.segment, r.end.offset, 3);
  r.vm.hooks = undefined;
  r.runToEnd();
  assert.ok(r.atEnd());
});
