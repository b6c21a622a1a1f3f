// A Cairo 1 executable's Standalone entrypoint (cairo-execute --standalone: a proof-mode run, the
// trace padded to a power of 2), as a process. The digests, steps, outputs, resources and error
// texts are cairo-vm 3.2.0's, run with cairo-execute's standalone configuration by a scratch
// program (not committed); on all 49 fixtures Cairn agreed: the 38 runs that end with identical
// trace files, memory files (but ec_op's, whose RandomEcPoint hint draws a random point) and
// AIR public inputs, the 11 failures with identical error texts. The AIR inputs are compared as
// JSON (cairo-vm prints its segments in a hash map's order): a digest of their sorted form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT } from '../support/shared';

const CLI = join(ROOT, 'dist', 'cli.js');
const cairn = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const exe = (name: string) => join(ROOT, 'test/cairo1/fixtures', name, `${name}.executable.json`);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const sorted = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sorted) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v;
/** The digest of an AIR input's JSON with its keys sorted, without the file paths it names. */
function airDigest(path: string): string {
  const j = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  delete j.trace_path;
  delete j.memory_path;
  return createHash('sha256').update(JSON.stringify(sorted(j))).digest('hex');
}

test('cairn execute --standalone: the Rust VM\'s output, padded steps, resources, trace and memory (circuit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-standalone-'));
  const r = cairn('execute', exe('circuit'), '--standalone', '--print-program-output', '--print-resource-usage', '--trace-file', join(dir, 't'), '--memory-file', join(dir, 'm'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stdout,
    'Program Output:\n19\n0\n41\n0\n' +
      'Resources:\n\tsteps: 65,536\n\tmax memory address: 44,390\n\tmemory holes: 11\n' +
      '\tbuiltins:\n\t\trange_check96_builtin: 30\n\t\toutput_builtin: 4\n\t\tmul_mod_builtin: 3\n\t\tadd_mod_builtin: 1\n' +
      '\tmemory segments:\n\t\texecution: 111\n\t\trange_check96: 30\n\t\tmul_mod: 21\n\t\tadd_mod: 7\n\t\toutput: 4\n',
  );
  assert.equal(sha(join(dir, 't')), '37ec8e223a6768354676643396b0815e5ab8609248be3ffc776627d5c92fcf15');
  assert.equal(sha(join(dir, 'm')), 'b4e61ddd401deeaf1f69e70620aa95bc78a7694f99d144be1ff0ffc8a630887f');
});

test('cairn run --proof_mode of an executable is its Standalone run, with arguments (fib_loop, n = 30)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-standalone-'));
  const r = cairn('run', '--program', exe('fib_loop'), '--proof_mode', '--arguments', '30', '--print_output', '--trace_file', join(dir, 't'), '--memory_file', join(dir, 'm'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'Program Output:\n832040\n');
  assert.equal(sha(join(dir, 't')), '42143fddaf146e572bba724ddddf2d200cdc445cdf55e2f5841bcf61d24722d4');
  assert.equal(sha(join(dir, 'm')), '44acfc402adf6221270f12c426730605b57d94fc80af5375a9202a54e0c4a2a4');
});

test('a panic in a Standalone run: the error with its Cairo traceback (the header\'s call), as cairo-vm prints it', () => {
  const r = cairn('execute', exe('u8_overflow'), '--standalone');
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    "Error: Panicked with 0x75385f616464204f766572666c6f77 ('u8_add Overflow').\n\nCaused by:\n    Error at pc=0:14:\n    An ASSERT_EQ instruction failed: 0 != 1.\n    Cairo traceback (most recent call last):\n    Unknown location (pc=0:2)\n    \n",
  );
});

test('AIR public and private inputs of a Standalone run: cairo-vm\'s, field for field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-standalone-'));
  const at = (f: string) => join(dir, f);
  const r = cairn('execute', exe('circuit'), '--standalone', '--trace-file', at('t'), '--memory-file', at('m'), '--air-public-input', at('pub.json'), '--air-private-input', at('priv.json'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(airDigest(at('pub.json')), '2b67327aa2ec4d8a85c64d31ac623f5122800700ddfd5302a3da711e3fd61576');
  assert.equal(airDigest(at('priv.json')), 'a33fe566fad61dcecdacb497de14698b3412596686d32eff9ffae14b0e964f9d');
  assert.equal(JSON.parse(readFileSync(at('priv.json'), 'utf8')).trace_path, at('t'));
  // cairo-run's flags for the same
  const run = cairn('run', '--program', exe('fib_loop'), '--proof_mode', '--arguments', '30', '--trace_file', at('t2'), '--memory_file', at('m2'), '--air_public_input', at('pub2.json'), '--air_private_input', at('priv2.json'));
  assert.equal(run.status, 0, run.stderr);
  assert.equal(airDigest(at('pub2.json')), '8791927ab80addc1aad472830181b2c66b767f7bbf36583fdc76b55ef000c23f');
  assert.equal(airDigest(at('priv2.json')), '19f34636e81d2f05eaf666a34cdbbd69a027177ee27c297c1e6ce73b5fa4a3be');
  // a Bootloader run has no AIR inputs
  const bad = cairn('execute', exe('circuit'), '--air-public-input', at('pub3.json'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /cairn execute: error: --air-public-input and --air-private-input need --standalone \(a proof-mode run\)\.\n$/);
});
