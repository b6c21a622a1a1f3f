// cairo-run's relocated binary files, as `--trace_file` and `--memory_file` write them (Cairn's
// `cairn run` writes the same bytes): the trace is ap, fp, pc per step, each 8 bytes little
// endian; the memory is (address 8 bytes, value 32 bytes) per cell, in first-write order.
import { readFileSync } from 'node:fs';
import { Felt, fromReduced, getPrime } from '../../vm/felt';

/** A trace or memory file that cannot be read as one: the message says which and why. */
export class RecordingError extends Error {}

export interface RelocatedTrace {
  /** Steps recorded (the state before each step). */
  length: number;
  ap: Float64Array;
  fp: Float64Array;
  pc: Float64Array;
}

export interface RelocatedMemory {
  /** Cells in the order the file lists them (first-write order). */
  addresses: Float64Array;
  values: Felt[];
  /** The highest address written. */
  maxAddress: number;
}

function read(path: string, what: string): Buffer {
  if (typeof path !== 'string' || path === '') throw new RecordingError(`The ${what} is not set.`);
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RecordingError(`Cannot read the ${what} ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.`);
  }
}

/** An address word: below 2^53, as every relocated address of a real run is. */
function word(buf: Buffer, at: number, what: string): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RecordingError(`The ${what} holds ${v} at byte ${at}, too large for an address: is it a cairo-run ${what}?`);
  return Number(v);
}

export function readTraceFile(path: string): RelocatedTrace {
  const buf = read(path, 'trace file');
  if (buf.length === 0 || buf.length % 24 !== 0) throw new RecordingError(`The trace file ${path} is ${buf.length} bytes: a cairo-run trace is 24 bytes (ap, fp, pc) per step.`);
  const n = buf.length / 24;
  const t: RelocatedTrace = { length: n, ap: new Float64Array(n), fp: new Float64Array(n), pc: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    t.ap[i] = word(buf, 24 * i, 'trace file');
    t.fp[i] = word(buf, 24 * i + 8, 'trace file');
    t.pc[i] = word(buf, 24 * i + 16, 'trace file');
  }
  return t;
}

export function readMemoryFile(path: string): RelocatedMemory {
  const buf = read(path, 'memory file');
  if (buf.length === 0 || buf.length % 40 !== 0) throw new RecordingError(`The memory file ${path} is ${buf.length} bytes: a cairo-run memory file is 40 bytes (address, value) per cell.`);
  const n = buf.length / 40;
  const addresses = new Float64Array(n);
  const values: Felt[] = new Array(n);
  const prime = getPrime();
  let maxAddress = 0;
  for (let i = 0; i < n; i++) {
    const at = 40 * i;
    const a = word(buf, at, 'memory file');
    if (a === 0) throw new RecordingError(`The memory file ${path} writes address 0 (cell ${i}): relocated addresses start at 1.`);
    addresses[i] = a;
    if (a > maxAddress) maxAddress = a;
    const lo = buf.readBigUInt64LE(at + 8);
    const w1 = buf.readBigUInt64LE(at + 16);
    const w2 = buf.readBigUInt64LE(at + 24);
    const w3 = buf.readBigUInt64LE(at + 32);
    const v = w1 === 0n && w2 === 0n && w3 === 0n ? lo : lo | (w1 << 64n) | (w2 << 128n) | (w3 << 192n);
    if (v >= prime) throw new RecordingError(`The memory file ${path} holds a value at address ${a} that is not a field element.`);
    values[i] = fromReduced(v);
  }
  return { addresses, values, maxAddress };
}
