// The profile view's run, without VS Code: the bundled CLI profiles in its own process and hands
// back the flame data (the same numbers `cairn profile` prints); a failing run is one message
// carrying the run's stderr; debug_info names resolve to the files the editor decorates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ROOT, shared } from '../support/shared';
import { runProfile, resolveSourceFile, stepsByFile } from '../../src/extension/profileRun';

const CLI = join(ROOT, 'dist', 'cli.js');
const fib = shared('examples', 'build', 'fib.json');
const src = shared('examples', 'src');

test('runProfile: fib\'s totals equal `cairn profile`\'s table, and its lines land in fib.cairo', async () => {
  const r = await runProfile(CLI, { program: fib, layout: 'small' });
  assert.ok(r.ok, r.ok ? '' : r.message);
  const text = spawnSync(process.execPath, [CLI, 'profile', '--program', fib, '--layout', 'small'], { encoding: 'utf8' }).stdout;
  assert.match(text, /^134 steps, 0 memory holes\n/);
  assert.equal(r.data.root.total.steps, 134);
  for (const f of r.data.functions) {
    const row = text.match(new RegExp(`^${f.name.replace(/\./g, '\\.')}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$`, 'm'));
    assert.ok(row, f.name);
    assert.deepEqual([f.selfSteps, f.totalSteps, f.calls, f.selfHoles], row!.slice(1).map(Number), f.name);
  }
  assert.match(r.stdout, /6765/); // the program's output
  const byFile = stepsByFile(r.data, { program: fib, sourceRoot: src });
  const lines = byFile.get(resolve(src, 'fib.cairo'));
  assert.ok(lines, [...byFile.keys()].join(','));
  let sum = 0;
  for (const [, n] of byFile.get(resolve(src, 'fib.cairo'))!) sum += n;
  const fibRows = r.data.lines.filter((l) => l.file === 'fib.cairo').reduce((a, l) => a + l.steps, 0);
  assert.equal(sum, fibRows);
  assert.ok(sum > 0 && sum <= 134);
});

test('runProfile: a failing run and a missing program are one message with the run\'s stderr', async () => {
  const fail = await runProfile(CLI, { program: shared('examples', 'build', 'assert_fail.json'), layout: 'small' });
  assert.equal(fail.ok, false);
  if (!fail.ok) assert.match(fail.message, /assert_fail\.json failed \(exit code 1\): .*(assert|Error)/s);
  const missing = await runProfile(CLI, { program: join(src, 'no_such.json') });
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.message, /no_such\.json failed \(exit code \d\): .*no_such\.json/s);
});

test('resolveSourceFile: sourceFileMap, then sourceRoot, cairoPath, the program\'s folder', () => {
  assert.equal(resolveSourceFile('fib.cairo', { program: fib, sourceRoot: src }), resolve(src, 'fib.cairo'));
  assert.equal(resolveSourceFile('fib.cairo', { program: fib, cairoPath: [src] }), resolve(src, 'fib.cairo'));
  assert.equal(resolveSourceFile('/elsewhere/fib.cairo', { program: fib, sourceFileMap: { '/elsewhere': src } }), resolve(src, 'fib.cairo'));
  assert.equal(resolveSourceFile('fib.cairo', { program: fib }), undefined); // build/ has no fib.cairo
});

test('runProfile: a Cairo 1 executable with its arguments (fib_loop, n = 30): the Rust VM\'s 487 steps, named by Sierra function', async () => {
  const r = await runProfile(CLI, { program: join(ROOT, 'test/cairo1/fixtures/fib_loop/fib_loop.executable.json'), arguments: '30' });
  assert.ok(r.ok, r.ok ? '' : r.message);
  assert.equal(r.data.root.total.steps, 487);
  assert.match(r.stdout, /832040/);
  const loop = r.data.functions.find((f) => f.name === 'fib_loop::fib_loop::main [loop]');
  assert.ok(loop && loop.calls > 1, r.data.functions.map((f) => `${f.name} ${f.calls}`).join(', '));
  assert.ok(r.data.lines.some((l) => l.file === 'programs/fib_loop.cairo'));
});
