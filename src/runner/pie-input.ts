// Reading a Cairo PIE (--run_from_cairo_pie), as cairo_pie.py's CairoPie.from_file does, with
// its run_validity_checks: the stripped program (prime, data, builtins, main), the segments,
// the memory cells (relocatable words decoded), the builtins' additional data and the
// execution resources. The run itself is CairoRunner's (options.pie).
import { readFileSync } from 'node:fs';
import { Program } from '../vm/program';
import { Felt, fromReduced } from '../vm/felt';
import { Relocatable, Value } from '../vm/relocatable';
import { ProgramError } from '../vm/errors';
import { readZip } from './zip';
import { fsErrorText } from './fs-errors';
import { parsePreciseJson } from './precise-json';

export interface SegmentInfo { index: number; size: number }

export interface PieInput {
  program: Program;
  programSegment: SegmentInfo;
  executionSegment: SegmentInfo;
  retFpSegment: SegmentInfo;
  retPcSegment: SegmentInfo;
  builtinSegments: Record<string, SegmentInfo>;
  extraSegments: SegmentInfo[];
  /** Cells in memory.bin's order. */
  memory: [number, number, Value][];
  additionalData: Record<string, unknown>;
  resources: { n_steps: number; n_memory_holes: number; builtin_instance_counter: Record<string, number> };
  version: Record<string, unknown>;
  /** The zip's entries, for the secure run's comparison with the PIE the run makes. */
  entries: Map<string, Buffer>;
}

/** A failed run_validity_checks check (cairo-run wraps it in a CairoRunError). */
export class PieError extends Error {}
/** A zip that is no Cairo PIE, or an incompatible version (an AssertionError in cairo-run). */
export class PieFormatError extends Error {}

const OFFSET_MASK = (1n << 47n) - 1n;
const FILES = ['metadata.json', 'memory.bin', 'additional_data.json', 'execution_resources.json', 'version.json'];

function check(ok: boolean, message: string): void {
  if (!ok) throw new PieError(message);
}

const isSegment = (s: unknown): s is SegmentInfo => {
  const x = s as SegmentInfo;
  return typeof x === 'object' && x !== null && Number.isInteger(x.index) && Number.isInteger(x.size);
};

export function readCairoPie(path: string): PieInput {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ProgramError(`Cannot read the Cairo PIE ${path}: ${fsErrorText(e)}.`);
  }
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') throw new PieFormatError('Invalid prefix for zip file.');
  const entries = readZip(bytes);
  const names = [...entries.keys()].map((n) => n.replace(/^.*\//, ''));
  const byName = new Map([...entries].map(([n, d]) => [n.replace(/^.*\//, ''), d]));
  if (!FILES.every((f) => names.includes(f))) throw new PieFormatError(`Invalid list of inner files in the Cairo PIE: ${[...names].sort().join(', ')}.`);
  const json = (name: string) => {
    try {
      return parsePreciseJson(byName.get(name)!.toString('utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ProgramError(`Invalid Cairo PIE ${path}: ${name} is not valid JSON (${(e as Error).message}).`);
    }
  };
  const meta = json('metadata.json');
  const resources = json('execution_resources.json') as unknown as PieInput['resources'];
  const version = json('version.json');
  const additionalData = json('additional_data.json');

  if (!(typeof version.cairo_pie === 'string' && version.cairo_pie.startsWith('1.'))) throw new PieFormatError('Incompatible Cairo-PIE version.');
  const prog = meta.program as { prime: unknown; data: unknown; builtins: unknown; main: unknown } | undefined;
  check(typeof prog === 'object' && prog !== null, 'Invalid program in metadata.json.');
  // StrippedProgram.run_validity_checks (marshmallow reads a float prime as an int)
  const p = prog!.prime;
  const prime = typeof p === 'bigint' ? p : typeof p === 'number' && Number.isInteger(p) ? BigInt(p) : -1n;
  check(prime > 2n ** 63n, 'Invalid prime.');
  const word = (d: unknown): bigint | undefined => {
    try {
      return typeof d === 'string' || typeof d === 'bigint' || (typeof d === 'number' && Number.isInteger(d)) ? BigInt(d) : undefined;
    } catch {
      return undefined;
    }
  };
  const words = Array.isArray(prog!.data) ? (prog!.data as unknown[]).map(word) : [undefined];
  check(words.every((w) => w !== undefined && w >= 0n && w < prime), 'Invalid program data.');
  const data: Felt[] = words.map((w) => fromReduced(w!));
  const builtins = prog!.builtins as string[];
  check(Array.isArray(builtins) && builtins.every((b) => typeof b === 'string' && /^[a-z0-9_]+$/.test(b)) && new Set(builtins).size === builtins.length, 'Invalid builtin list.');
  const main = prog!.main as number;
  check(Number.isInteger(main) && main >= 0 && main < data.length, 'Invalid main() address.');
  const program: Program = {
    prime, data, builtins, hints: new Map(), references: [], attributes: [], debugInfo: undefined,
    mainScope: '__main__', compilerVersion: undefined,
    identifiers: new Map([['__main__.main', { type: 'function', pc: main, decorators: [] }]]),
  };

  const seg = (k: string): SegmentInfo => {
    check(isSegment(meta[k]), `Invalid ${k}.`);
    return meta[k] as SegmentInfo;
  };
  const programSegment = seg('program_segment');
  const executionSegment = seg('execution_segment');
  const retFpSegment = seg('ret_fp_segment');
  const retPcSegment = seg('ret_pc_segment');
  const builtinSegments = meta.builtin_segments as Record<string, SegmentInfo>;
  check(typeof builtinSegments === 'object' && builtinSegments !== null && Object.values(builtinSegments).every(isSegment), 'Invalid builtin_segments.');
  const extraSegments = meta.extra_segments as SegmentInfo[];
  check(Array.isArray(extraSegments), 'Invalid type for extra_segments.');
  const all = [programSegment, executionSegment, retFpSegment, retPcSegment, ...Object.values(builtinSegments), ...extraSegments];
  for (const s of all) {
    check(isSegment(s), 'Invalid type for segment_info.');
    check(s.index >= 0 && s.index < 2 ** 30, 'Invalid segment index.');
    check(s.size >= 0 && s.size < 2 ** 30, 'Invalid segment size.');
  }
  check(programSegment.size === data.length, 'Program length does not match the program segment size.');
  check(builtins.join() === Object.keys(builtinSegments).join(),
    `Builtin list mismatch in builtin_segments. Builtins: [${builtins.map((b) => `'${b}'`).join(', ')}], segment keys: [${Object.keys(builtinSegments).map((b) => `'${b}'`).join(', ')}].`);
  check(retFpSegment.size === 0, 'Invalid segment size for ret_fp. Must be 0.');
  check(retPcSegment.size === 0, 'Invalid segment size for ret_pc. Must be 0.');
  // validate_segment_order
  check(programSegment.index === 0, 'Invalid segment index for program_segment.');
  check(executionSegment.index === 1, 'Invalid segment index for execution_segment.');
  let next = 2;
  for (const [name, s] of Object.entries(builtinSegments)) check(s.index === next++, `Invalid segment index for ${name}.`);
  check(retFpSegment.index === next++, 'Invalid segment index for ret_fp_segment.');
  check(retPcSegment.index === next++, 'Invalid segment index for ret_pc_segment.');
  for (const s of extraSegments) check(s.index === next++, 'Invalid segment indices for extra_segments.');

  check(Number.isInteger(resources.n_steps) && resources.n_steps >= 1, `Invalid n_steps: ${resources.n_steps}.`);
  check(Number.isInteger(resources.n_memory_holes) && resources.n_memory_holes >= 0, `Invalid n_memory_holes: ${resources.n_memory_holes}.`);
  check(JSON.stringify(builtins.map((b) => `${b}_builtin`).sort()) === JSON.stringify(Object.keys(resources.builtin_instance_counter ?? {}).sort()),
    'Builtin list mismatch in execution_resources.');

  // memory.bin: (address, value) pairs; a word with its top bit set is a relocatable.
  const sizes = new Map(all.map((s) => [s.index, s.size]));
  const fieldBytes = Math.ceil(prime.toString(2).length / 8);
  const bin = byName.get('memory.bin')!;
  const step = 8 + fieldBytes;
  check(bin.length % step === 0, 'Invalid memory.bin size.');
  const top = 1n << BigInt(8 * fieldBytes - 1);
  const memory: [number, number, Value][] = [];
  const reloc = (w: bigint): [number, number] => [Number((w >> 47n) & ((1n << 16n) - 1n)), Number(w & OFFSET_MASK)];
  const validAddr = ([s, o]: [number, number]) => sizes.has(s) && o < sizes.get(s)!;
  for (let at = 0; at < bin.length; at += step) {
    const a = bin.readBigUInt64LE(at);
    check(a >= 1n << 63n, 'Invalid memory cell address.');
    const addr = reloc(a - (1n << 63n));
    check(validAddr(addr), 'Invalid memory cell address.');
    let v = 0n;
    for (let k = fieldBytes - 1; k >= 0; k--) v = (v << 8n) | BigInt(bin[at + 8 + k]);
    let value: Value;
    if (v >= top) {
      const r = reloc(v - top);
      check(sizes.has(r[0]) && r[1] <= sizes.get(r[0])!, 'Invalid memory cell value.');
      value = new Relocatable(r[0], r[1]);
    } else {
      check(v < prime, 'Invalid memory cell value.');
      value = fromReduced(v);
    }
    memory.push([addr[0], addr[1], value]);
  }
  return {
    program, programSegment, executionSegment, retFpSegment, retPcSegment, builtinSegments, extraSegments,
    memory, additionalData, resources, version, entries: byName,
  };
}
