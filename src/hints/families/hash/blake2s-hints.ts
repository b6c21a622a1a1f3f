// cairo_blake2s hints: one BLAKE2s compression per instance (blake2s_utils.blake2s_compress and
// compute_blake2s_func), and the dummy instances that pad a batch in finalize_blake2s.
import { defineHint, HintContext } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import { BLAKE2S_IV, Blake2sArgs, blake2sCompress } from './blake2s-compress';
import { getRange, memGet, pyInt, writeArg } from '../../lib/py';
import { assertBelow, minus } from './py';

const F_LAST = 0xffffffffn;
/** [IV[0] ^ 0x01010020] + IV[1:]: the IV with the parameter block of a 32-byte unkeyed hash. */
const MODIFIED_IV: readonly bigint[] = [BLAKE2S_IV[0] ^ 0x01010020n, ...BLAKE2S_IV.slice(1)];

function compress(args: Blake2sArgs, codeLine: string): bigint[] {
  if (args.h.length < 8 || args.message.length < 16) throw new HintError('IndexError', 'list index out of range', codeLine);
  return blake2sCompress(args);
}

function chunkSize(ctx: HintContext, name: string): number {
  const n = pyInt(ctx.ids.get(name));
  assertBelow(n, 100n, 'assert 0 <= _blake2s_input_chunk_size_felts < 100');
  return Number(n);
}

function words(ctx: HintContext, from: Relocatable, size: number): bigint[] {
  return getRange(ctx.mem, from, size).map((v) => pyInt(v, '+'));
}

// finalize_blake2s: N_PACKED_INSTANCES - 1 dummy instances after blake2s_ptr_end. The two
// versions differ in where the IV goes in an instance (before or after the message).
function padding(chunkName: string, ivFirst: boolean) {
  return (ctx: HintContext): void => {
    const nInstances = pyInt(ctx.ids.get('N_PACKED_INSTANCES'));
    assertBelow(nInstances, 20n, 'assert 0 <= _n_packed_instances < 20');
    const message = new Array<bigint>(chunkSize(ctx, chunkName)).fill(0n);
    const output = compress({ message, h: MODIFIED_IV, t0: 0n, t1: 0n, f0: F_LAST, f1: 0n }, 'output = blake2s_compress(');
    const instance = ivFirst
      ? [...MODIFIED_IV, ...message, 0n, F_LAST, ...output]
      : [...message, ...MODIFIED_IV, 0n, F_LAST, ...output];
    const out: bigint[] = [];
    for (let i = 1n; i < nInstances; i++) out.push(...instance);
    writeArg(ctx.mem, ctx.ids.ptr('blake2s_ptr_end'), out);
  };
}

function paddingCode(chunkName: string, instance: string): string {
  return [
    '# Add dummy pairs of input and output.',
    'from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress',
    '',
    '_n_packed_instances = int(ids.N_PACKED_INSTANCES)',
    'assert 0 <= _n_packed_instances < 20',
    `_blake2s_input_chunk_size_felts = int(ids.${chunkName})`,
    'assert 0 <= _blake2s_input_chunk_size_felts < 100',
    '',
    'message = [0] * _blake2s_input_chunk_size_felts',
    'modified_iv = [IV[0] ^ 0x01010020] + IV[1:]',
    'output = blake2s_compress(',
    '    message=message,',
    '    h=modified_iv,',
    '    t0=0,',
    '    t1=0,',
    '    f0=0xffffffff,',
    '    f1=0,',
    ')',
    `padding = (${instance}) * (_n_packed_instances - 1)`,
    'segments.write_arg(ids.blake2s_ptr_end, padding)',
  ].join('\n');
}

defineHint(paddingCode('BLAKE2S_INPUT_CHUNK_SIZE_FELTS', 'message + modified_iv + [0, 0xffffffff] + output'),
  padding('BLAKE2S_INPUT_CHUNK_SIZE_FELTS', false));
defineHint(paddingCode('INPUT_BLOCK_FELTS', 'modified_iv + message + [0, 0xffffffff] + output'),
  padding('INPUT_BLOCK_FELTS', true));

// blake2s (cairo_blake2s.json): the last block's compression from the modified IV, at output.
defineHint(
  [
    'from starkware.cairo.common.cairo_blake2s.blake2s_utils import IV, blake2s_compress',
    '',
    '_blake2s_input_chunk_size_felts = int(ids.BLAKE2S_INPUT_CHUNK_SIZE_FELTS)',
    'assert 0 <= _blake2s_input_chunk_size_felts < 100',
    '',
    'new_state = blake2s_compress(',
    '    message=memory.get_range(ids.blake2s_start, _blake2s_input_chunk_size_felts),',
    '    h=[IV[0] ^ 0x01010020] + IV[1:],',
    '    t0=ids.n_bytes,',
    '    t1=0,',
    '    f0=0xffffffff,',
    '    f1=0,',
    ')',
    '',
    'segments.write_arg(ids.output, new_state)',
  ].join('\n'),
  (ctx) => {
    const n = chunkSize(ctx, 'BLAKE2S_INPUT_CHUNK_SIZE_FELTS');
    const message = words(ctx, ctx.ids.ptr('blake2s_start'), n);
    const t0 = pyInt(ctx.ids.get('n_bytes'), '^', 'new_state = blake2s_compress(');
    const newState = compress({ message, h: MODIFIED_IV, t0, t1: 0n, f0: F_LAST, f1: 0n }, 'new_state = blake2s_compress(');
    writeArg(ctx.mem, ctx.ids.ptr('output'), newState);
  },
);

// blake2s (newer library): compute_blake2s_func. The instance before output is
// h (8 words), message (16 words), t, f; the new state is written at output.
defineHint(
  [
    'from starkware.cairo.common.cairo_blake2s.blake2s_utils import compute_blake2s_func',
    'compute_blake2s_func(segments=segments, output_ptr=ids.output)',
  ].join('\n'),
  (ctx) => {
    const line = 'compute_blake2s_func(segments=segments, output_ptr=ids.output)';
    const out = ctx.ids.ptr('output');
    const h = words(ctx, minus(out, 26n), 8);
    const message = words(ctx, minus(out, 18n), 16);
    const t0 = pyInt(memGet(ctx.mem, minus(out, 2n)), '^', line);
    const f0 = pyInt(memGet(ctx.mem, minus(out, 1n)), '^', line);
    writeArg(ctx.mem, out, compress({ message, h, t0, t1: 0n, f0, f1: 0n }, line));
  },
);
