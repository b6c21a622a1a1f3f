// Keccak hints: unsafe_keccak / unsafe_keccak_finalize (keccak-256 of the input bytes through
// eth_hash), and cairo_keccak's permutation and padding hints (keccak_func of keccak_utils.py).
import { keccak_256 } from '@noble/hashes/sha3';
import { defineHint, HintContext } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import { VmError } from '../../../vm/errors';
import * as F from '../../../vm/felt';
import { keccakFunc } from './keccak-func';
import { getRange, memGet, pyCompare, pyInt, scopeGet, writeArg } from '../../lib/py';
import { assertBelow, minus } from './py';

/** The exec-scope name the Python hints import keccak_func under. */
const KECCAK_FUNC = 'keccak_func';

function bytesToBig(b: Uint8Array): bigint {
  let r = 0n;
  for (const x of b) r = (r << 8n) | BigInt(x);
  return r;
}

function wordBytes(word: bigint, n: number): number[] {
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(Number((word >> BigInt(8 * i)) & 0xffn));
  return out;
}

/** ids.high / ids.low = the two 128-bit halves of keccak(input), big endian. */
function writeKeccak(ctx: HintContext, input: number[]): void {
  const hashed = keccak_256(Uint8Array.from(input));
  ctx.ids.set('high', bytesToBig(hashed.subarray(0, 16)));
  ctx.ids.set('low', bytesToBig(hashed.subarray(16, 32)));
}

// unsafe_keccak (cairo-lang keccak.cairo): the input is `length` bytes packed 16 per word.
defineHint(
  [
    'from eth_hash.auto import keccak',
    '',
    'data, length = ids.data, ids.length',
    '',
    "if '__keccak_max_size' in globals():",
    '    assert length <= __keccak_max_size, \\',
    "        f'unsafe_keccak() can only be used with length<={__keccak_max_size}. ' \\",
    "        f'Got: length={length}.'",
    '',
    'keccak_input = bytearray()',
    'for word_i, byte_i in enumerate(range(0, length, 16)):',
    '    word = memory[data + word_i]',
    '    n_bytes = min(16, length - byte_i)',
    '    assert 0 <= word < 2 ** (8 * n_bytes)',
    "    keccak_input += word.to_bytes(n_bytes, 'big')",
    '',
    'hashed = keccak(keccak_input)',
    "ids.high = int.from_bytes(hashed[:16], 'big')",
    "ids.low = int.from_bytes(hashed[16:32], 'big')",
  ].join('\n'),
  (ctx) => {
    const data = ctx.ids.get('data');
    const length = pyInt(ctx.ids.get('length'));
    if (ctx.scope.has('__keccak_max_size')) {
      const max = ctx.scope.get('__keccak_max_size');
      const maxBig = typeof max === 'bigint' ? max : typeof max === 'number' ? BigInt(max) : undefined;
      if (maxBig === undefined || !(length <= maxBig)) {
        throw new HintError('AssertionError',
          `unsafe_keccak() can only be used with length<=${String(max)}. Got: length=${length}.`,
          'assert length <= __keccak_max_size, \\');
      }
    }
    const input: number[] = [];
    for (let byteI = 0n, wordI = 0; byteI < length; byteI += 16n, wordI++) {
      if (typeof data !== 'object') {
        // memory[<int>]: an integer key is never a written cell of the (unrelocated) memory.
        throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${F.big(data) + BigInt(wordI)}.`);
      }
      const word = memGet(ctx.mem, data.add(wordI));
      const nBytes = Number(length - byteI < 16n ? length - byteI : 16n);
      // An address passes `0 <= word` and fails `word < 2 ** ...` (addresses order above ints).
      if (typeof word === 'object' || !(BigInt(word) < 1n << BigInt(8 * nBytes))) {
        throw new HintError('AssertionError', '', 'assert 0 <= word < 2 ** (8 * n_bytes)');
      }
      input.push(...wordBytes(BigInt(word), nBytes));
    }
    writeKeccak(ctx, input);
  },
);

// unsafe_keccak_finalize: the words between start_ptr and end_ptr, 16 bytes each.
defineHint(
  [
    'from eth_hash.auto import keccak',
    'keccak_input = bytearray()',
    'n_elms = ids.keccak_state.end_ptr - ids.keccak_state.start_ptr',
    'for word in memory.get_range(ids.keccak_state.start_ptr, n_elms):',
    "    keccak_input += word.to_bytes(16, 'big')",
    'hashed = keccak(keccak_input)',
    "ids.high = int.from_bytes(hashed[:16], 'big')",
    "ids.low = int.from_bytes(hashed[16:32], 'big')",
  ].join('\n'),
  (ctx) => {
    const end = ctx.ids.ptr('keccak_state.end_ptr');
    const start = ctx.ids.ptr('keccak_state.start_ptr');
    if (end.segment !== start.segment) {
      throw new HintError('AssertionError',
        `Can only subtract two relocatable values of the same segment (${end.segment} != ${start.segment}).`,
        'n_elms = ids.keccak_state.end_ptr - ids.keccak_state.start_ptr');
    }
    const words = getRange(ctx.mem, start, end.offset - start.offset);
    const input: number[] = [];
    const line = "keccak_input += word.to_bytes(16, 'big')";
    for (const w of words) {
      if (typeof w === 'object') {
        throw new HintError('AttributeError', "'RelocatableValue' object has no attribute 'to_bytes'", line);
      }
      const word = BigInt(w);
      if (word >= 1n << 128n) throw new HintError('OverflowError', 'int too big to convert', line);
      input.push(...wordBytes(word, 16));
    }
    writeKeccak(ctx, input);
  },
);

/** int(ids.KECCAK_STATE_SIZE_FELTS), asserted in [0, 100). */
function stateSize(ctx: HintContext): number {
  const n = pyInt(ctx.ids.get('KECCAK_STATE_SIZE_FELTS'));
  assertBelow(n, 100n, 'assert 0 <= _keccak_state_size_felts < 100');
  return Number(n);
}

/** keccak_func on memory words; a list shorter than 25 is Python's IndexError. */
function permute(values: bigint[]): bigint[] {
  if (values.length < 25) {
    throw new HintError('IndexError', 'list index out of range');
  }
  return keccakFunc(values);
}

function permuteRange(ctx: HintContext, from: Relocatable, size: number): bigint[] {
  return permute(getRange(ctx.mem, from, size).map((v) => pyInt(v, '^')));
}

// cairo_keccak (0.8 / 0.10 whitelists) and keccak_utils (latest): the permutation of the 25
// words just before keccak_ptr, written at keccak_ptr.
const PERMUTE_BEFORE_PTR_TAIL = [
  '_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)',
  'assert 0 <= _keccak_state_size_felts < 100',
  '',
  'output_values = keccak_func(memory.get_range(',
  '    ids.keccak_ptr - _keccak_state_size_felts, _keccak_state_size_felts))',
  'segments.write_arg(ids.keccak_ptr, output_values)',
];
defineHint(
  [
    ['from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func', ...PERMUTE_BEFORE_PTR_TAIL].join('\n'),
    ['from starkware.cairo.common.keccak_utils.keccak_utils import keccak_func', ...PERMUTE_BEFORE_PTR_TAIL].join('\n'),
  ],
  (ctx) => {
    ctx.scope.set(KECCAK_FUNC, keccakFunc);
    const n = stateSize(ctx);
    const ptr = ctx.ids.ptr('keccak_ptr');
    writeArg(ctx.mem, ptr, permuteRange(ctx, minus(ptr, BigInt(n)), n));
  },
);

// cairo_keccak (cairo_keccak.json whitelist): the permutation of the words at keccak_ptr_start,
// written at output.
defineHint(
  [
    'from starkware.cairo.common.cairo_keccak.keccak_utils import keccak_func',
    '_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)',
    'assert 0 <= _keccak_state_size_felts < 100',
    'output_values = keccak_func(memory.get_range(',
    '    ids.keccak_ptr_start, _keccak_state_size_felts))',
    'segments.write_arg(ids.output, output_values)',
  ].join('\n'),
  (ctx) => {
    ctx.scope.set(KECCAK_FUNC, keccakFunc);
    const n = stateSize(ctx);
    const out = permuteRange(ctx, ctx.ids.ptr('keccak_ptr_start'), n);
    writeArg(ctx.mem, ctx.ids.ptr('output'), out);
  },
);

// finalize_keccak: dummy (input, output) pairs, BLOCK_SIZE of them, after keccak_ptr_end.
// keccak_func is not imported by this hint: it comes from the permutation hints above having run
// in the same exec scope (a NameError otherwise, as in the reference).
function finalizePadding(maxBlockSize: bigint) {
  return (ctx: HintContext): void => {
    const size = pyInt(ctx.ids.get('KECCAK_STATE_SIZE_FELTS'));
    const blockSize = pyInt(ctx.ids.get('BLOCK_SIZE'));
    assertBelow(size, 100n, 'assert 0 <= _keccak_state_size_felts < 100');
    assertBelow(blockSize, maxBlockSize, `assert 0 <= _block_size < ${maxBlockSize}`);
    const n = Number(size);
    scopeGet(ctx, KECCAK_FUNC, 'padding = (inp + keccak_func(inp)) * _block_size');
    const inp = new Array<bigint>(n).fill(0n);
    const pair = [...inp, ...permute(inp)];
    const padding: bigint[] = [];
    for (let i = 0n; i < blockSize; i++) padding.push(...pair);
    writeArg(ctx.mem, ctx.ids.ptr('keccak_ptr_end'), padding);
  };
}
for (const max of [10n, 1000n]) {
  defineHint(
    [
      '# Add dummy pairs of input and output.',
      '_keccak_state_size_felts = int(ids.KECCAK_STATE_SIZE_FELTS)',
      '_block_size = int(ids.BLOCK_SIZE)',
      'assert 0 <= _keccak_state_size_felts < 100',
      `assert 0 <= _block_size < ${max}`,
      'inp = [0] * _keccak_state_size_felts',
      'padding = (inp + keccak_func(inp)) * _block_size',
      'segments.write_arg(ids.keccak_ptr_end, padding)',
    ].join('\n'),
    finalizePadding(max),
  );
}

// keccak: whether a full rate block remains (memory[ap] = n_bytes >= 136).
defineHint('memory[ap] = to_felt_or_relocatable(ids.n_bytes >= ids.KECCAK_FULL_RATE_IN_BYTES)', (ctx) => {
  const full = pyCompare(ctx.ids.get('n_bytes'), ctx.ids.get('KECCAK_FULL_RATE_IN_BYTES')) >= 0;
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, full ? 1 : 0);
});

// cairo_keccak's keccak_add_uint256s / packed words: whether 8 more bytes form a full word.
defineHint('ids.full_word = int(ids.n_bytes >= 8)', (ctx) => {
  ctx.ids.set('full_word', pyCompare(ctx.ids.get('n_bytes'), 8n) >= 0 ? 1 : 0);
});
