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
  for (const flag of [['--python_dependencies', '/tmp/x']]) {
    const args = ['run', '--program', fib, '--layout', 'starknet_with_keccak', ...flag];
    const r = cairn(...args);
    assert.equal(r.status, 1, flag.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /not supported/);
  }
});

test('an input file that cannot be opened exits 2, as cairo-run (argparse) does', () => {
  const fib = join(ROOT, 'examples/build/fib.json');
  const none = join(ROOT, 'no-such-input.json');
  const params = ['--program', fib, '--layout', 'dynamic', '--cairo_layout_params_file', none];
  // argparse opens every FileType input the same way: one reference run checks the mechanism.
  const ref = spawnSync(join(referenceBin(), 'cairo-run'), params, { encoding: 'utf8' });
  assert.equal(ref.status, 2, ref.stderr);
  assert.match(ref.stderr, /error: argument --cairo_layout_params_file: can't open/);
  for (const args of [['--program', none], ['--program', fib, '--program_input', none], params, ['--run_from_cairo_pie', none]]) {
    const r = cairn('run', ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr, `cairn run: error: argument ${args[args.length - 2]}: can't open '${none}': no such file or folder (ENOENT)\n`);
  }
});
