// `cairn run --program NAME.executable.json` (issue 16): a Cairo 1 executable given to cairo-run's
// command runs as `cairn execute` runs it, as a process: the same output, the Rust VM's trace and
// memory files, its panic text; a cairo-run flag with no meaning there is one line naming the
// execute command to use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, shared } from '../support/shared';

const CLI = join(ROOT, 'dist', 'cli.js');
const cairn = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const fixture = (name: string, file: string) => join(ROOT, 'test/cairo1/fixtures', name, file);
const exe = (name: string) => fixture(name, `${name}.executable.json`);

test('cairn run --program runs an executable as cairn execute: output, println, resources, and the Rust VM\'s files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-run-exe-'));
  const trace = join(dir, 't.bin');
  const memory = join(dir, 'm.bin');
  const run = cairn('run', '--program', exe('println'), '--print_output', '--print_info', '--trace_file', trace, '--memory_file', memory);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const execute = cairn('execute', exe('println'), '--print-program-output', '--print-resource-usage');
  assert.equal(execute.status, 0, execute.stderr);
  assert.equal(run.stdout, execute.stdout);
  assert.match(run.stdout, /^x = 42\n[^]*Program Output:\n42\nResources:\n\tsteps: 903\n/);
  assert.ok(readFileSync(trace).equals(readFileSync(fixture('println', 'trace.bin'))), 'trace file differs from the Rust VM\'s');
  assert.ok(readFileSync(memory).equals(readFileSync(fixture('println', 'memory.bin'))), 'memory file differs from the Rust VM\'s');
});

test('a panic is printed as cairo-execute prints it, exit 1', () => {
  const r = cairn('run', '--program', exe('panic_message'), '--print_output');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^Error: Panicked with "x is too big: 17"\.\n\nCaused by:\n/);
});

test('a cairo-run flag with no meaning for an executable is one line giving the execute command', () => {
  const r = cairn('run', '--program', exe('println'), '--print_output', '--steps', '1000', '--layout', 'starknet', '--trace_file', join(tmpdir(), 'a b.bin'));
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.equal(
    r.stderr.trimEnd(),
    `cairn run: error: --steps: not for a Cairo 1 executable; run it with: cairn execute ${exe('println')} --layout starknet --print-program-output --trace-file '${join(tmpdir(), 'a b.bin')}'`,
  );
});

test('--arguments passes an executable its arguments; a Cairo 0 program refuses them in one line', () => {
  const r = cairn('run', '--program', exe('fib_loop'), '--arguments', '30', '--print_output');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Program Output:\n832040\n'); // fib(30), the Rust VM's output for these arguments
  const c0 = cairn('run', '--program', shared('examples', 'build', 'fib.json'), '--layout', 'small', '--arguments', '30');
  assert.equal(c0.status, 1);
  assert.equal(c0.stderr, 'cairn run: error: --arguments is for a Cairo 1 executable; a Cairo 0 program reads its input from --program_input.\n');
});
