import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../support/corpus';
import { launch } from '../../src/runner/launch';
import { traceBytes, memoryBytes } from '../../src/runner/relocate';

test('relocation table, trace file and memory file equal the reference bytes (fibonacci)', () => {
  const dir = join(CORPUS, 'cairo0', 'fibonacci');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const run = launch({ program: join(dir, 'program.json'), layout: expected.layout, trace: true });
  const runner = run.runner;
  runner.runToEnd();
  const offsets = run.finish();
  const table = Object.fromEntries(offsets.map((o, i) => [String(i), o]));
  assert.deepEqual(table, expected.segment_offsets);
  assert.ok(traceBytes(runner.vm.trace!, offsets).equals(readFileSync(join(dir, 'trace.bin'))));
  assert.ok(memoryBytes(runner.mem, offsets).equals(readFileSync(join(dir, 'memory.bin'))));
  assert.equal(runner.relocateValue(runner.vm.apValue()), Number(expected.final_relocated.ap));
});
