// Bad input gets a clear one-line error and exit code 1 from `cairn run`, never a stack trace
// (an input file that cannot be opened: exit code 2, as cairo-run's argparse).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/corpus';

const CLI = join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'cairn-bad-'));
const PRIME = '0x800000000000011000000000000000000000000000000000000000000000001';
const PRIME_N = BigInt(PRIME);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'run', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A program whose main is the given instructions (hex words), with a `main` identifier at 0. */
function program(name: string, data: string[], extra: Record<string, unknown> = {}): string {
  const p = join(dir, `${name}.json`);
  writeFileSync(p, JSON.stringify({
    prime: PRIME, data, builtins: [], hints: {}, main_scope: '__main__',
    identifiers: { '__main__.main': { type: 'function', pc: 0, decorators: [] } },
    reference_manager: { references: [] }, attributes: [], debug_info: null, ...extra,
  }));
  return p;
}

function expectError(args: string[], pattern: RegExp) {
  const r = run(args);
  assert.equal(r.code, 1, `exit code (stderr: ${r.err})`);
  assert.match(r.err, pattern);
  assert.doesNotMatch(r.err, /\n\s+at .*\(.*:\d+:\d+\)/, 'no JS stack trace');
  assert.doesNotMatch(r.err, /internal error/);
}

test('malformed JSON', () => {
  const p = join(dir, 'broken.json');
  writeFileSync(p, '{"prime": "0x11", "data": [');
  expectError(['--program', p], /^Error: Invalid program: the file is not valid JSON/);
});

test('missing fields and odd hex', () => {
  const p = join(dir, 'nodata.json');
  writeFileSync(p, JSON.stringify({ prime: PRIME }));
  expectError(['--program', p], /^Error: Invalid program: data: missing \(expected a list\)\./);
  expectError(['--program', program('oddhex', ['0xZZ'])], /^Error: Invalid program: data\[0\]: expected a hex number below the prime, got "0xZZ"\./);
});

test('a malformed field deep in the program names its path and what was expected', () => {
  const fib = JSON.parse(readFileSync(join(ROOT, 'examples/build/fib.json'), 'utf8'));
  const pc = Object.keys(fib.debug_info.instruction_locations)[3];
  const cases: [(j: any) => void, RegExp][] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
    [(j) => (j.debug_info.instruction_locations[pc].inst = null), new RegExp(`debug_info\\.instruction_locations\\["${pc}"\\]\\.inst: expected an object, got null\\.`)],
    [(j) => (j.identifiers['__main__.main'].pc = 'zero'), /identifiers\["__main__\.main"\]\.pc: expected a non-negative integer, got "zero"\./],
    [(j) => (j.reference_manager.references = {}), /reference_manager\.references: expected a list, got an object\./],
    [(j) => (j.prime = '0x5'), /prime: expected an odd number between 2\^63 and 2\^256/],
    [(j) => (j.data[0] = '0x' + 'f'.repeat(70)), /data\[0\]: expected a hex number below the prime/],
    [(j) => (j.builtins = [1]), /builtins\[0\]: expected a string, got 1\./],
    [(j) => (j.debug_info.instruction_locations[pc].inst.start_line = 1e300), /debug_info\.instruction_locations\["\d+"\]\.inst\.start_line: expected an integer, got 1e\+300\./],
  ];
  cases.forEach(([mutate, pattern], i) => {
    const j = JSON.parse(JSON.stringify(fib));
    mutate(j);
    const p = join(dir, `deep${i}.json`);
    writeFileSync(p, JSON.stringify(j));
    expectError(['--program', p, '--layout', 'starknet_with_keccak'], new RegExp('^Error: Invalid program: ' + pattern.source));
  });
});

test('hint flow-tracking data pointing past reference_manager is refused', () => {
  const p = program('refid', ['0x208b7fff7fff7ffe'], {
    hints: { 0: [{ code: 'x = 1', accessible_scopes: [], flow_tracking_data: { ap_tracking: { group: 0, offset: 0 }, reference_ids: { '__main__.x': 7 } } }] },
  });
  expectError(['--program', p], /hints\["0"\]\[0\]\.flow_tracking_data\.reference_ids\["__main__\.x"\]: expected no reference id \(reference_manager\.references is empty\), got 7\./);
});

function expectArgError(args: string[], pattern: RegExp) {
  const r = run(args);
  assert.equal(r.code, 2, `exit code (stderr: ${r.err})`);
  assert.match(r.err, pattern);
  assert.equal(r.err.split('\n').length, 2, r.err);
}

test('a missing program file says what ENOENT means, with exit code 2', () => {
  expectArgError(['--program', join(dir, 'nope.json')], /^cairn run: error: argument --program: can't open '.*nope\.json': no such file or folder \(ENOENT\)\n$/);
  expectArgError(['--program', dir], /^cairn run: error: argument --program: can't open '.*': it is a folder, not a file \(EISDIR\)\n$/);
});

test('a .cairo source as --program: compile it first', () => {
  expectError(['--program', join(ROOT, 'examples/src/fib.cairo')], /^Error: .*fib\.cairo looks like a Cairo source file, not a compiled program\. Compile it first/);
  const p = join(dir, 'text.json');
  writeFileSync(p, 'hello');
  expectError(['--program', p], /not valid JSON .*Did you compile the code before running it\?/);
});

test('program input that is missing, not JSON or not an object', () => {
  const ok = program('ok-input', ['0x208b7fff7fff7ffe']);
  expectArgError(['--program', ok, '--program_input', join(dir, 'none.json')], /^cairn run: error: argument --program_input: can't open '.*none\.json': no such file or folder \(ENOENT\)\n$/);
  const bad = join(dir, 'input-bad.json');
  writeFileSync(bad, '{"a": ');
  expectError(['--program', ok, '--program_input', bad], /^Error: Invalid program input .*: the file is not valid JSON/);
  writeFileSync(bad, '[1, 2]');
  expectError(['--program', ok, '--program_input', bad], /^Error: Invalid program input .*: expected a JSON object .*got a list\./);
});

test('output files that cannot be written: one line after the output, exit 1', () => {
  const fib = join(ROOT, 'examples/build/fib.json');
  const base = ['--program', fib, '--layout', 'starknet_with_keccak', '--print_output'];
  const cases: [string[], RegExp][] = [
    [['--trace_file', join(dir, 'missing', 't.bin')], /^Error: Cannot write the trace file .*t\.bin: no such file or folder \(ENOENT\)\.\n$/],
    [['--memory_file', dir], /^Error: Cannot write the memory file .*: it is a folder, not a file \(EISDIR\)\.\n$/],
    [['--trace_file', '/dev/full'], /^Error: Cannot write the trace file \/dev\/full: no space left on the device \(ENOSPC\)\.\n$/],
  ];
  for (const [extra, pattern] of cases) {
    const r = run([...base, ...extra]);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /Program output:\n {2}6765\n/);
    assert.match(r.err, pattern);
  }
});

test('a full disk on stdout and a reader that stops early (| head)', () => {
  const fib = join(ROOT, 'examples/build/fib.json');
  const full = spawnSync(process.execPath, [CLI, 'run', '--program', fib, '--layout', 'starknet_with_keccak', '--print_output'],
    { encoding: 'utf8', stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], timeout: 30_000 });
  assert.equal(full.status, 1);
  assert.equal(full.stderr, 'Error: Cannot write to standard output: no space left on the device (ENOSPC).\n');
  // --print_memory of dict_counter is thousands of lines; head reads one and closes the pipe.
  const piped = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" run --program "${join(ROOT, 'examples/build/dict_counter.json')}" --layout starknet_with_keccak --print_memory | head -1`],
    { encoding: 'utf8', timeout: 30_000 });
  assert.equal(piped.stdout, 'Addr  Value\n');
  assert.equal(piped.stderr, '');
  assert.equal(piped.status, 0);
});

test('--help goes to stdout with exit 0 for cairn, cairn run and cairn dap', () => {
  for (const args of [['--help'], ['run', '--help'], ['dap', '--help']]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /^usage: cairn/);
    assert.equal(r.stderr, '');
  }
});

test('an invalid instruction', () => {
  // Three op1 sources at once.
  expectError(['--program', program('badinst', ['0x401c800080008000', '0x1'])], /Error at pc=0:0:\nInvalid instruction: more than one op1 source flag/);
});

test('a memory write conflict', () => {
  // [ap] = 1; [ap] = 2 (no ap++ between them).
  expectError(['--program', program('conflict', ['0x400680017fff8000', '0x1', '0x400680017fff8000', '0x2'])], /Error at pc=0:2:\nAn ASSERT_EQ instruction failed: 1 != 2\./);
});

test('a read of an unknown cell', () => {
  // [ap] = [ap + 5] + [ap + 6]: neither operand is known.
  expectError(['--program', program('unknown', ['0x48307ffb7ffa8000'])], /Error at pc=0:0:\n.*(Unknown value for memory cell|An ASSERT_EQ)/);
});

test('a jump into data: the return address of main is not code', () => {
  // jmp abs [fp - 2]: jumps to the saved fp, a data segment address with no instruction.
  expectError(['--program', program('jumpdata', ['0x8b7ffe7fff7fff'])], /Error at pc=\d+:\d+:\n(Unknown value for memory cell|Instruction should be an int)/);
});

test('a huge offset', () => {
  // [ap + 0] = [ap - 1] + 2^60 style: ap += huge immediate.
  expectError(['--program', program('huge', ['0x40780017fff7fff', '0x1000000000000000', '0x208b7fff7fff7ffe'])], /Offset .* is out of range|beyond the largest offset/);
});

test('a step limit reached by a runaway loop', () => {
  // jmp rel 0: loops forever.
  expectError(['--program', program('loop', ['0x10780017fff7fff', '0x0']), '--steps', '1000'], /Error: End of program was not reached/);
});

test('a runaway loop without --steps stops at --max_steps with a clear error', () => {
  expectError(['--program', program('loop2', ['0x10780017fff7fff', '0x0']), '--max_steps', '3000000'], /End of program was not reached after 3000000 steps \(a runaway loop\?\); pass --max_steps N/);
});

test('a runaway loop that fills memory stops cleanly before the heap runs out', () => {
  // [ap] = 1, ap++; jmp rel -2: one new cell per step, forever. A small heap makes it quick.
  const p = program('fill', ['0x480680017fff8000', '0x1', '0x10780017fff7fff', (PRIME_N - 2n).toString()]);
  const r = spawnSync(process.execPath, ['--max-old-space-size=200', CLI, 'run', '--program', p], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /the run used [\d.]+ GiB of memory after \d+ steps without reaching the end of the program \(a runaway loop\?\)/);
});

test('an unknown hint names its code and pc', () => {
  const p = program('hint', ['0x208b7fff7fff7ffe'], {
    hints: { 0: [{ code: 'print("hello")', accessible_scopes: ['__main__'], flow_tracking_data: { ap_tracking: { group: 0, offset: 0 }, reference_ids: {} } }] },
  });
  expectError(['--program', p], /Unknown hint \(Cairn has no implementation for it\) at pc=0:0:\n%\{\nprint\("hello"\)\n%\}/);
});

test('usage errors exit with 2', () => {
  const r = run(['--layout', 'plain']);
  assert.equal(r.code, 2);
  assert.match(r.err, /required: --program/);
  const u = run(['--program', program('ok', ['0x208b7fff7fff7ffe']), '--layout', 'nonsense']);
  assert.equal(u.code, 2); // argparse's choices, as cairo-run
  assert.match(u.err, /argument --layout: invalid choice: 'nonsense'/);
});

test('the examples print what cairo-run prints', () => {
  const r = run(['--program', join(ROOT, 'examples/build/fib.json'), '--layout', 'starknet_with_keccak', '--print_output', '--print_info']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'Program output:\n  6765\n\nNumber of steps: 134 (originally, 134)\nUsed memory cells: 143\nRegister values after execution:\npc = 4:0\nap = 1:114\nfp = 3:0\n\n');
  const e = run(['--program', join(ROOT, 'examples/build/assert_fail.json'), '--layout', 'starknet_with_keccak']);
  assert.equal(e.code, 1);
  const expected = JSON.parse(readFileSync(join(ROOT, 'examples/expected/assert_fail/expected.json'), 'utf8')).error as string;
  assert.ok(e.err.includes('Error message: Over budget: spent 12, budget 10'), e.err);
  assert.ok(e.err.includes(expected.trim().split('\n').pop()!), e.err);
});
