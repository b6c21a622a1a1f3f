// The hash hints' error cases (Python exception type and message of the reference) and the
// counted-loop scope hints, run on a small hand-made context: a real Memory, exec scopes, and
// `ids` bound to chosen values or cells.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/hints/all';
import { findHint, normalizeHintCode, HintContext } from '../../src/hints/hint';
import { HintBench, raises } from './harness';
import type { Memory } from '../../src/vm/memory';
import { VmError } from '../../src/vm/errors';
import { Relocatable, Value } from '../../src/vm/relocatable';
import * as F from '../../src/vm/felt';
import { hintCode, knownHintCodes } from '../support/hint-codes';

/** The hash family's hints, by a fragment of their code found in the whitelists and corpus programs. */
const HASH_HINTS = {
  keccakPaddingBlock10: hintCode('assert 0 <= _block_size < 10\n', 'keccak_func(inp)'),
  unsafeKeccak: hintCode('unsafe_keccak() can only be used'),
  keccakPermuteCairoKeccak: hintCode('cairo_keccak.keccak_utils import keccak_func', 'ids.keccak_ptr - _keccak_state_size_felts'),
  keccakFullRate: hintCode('ids.n_bytes >= ids.KECCAK_FULL_RATE_IN_BYTES'),
  loopDecrement: hintCode('n -= 1\nids.continue_loop'),
  enterScopeN: hintCode("vm_enter_scope({'n': ids.n})"),
  exitScope: 'vm_exit_scope()',
  blake2sCompress: hintCode('blake2s_compress(', 'ids.blake2s_start', 'BLAKE2S_INPUT_CHUNK_SIZE_FELTS'),
  fullWord4: hintCode('ids.full_word = int(ids.n_bytes >= 4)'),
  keccakPaddingBlock1000: hintCode('assert 0 <= _block_size < 1000', 'keccak_func(inp)'),
  fullWord8: hintCode('ids.full_word = int(ids.n_bytes >= 8)'),
  sha256Compress: hintCode('sha2_compress_function(IV, w)', 'ids.sha256_start'),
  sha256CompressState: hintCode('memory.get_range(ids.state, _sha256_state_size_felts)'),
  keccakPermuteUtils: hintCode('keccak_utils.keccak_utils import keccak_func', 'ids.keccak_ptr - _keccak_state_size_felts'),
  unsafeKeccakFinalize: hintCode('ids.keccak_state.end_ptr - ids.keccak_state.start_ptr'),
};
type HashHint = keyof typeof HASH_HINTS;

interface Fake {
  bench: HintBench;
  readonly ctx: HintContext;
  mem: Memory;
  scopes: Map<string, unknown>[];
  /** ids bound to a value (read-only) or to a cell (ids.set writes it). */
  bind(name: string, v: Value | bigint): void;
  cell(name: string, addr: Relocatable): void;
}

/** The shared hint bench, with ids bound one by one to values or cells. */
function fake(): Fake {
  const bench = new HintBench();
  return {
    bench,
    get ctx() {
      return bench.ctx();
    },
    mem: bench.mem,
    scopes: bench.vm.execScopes,
    bind: (n, v) => bench.value(n, v),
    cell: (n, a) => bench.cellAt(n, a),
  };
}

function run(hint: HashHint, f: Fake): void {
  assert.ok(findHint(HASH_HINTS[hint]), `${hint} is not registered`);
  f.bench.run(HASH_HINTS[hint]);
}

test('every hash hint of the whitelists and corpus programs is registered', () => {
  const hash = /keccak|sha256|blake2s|n -= 1|vm_enter_scope\(\{'n'|vm_exit_scope\(\)|ids\.full_word/;
  const codes = knownHintCodes().filter((c) => hash.test(c));
  assert.ok(codes.length >= 20, `only ${codes.length} hash hints found`);
  for (const code of codes) assert.ok(findHint(code), `not registered:\n${normalizeHintCode(code)}`);
});

test("vm_enter_scope({'n': ids.n}), n -= 1 and vm_exit_scope() run a counted loop", () => {
  const f = fake();
  const out = f.mem.addSegment();
  f.bind('n', 2n);
  run('enterScopeN', f);
  assert.equal(f.scopes.length, 2);
  assert.equal(f.scopes[1].get('n'), 2n);
  f.cell('continue_loop', out);
  run('loopDecrement', f);
  assert.equal(f.mem.get(out.segment, 0), 1);
  f.cell('continue_loop', out.add(1));
  run('loopDecrement', f);
  assert.equal(f.mem.get(out.segment, 1), 0);
  assert.equal(f.scopes[1].get('n'), 0n);
  run('exitScope', f);
  assert.equal(f.scopes.length, 1);
});

test('vm_exit_scope() in the main scope: AssertionError Cannot exit main scope.', () => {
  raises(() => run('exitScope', fake()), 'AssertionError', 'Cannot exit main scope.');
});

test('n -= 1 with no n in the scope: NameError', () => {
  const f = fake();
  f.cell('continue_loop', f.mem.addSegment());
  raises(() => run('loopDecrement', f), 'NameError', "name 'n' is not defined");
});

function unsafeKeccak(f: Fake, words: Value[], length: bigint): Relocatable {
  const data = f.mem.addSegment();
  f.mem.load(data, words);
  const res = f.mem.addSegment();
  f.bind('data', data);
  f.bind('length', length);
  f.cell('high', res);
  f.cell('low', res.add(1));
  return res;
}

test('unsafe_keccak hashes the packed bytes (keccak-256 of "")', () => {
  const f = fake();
  const res = unsafeKeccak(f, [], 0n);
  run('unsafeKeccak', f);
  assert.equal(F.big(f.mem.getAt(res) as F.Felt), 0xc5d2460186f7233c927e7db2dcc703c0n);
  assert.equal(F.big(f.mem.getAt(res.add(1)) as F.Felt), 0xe500b653ca82273b7bfad8045d85a470n);
});

test('unsafe_keccak above __keccak_max_size: AssertionError with the reference message', () => {
  const f = fake();
  unsafeKeccak(f, [1, 2], 20n);
  f.scopes[0].set('__keccak_max_size', 10n);
  raises(() => run('unsafeKeccak', f), 'AssertionError', 'unsafe_keccak() can only be used with length<=10. Got: length=20.');
});

test('unsafe_keccak with a word wider than its byte count: AssertionError', () => {
  const f = fake();
  unsafeKeccak(f, [0x10000], 2n);
  raises(() => run('unsafeKeccak', f), 'AssertionError', '');
});

test('unsafe_keccak reading past the data: UnknownMemoryError', () => {
  const f = fake();
  unsafeKeccak(f, [1], 17n);
  assert.throws(() => run('unsafeKeccak', f), (e: unknown) => e instanceof VmError && e.kind === 'UnknownMemory'
    && /Unknown value for memory cell at address \d+:1\./.test(e.message));
});

test('unsafe_keccak_finalize with a word of 2^128: OverflowError', () => {
  const f = fake();
  const data = f.mem.addSegment();
  f.mem.load(data, [F.toFelt(1n << 128n)]);
  f.bind('keccak_state.start_ptr', data);
  f.bind('keccak_state.end_ptr', data.add(1));
  const res = f.mem.addSegment();
  f.cell('high', res);
  f.cell('low', res.add(1));
  raises(() => run('unsafeKeccakFinalize', f), 'OverflowError', 'int too big to convert');
});

test('finalize_keccak padding without keccak_func imported in the scope: NameError', () => {
  const f = fake();
  f.bind('KECCAK_STATE_SIZE_FELTS', 25n);
  f.bind('BLOCK_SIZE', 3n);
  f.bind('keccak_ptr_end', f.mem.addSegment());
  raises(() => run('keccakPaddingBlock10', f), 'NameError', "name 'keccak_func' is not defined");
});

test('finalize_keccak padding after the permutation hint writes BLOCK_SIZE pairs', () => {
  const f = fake();
  const buf = f.mem.addSegment();
  f.mem.load(buf, new Array(25).fill(0));
  f.bind('KECCAK_STATE_SIZE_FELTS', 25n);
  f.bind('keccak_ptr', buf.add(25));
  run('keccakPermuteUtils', f);
  assert.equal(F.big(f.mem.get(buf.segment, 25) as F.Felt), 0xf1258f7940e1dde7n);
  f.bind('BLOCK_SIZE', 3n);
  const end = f.mem.addSegment();
  f.bind('keccak_ptr_end', end);
  run('keccakPaddingBlock1000', f);
  assert.equal(f.mem.segment(end.segment)!.length, 150);
  assert.equal(F.big(f.mem.get(end.segment, 125) as F.Felt), 0xf1258f7940e1dde7n);
  f.bind('BLOCK_SIZE', 10n);
  raises(() => run('keccakPaddingBlock10', f), 'AssertionError', '');
});

test('keccak permutation with a state size of 100: AssertionError', () => {
  const f = fake();
  f.bind('KECCAK_STATE_SIZE_FELTS', 100n);
  f.bind('keccak_ptr', f.mem.addSegment());
  raises(() => run('keccakPermuteCairoKeccak', f), 'AssertionError', '');
});

test('sha256 compression of a 15-word chunk: AssertionError of compute_message_schedule', () => {
  const f = fake();
  const buf = f.mem.addSegment();
  f.mem.load(buf, new Array(15).fill(0));
  f.bind('SHA256_INPUT_CHUNK_SIZE_FELTS', 15n);
  f.bind('sha256_start', buf);
  f.bind('output', f.mem.addSegment());
  raises(() => run('sha256Compress', f), 'AssertionError', '');
});

test('sha256 with a 7-word state: ValueError of the unpacking', () => {
  const f = fake();
  const buf = f.mem.addSegment();
  f.mem.load(buf, new Array(23).fill(0));
  f.bind('SHA256_INPUT_CHUNK_SIZE_FELTS', 16n);
  f.bind('SHA256_STATE_SIZE_FELTS', 7n);
  f.bind('sha256_start', buf);
  f.bind('state', buf.add(16));
  f.bind('output', f.mem.addSegment());
  raises(() => run('sha256CompressState', f), 'ValueError', 'not enough values to unpack (expected 8, got 7)');
});

test('blake2s compression of an 8-word chunk: IndexError', () => {
  const f = fake();
  const buf = f.mem.addSegment();
  f.mem.load(buf, new Array(8).fill(0));
  f.bind('BLAKE2S_INPUT_CHUNK_SIZE_FELTS', 8n);
  f.bind('blake2s_start', buf);
  f.bind('n_bytes', 32n);
  f.bind('output', f.mem.addSegment());
  raises(() => run('blake2sCompress', f), 'IndexError', 'list index out of range');
});

test('full_word and the keccak full-rate test compare n_bytes (addresses order above integers)', () => {
  const f = fake();
  const out = f.mem.addSegment();
  f.cell('full_word', out);
  f.bind('n_bytes', 3n);
  run('fullWord4', f);
  assert.equal(f.mem.get(out.segment, 0), 0);
  f.cell('full_word', out.add(1));
  f.bind('n_bytes', 8n);
  run('fullWord8', f);
  assert.equal(f.mem.get(out.segment, 1), 1);
  f.bind('KECCAK_FULL_RATE_IN_BYTES', 136n);
  f.bind('n_bytes', new Relocatable(5, 0));
  run('keccakFullRate', f);
  assert.equal(f.mem.get(f.ctx.vm.apSeg, 100), 1);
});
