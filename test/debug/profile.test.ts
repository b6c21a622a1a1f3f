// The run profile (src/debug/profile): its numbers against the run's own trace and builtin
// segments, and `cairn run --profile_output` against cairo-run's pprof file (per-function sample
// totals equal).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, copyFileSync, existsSync, symlinkSync, mkdirSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, shared } from '../support/shared';
import { cairoRun, referencePython } from '../support/reference';
import { launch } from '../../src/runner/launch';
import { attachProfiler } from '../../src/debug/profile/attach';
import { summarize, functionOfPc } from '../../src/debug/profile/summary';
import { readPprofTotals } from '../../src/debug/profile/pprof-read';
import { pprofMessage } from '../../src/debug/profile/pprof';

const example = (name: string) => shared('examples', 'build', `${name}.json`);
const LAYOUT = 'starknet_with_keccak';

function profiled(name: string) {
  const run = launch({ program: example(name), layout: LAYOUT, trace: true });
  const collector = attachProfiler(run.runner);
  run.runner.runToEnd();
  return { run, profile: collector.result(), summary: summarize(run.program, collector.result()) };
}

test('fib: steps per function and calls equal the counts read from the trace', () => {
  const { run, profile, summary } = profiled('fib');
  const trace = run.runner.vm.trace!;
  assert.equal(summary.totalSteps, trace.length);
  const self = new Map<string, number>();
  const fibPc = (run.program.identifiers.get('__main__.fib') as { pc: number }).pc;
  let fibEntries = 0;
  for (let i = 0; i < trace.length; i++) {
    const pc = trace.pcOffset(i);
    const f = functionOfPc(run.program, pc);
    self.set(f, (self.get(f) ?? 0) + 1);
    if (pc === fibPc) fibEntries++;
  }
  const fn = (n: string) => summary.functions.find((f) => f.name === n)!;
  for (const [name, steps] of self) assert.equal(fn(name).selfSteps, steps, name);
  assert.ok(fibEntries > 1);
  assert.equal(fn('__main__.fib').calls, fibEntries);
  assert.equal(fn('__main__.main').calls, 1);
  assert.equal(fn('__main__.main').totalSteps, trace.length);
  // fib is inside main: its total is its own steps (it calls nothing else)
  assert.equal(fn('__main__.fib').totalSteps, fn('__main__.fib').selfSteps);
  // per-line steps add up to the run
  assert.equal(summary.lines.reduce((a, l) => a + l.steps, 0), trace.length);
  assert.ok(profile.nodes.length >= 2);
});

test('hash_chain: builtin cells per function add up to each builtin segment, attributed to the frame that used them', () => {
  const { run, summary } = profiled('hash_chain');
  const fn = (n: string) => summary.functions.find((f) => f.name === n)!;
  const main = fn('__main__.main');
  for (const b of run.runner.builtins.filter((x) => x.included)) {
    assert.equal(main.totalBuiltins[b.name] ?? 0, run.runner.mem.usedSize(b.base.segment), b.name);
  }
  const hash2 = fn('starkware.cairo.common.hash.hash2');
  const poseidon = fn('starkware.cairo.common.builtin_poseidon.poseidon.poseidon_hash');
  assert.equal(hash2.calls, 8);
  assert.deepEqual(hash2.selfBuiltins, { pedersen: 3 * 8 });
  // the segment's used size: the last instance's two unread outputs are never written
  const poseidonSeg = run.runner.builtinsByName.get('poseidon')!.base.segment;
  assert.deepEqual(poseidon.selfBuiltins, { poseidon: run.runner.mem.usedSize(poseidonSeg) });
  assert.equal(run.runner.mem.usedSize(poseidonSeg), 6 * 8 - 2);
  assert.deepEqual(fn('__main__.pedersen_chain').totalBuiltins, { pedersen: 24 });
  assert.equal(fn('starkware.cairo.common.serialize.serialize_word').selfBuiltins.output, 2);
});

test('long_loop: a million-deep recursion through one call site is one tree node', () => {
  const { profile, summary } = profiled('long_loop');
  assert.ok(profile.nodes.length < 10, String(profile.nodes.length));
  const spin = summary.functions.find((f) => f.name === '__main__.spin')!;
  assert.equal(spin.calls, 1_000_001);
  const totals = readPprofTotals(pprofMessage(profiledProgram(), profile, { programBase: 1 }));
  assert.equal(totals.sum, summary.totalSteps);
  assert.equal(totals.self.get('__main__.spin'), spin.selfSteps);
  function profiledProgram() { return launch({ program: example('long_loop'), layout: LAYOUT }).program; }
});

/**
 * A folder cairo-run's profiler can read the sources from (it opens every file named in
 * debug_info relative to its working directory): the examples' sources and cairo-lang's library.
 */
function referenceCwd(): string {
  // one folder for every run, so cairo-run's results stay cached (the folder is part of the key)
  const dir = join(tmpdir(), 'cairn-profile-reference-cwd');
  mkdirSync(dir, { recursive: true });
  const src = shared('examples', 'src');
  for (const f of readdirSync(src)) if (f.endsWith('.cairo')) copyFileSync(join(src, f), join(dir, f));
  const pkg = execFileSync(referencePython(), ['-c', 'import starkware, os; print(os.path.dirname(starkware.__file__))'], { encoding: 'utf8' }).trim();
  // the folder outlives the checkout that made it: a link left by another checkout (or dangling)
  // is replaced by one to this reference's library
  const link = join(dir, 'starkware');
  let current: string | undefined;
  try { current = readlinkSync(link); } catch { /* no link yet */ }
  if (current !== pkg) { rmSync(link, { recursive: true, force: true }); symlinkSync(pkg, link); }
  return dir;
}

test('cairn run --profile_output: per-function sample totals equal cairo-run --profile_output', () => {
  const cwd = referenceCwd();
  for (const name of ['fib', 'hash_chain', 'structs', 'dict_counter']) {
    const ref = cairoRun(example(name), ['--layout', LAYOUT], ['profile_output'], { cwd });
    assert.equal(ref.code, 0, ref.stderr);
    assert.ok(ref.files.profile_output, `${name}: cairo-run wrote no profile\n${ref.stderr}`);
    const out = join(cwd, `${name}.pb.gz`);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'run', '--program', example(name), '--layout', LAYOUT, '--profile_output', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const mine = readPprofTotals(readFileSync(out));
    const theirs = readPprofTotals(readFileSync(ref.files.profile_output));
    assert.ok(theirs.sum > 0);
    assert.equal(mine.sum, theirs.sum, name);
    assert.deepEqual([...mine.self].sort(), [...theirs.self].sort(), `${name}: self`);
    assert.deepEqual([...mine.total].sort(), [...theirs.total].sort(), `${name}: total`);
  }
});

test('a profile taken on compiled blocks equals one taken a step at a time', () => {
  const take = (program: string, blocks: boolean) => {
    const run = launch({ program, layout: LAYOUT });
    run.runner.vm.compileBlocks = blocks;
    const collector = attachProfiler(run.runner);
    run.runner.runToEnd();
    run.runner.endRun(false);
    const p = collector.result();
    return p.nodes.map((n) => ({ ...n, steps: [...n.steps].sort((a, b) => a[0] - b[0]), builtins: [...n.builtins].sort() }));
  };
  for (const program of [example('long_loop'), shared('corpus', 'cairo0', 'uint256_integration_tests', 'program.json.gz')]) {
    const onBlocks = take(program, true);
    assert.deepEqual(onBlocks, take(program, false), program);
    assert.ok(onBlocks.length > 1);
  }
});
