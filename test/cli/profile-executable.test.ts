// Profiling a Cairo 1 executable from the command line (issue 16), as a process: `cairn profile`
// and `cairn run --profile_output` name functions by Sierra function (as the debugger's call
// stack names frames) and account for every step of the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT } from '../support/shared';
import { readPprofTotals } from '../../src/debug/profile/pprof-read';

const CLI = join(ROOT, 'dist', 'cli.js');
const cairn = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const fixture = (name: string, file: string) => join(ROOT, 'test/cairo1/fixtures', name, file);
const exe = (name: string) => fixture(name, `${name}.executable.json`);
/** The Rust VM's step count for the fixture. */
const rustSteps = (name: string) => (JSON.parse(readFileSync(fixture(name, 'expected.json'), 'utf8')) as { steps: number }).steps;

interface Fn { name: string; selfSteps: number; totalSteps: number; calls: number; file?: string; line?: number; selfBuiltins: Record<string, number> }

test('cairn profile of fib_rec: every step counted once, fib called 2 * fib(16) - 1 times over both its Sierra copies', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'cairn-profile-exe-')), 'p.json');
  const r = cairn('profile', '--program', exe('fib_rec'), '--json', out);
  assert.equal(r.status, 0, r.stderr);
  const data = JSON.parse(readFileSync(out, 'utf8')) as { root: { name: string; total: Record<string, number> }; functions: Fn[] };
  assert.equal(rustSteps('fib_rec'), 16028);
  assert.equal(data.root.name, '<executable header>');
  assert.equal(data.root.total.steps, 16028);
  assert.equal(data.functions.reduce((a, f) => a + f.selfSteps, 0), 16028);
  const fib = data.functions.find((f) => f.name === 'fib_rec::fib_rec::fib');
  assert.ok(fib, data.functions.map((f) => f.name).join(', '));
  assert.equal(fib.calls, 1973);
  assert.equal(fib.selfSteps, fib.totalSteps);
  assert.ok(fib.selfSteps > 0.99 * 16028, `fib's steps ${fib.selfSteps}`);
  assert.deepEqual([fib.file, fib.line], ['programs/fib_rec.cairo', 2]); // its `fn fib` line
  const wrapper = data.functions.find((f) => f.name === 'fib_rec::fib_rec::__executable_wrapper__main');
  assert.equal(wrapper?.selfBuiltins.output, 1); // the one output cell, written by the wrapper
});

test('builtin cells per function, loops as frames of their own (loops.cairo), and the printed table', () => {
  const r = cairn('profile', '--program', exe('loops'));
  assert.equal(r.status, 0, r.stderr);
  const [head, , ...rows] = r.stdout.trimEnd().split('\n');
  assert.match(head, new RegExp(`^${rustSteps('loops')} steps, \\d+ memory holes$`));
  const loop = rows.find((l) => l.startsWith('loops::loops::main [loop] '));
  assert.ok(loop, r.stdout);
  // main's three loops are one function, whose iterations are calls: 91 frames
  assert.equal(loop.trim().split(/\s+/).at(-2), '91');
});

test('cairn run --profile_output writes the pprof file of an executable, named by Sierra function', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'cairn-pprof-exe-')), 'p.pb.gz');
  const r = cairn('run', '--program', exe('fib_rec'), '--profile_output', out);
  assert.equal(r.status, 0, r.stderr);
  const totals = readPprofTotals(readFileSync(out));
  assert.equal(totals.sum, 16028);
  assert.equal(totals.total.get('fib_rec::fib_rec::fib'), totals.self.get('fib_rec::fib_rec::fib'));
  assert.equal(totals.total.get('<executable header>'), 16028);
});

test('without its debug file, or with another program\'s, the profile is one line, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-profile-exe-'));
  const lone = join(dir, 'fib_rec.executable.json');
  copyFileSync(exe('fib_rec'), lone);
  const r = cairn('profile', '--program', lone);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `Error: Profiling names functions from Cairn's debug file of the executable, ${join(dir, 'fib_rec.debug.json')}, which does not exist.\n`);
  copyFileSync(fixture('loops', 'loops.debug.json'), join(dir, 'fib_rec.debug.json'));
  const wrong = cairn('profile', '--program', lone);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /^Error: The debug file .* does not match the executable: [^\n]*\n$/);
});
