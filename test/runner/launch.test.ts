// launch(): program file -> ready runner; finish() -> relocation table; report() -> cairo-run's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/corpus';
import { launch } from '../../src/runner/launch';
import { VmException } from '../../src/vm/vm';
import { ProgramError, VmError } from '../../src/vm/errors';

const example = (n: string) => join(ROOT, 'examples', 'build', `${n}.json`);
const expected = (n: string) => JSON.parse(readFileSync(join(ROOT, 'examples', 'expected', n, 'expected.json'), 'utf8'));

test('launch + runToEnd + finish gives the reference steps and output', () => {
  const exp = expected('fib');
  const run = launch({ program: example('fib'), layout: exp.layout, trace: true });
  run.runner.runToEnd();
  const offsets = run.finish();
  assert.equal(run.runner.vm.currentStep, exp.steps);
  assert.equal(offsets[0], 1);
  assert.equal(run.runner.vm.trace!.length, exp.steps);
});

test('report() of a failing run is the text cairo-run prints', () => {
  const exp = expected('assert_fail');
  const run = launch({ program: example('assert_fail'), layout: exp.layout });
  let text = '';
  try {
    run.runner.runToEnd();
  } catch (e) {
    assert.ok(e instanceof VmException);
    text = run.report(e);
  }
  assert.match(text, /Error message: Over budget: spent 12, budget 10/);
  assert.match(text, /AssertionError: a = \d+ is out of range\.$/);
});

test('unreadable program input and unknown layout are typed errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-launch-'));
  const bad = join(dir, 'input.json');
  writeFileSync(bad, '{');
  assert.throws(() => launch({ program: example('fib'), programInput: bad }), ProgramError);
  assert.throws(() => launch({ program: example('fib'), layout: 'nope' }), VmError);
  assert.throws(() => launch({ program: join(dir, 'missing.json') }), ProgramError);
});
