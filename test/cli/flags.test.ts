// `cairn run --help` lists every flag of the installed cairo-run (its --help is the spec), the
// version and help go to stdout with exit 0, and a flag Cairn cannot honour says so in one line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/corpus';
import { referenceBin } from '../support/reference';

const CLI = join(ROOT, 'dist', 'cli.js');
const cairn = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 });

test('cairn run --help lists every flag of cairo-run --help', () => {
  const ref = spawnSync(join(referenceBin(), 'cairo-run'), ['--help'], { encoding: 'utf8' });
  const flags = new Set(ref.stdout.match(/--[a-z_]+/g));
  assert.ok(flags.size >= 30, ref.stdout);
  const help = cairn('run', '--help');
  assert.equal(help.status, 0);
  const mine = new Set(help.stdout.match(/--[a-z_]+/g));
  assert.deepEqual([...flags].filter((f) => !mine.has(f)), []);
});

test('cairn --version and cairn --help print on stdout with exit 0', () => {
  const v = cairn('--version');
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^cairn \d+\.\d+\.\d+ \(cairo-run 0\.14\.0\.1 compatible\)\n$/);
  const h = cairn('--help');
  assert.equal(h.status, 0);
  assert.match(h.stdout, /--proof_mode/);
});

test('flags Cairn cannot honour say so in one line and exit 1', () => {
  const fib = join(ROOT, 'examples/build/fib.json');
  for (const flag of [['--tracer'], ['--python_dependencies', '/tmp/x']]) {
    const args = ['run', '--program', fib, '--layout', 'starknet_with_keccak', ...flag];
    const r = cairn(...args);
    assert.equal(r.status, 1, flag.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /not supported/);
  }
});
