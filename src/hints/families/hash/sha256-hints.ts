// cairo_sha256 hints (cairo_sha256.json and cairo_sha256_arbitrary_input_length.json whitelists,
// and the 0.14 library's finalize_sha256):
// one SHA-256 compression per chunk, and the dummy chunks that pad a batch.
import { defineHint, HintContext } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import {
  SHA256_IV, ScheduleLengthError, StateLengthError, computeMessageSchedule, sha2Compress,
} from './sha256-compress';
import { getRange, pyCompare, pyInt, writeArg } from '../../lib/py';
import { assertBelow } from './py';
import { mod } from '../../lib/math-utils';
import * as C from './codes';

const IMPORT_ALL = [
  'from starkware.cairo.common.cairo_sha256.sha256_utils import (',
  '    IV, compute_message_schedule, sha2_compress_function)',
];
const IMPORT_FUNCS = [
  'from starkware.cairo.common.cairo_sha256.sha256_utils import (',
  '    compute_message_schedule, sha2_compress_function)',
];

/** compute_message_schedule, with Python's AssertionError for a chunk that is not 16 words. */
function schedule(message: bigint[], codeLine: string): bigint[] {
  try {
    return computeMessageSchedule(message);
  } catch (e) {
    if (e instanceof ScheduleLengthError) throw new HintError('AssertionError', '', codeLine);
    throw e;
  }
}

/** sha2_compress_function, with Python's ValueError for a state that is not 8 words. */
function compress(state: readonly bigint[], w: bigint[], codeLine: string): bigint[] {
  try {
    return sha2Compress(state, w);
  } catch (e) {
    if (e instanceof StateLengthError) throw new HintError('ValueError', e.message, codeLine);
    throw e;
  }
}

function chunkSize(ctx: HintContext): number {
  const n = pyInt(ctx.ids.get('SHA256_INPUT_CHUNK_SIZE_FELTS'));
  assertBelow(n, 100n, 'assert 0 <= _sha256_input_chunk_size_felts < 100');
  return Number(n);
}

function readWords(ctx: HintContext, from: Relocatable, size: number): bigint[] {
  return getRange(ctx.mem, from, size).map((v) => pyInt(v, '>>'));
}

/** `count` dummy (message 0, IV, its compression) instances written at ids.sha256_ptr_end. */
function writeDummyInstances(ctx: HintContext, count: bigint): void {
  const message = new Array<bigint>(chunkSize(ctx)).fill(0n);
  const w = schedule(message, 'w = compute_message_schedule(message)');
  const output = compress(SHA256_IV, w, 'output = sha2_compress_function(IV, w)');
  const instance = [...message, ...SHA256_IV, ...output];
  const padding: bigint[] = [];
  for (let i = 0n; i < count; i++) padding.push(...instance);
  writeArg(ctx.mem, ctx.ids.ptr('sha256_ptr_end'), padding);
}

// finalize_sha256: BLOCK_SIZE - 1 dummy (message, IV, output) instances after sha256_ptr_end.
defineHint(
  [
    '# Add dummy pairs of input and output.',
    ...IMPORT_ALL,
    '',
    '_block_size = int(ids.BLOCK_SIZE)',
    'assert 0 <= _block_size < 20',
    '_sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)',
    'assert 0 <= _sha256_input_chunk_size_felts < 100',
    '',
    'message = [0] * _sha256_input_chunk_size_felts',
    'w = compute_message_schedule(message)',
    'output = sha2_compress_function(IV, w)',
    'padding = (message + IV + output) * (_block_size - 1)',
    'segments.write_arg(ids.sha256_ptr_end, padding)',
  ].join('\n'),
  (ctx) => {
    const blockSize = pyInt(ctx.ids.get('BLOCK_SIZE'));
    assertBelow(blockSize, 20n, 'assert 0 <= _block_size < 20');
    writeDummyInstances(ctx, blockSize - 1n);
  },
);

// sha256 (fixed IV): the compression of the chunk at sha256_start, written at output.
defineHint(
  [
    ...IMPORT_ALL,
    '',
    '_sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)',
    'assert 0 <= _sha256_input_chunk_size_felts < 100',
    '',
    'w = compute_message_schedule(memory.get_range(',
    '    ids.sha256_start, _sha256_input_chunk_size_felts))',
    'new_state = sha2_compress_function(IV, w)',
    'segments.write_arg(ids.output, new_state)',
  ].join('\n'),
  (ctx) => {
    const n = chunkSize(ctx);
    const w = schedule(readWords(ctx, ctx.ids.ptr('sha256_start'), n), 'w = compute_message_schedule(memory.get_range(');
    const newState = compress(SHA256_IV, w, 'new_state = sha2_compress_function(IV, w)');
    writeArg(ctx.mem, ctx.ids.ptr('output'), newState);
  },
);

// sha256 of arbitrary length input: the compression of the chunk with the state at ids.state.
defineHint(
  [
    ...IMPORT_FUNCS,
    '',
    '_sha256_input_chunk_size_felts = int(ids.SHA256_INPUT_CHUNK_SIZE_FELTS)',
    'assert 0 <= _sha256_input_chunk_size_felts < 100',
    '_sha256_state_size_felts = int(ids.SHA256_STATE_SIZE_FELTS)',
    'assert 0 <= _sha256_state_size_felts < 100',
    'w = compute_message_schedule(memory.get_range(',
    '    ids.sha256_start, _sha256_input_chunk_size_felts))',
    'new_state = sha2_compress_function(memory.get_range(ids.state, _sha256_state_size_felts), w)',
    'segments.write_arg(ids.output, new_state)',
  ].join('\n'),
  (ctx) => {
    const n = chunkSize(ctx);
    const stateSize = pyInt(ctx.ids.get('SHA256_STATE_SIZE_FELTS'));
    assertBelow(stateSize, 100n, 'assert 0 <= _sha256_state_size_felts < 100');
    const w = schedule(readWords(ctx, ctx.ids.ptr('sha256_start'), n), 'w = compute_message_schedule(memory.get_range(');
    const line = 'new_state = sha2_compress_function(memory.get_range(ids.state, _sha256_state_size_felts), w)';
    const state = readWords(ctx, ctx.ids.ptr('state'), Number(stateSize));
    writeArg(ctx.mem, ctx.ids.ptr('output'), compress(state, w, line));
  },
);

// sha256 / blake2s: whether 4 more bytes form a full 32-bit word.
defineHint('ids.full_word = int(ids.n_bytes >= 4)', (ctx) => {
  ctx.ids.set('full_word', pyCompare(ctx.ids.get('n_bytes'), 4n) >= 0 ? 1 : 0);
});

// finalize_sha256 (0.14): dummy instances up to a multiple of BATCH_SIZE after sha256_ptr_end.
defineHint(C.SHA256_FINALIZE, (ctx) => {
  const missing = mod(-pyInt(ctx.ids.get('n')), ctx.ids.const('BATCH_SIZE'));
  assertBelow(missing, 20n, 'assert 0 <= number_of_missing_blocks < 20');
  writeDummyInstances(ctx, missing);
});
