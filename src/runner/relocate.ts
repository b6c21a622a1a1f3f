// Relocation: lays the segments out one after another (segment 0 starts at address 1) and
// writes the binary trace and memory files exactly as cairo-run does.
import { Memory, LOG_CHUNK } from '../vm/memory';
import { Trace, TRACE_CHUNK } from '../vm/trace';
import { VmError } from '../vm/errors';
import { Value } from '../vm/relocatable';

/** First relocated address of each segment. */
export function segmentOffsets(mem: Memory): number[] {
  const offsets: number[] = [];
  let addr = 1;
  for (let i = 0; i < mem.numSegments; i++) {
    offsets.push(addr);
    const size = mem.segmentSize(i);
    if (size < mem.usedSize(i)) throw new VmError('Security', `Segment ${i} exceeded its allocated size.`);
    addr += size;
  }
  return offsets;
}

// The writers fill typed-array views of one buffer (the files are little endian, like the
// machines Node runs on) instead of writing field by field: relocation is on every run's path.
// They fill a fixed-size buffer again and again and hand each filled piece to a sink (the CLI
// writes it to the file): one file-sized buffer would be external memory that sets off a full
// garbage collection of the run's heap (about a quarter second for long_loop's 5 M cells), and
// it would double the peak.
const TWO32 = 0x100000000;
/** Records (trace steps or memory cells) per piece handed to a sink. */
export const PIECE_RECORDS = 1 << 16;

/** Receives the file's bytes piece by piece, in order; a piece's bytes are reused after it returns. */
export type ByteSink = (piece: Uint8Array) => void;

export interface Words {
  buf: Uint8Array;
  u32: Uint32Array;
  u64: BigUint64Array;
}

export function words(bytes: number): Words {
  const ab = new ArrayBuffer(bytes);
  return { buf: new Uint8Array(ab), u32: new Uint32Array(ab), u64: new BigUint64Array(ab, 0, bytes >> 3) };
}

/** Writes an address as 8 bytes at word w (the buffer starts zeroed: high words are 0 below 2^32). */
export function putAddr(u32: Uint32Array, w: number, a: number): void {
  if (a < TWO32) u32[w] = a;
  else {
    u32[w] = a % TWO32;
    u32[w + 1] = Math.floor(a / TWO32);
  }
}

/** The pieces concatenated into one buffer (for callers that want the whole file). */
function collect(write: (sink: ByteSink) => void): Buffer {
  const pieces: Buffer[] = [];
  write((piece) => pieces.push(Buffer.from(piece)));
  return Buffer.concat(pieces);
}

/** The trace file: per step ap, fp, pc relocated, each as 8 bytes little endian. */
export function writeTrace(trace: Trace, offsets: number[], sink: ByteSink, pieceRecords = PIECE_RECORDS): void {
  const n = trace.length;
  const piece = words(Math.min(n, pieceRecords) * 24);
  const { u32 } = piece;
  const pcBase = offsets[trace.pcSegment];
  const apBase = offsets[trace.apSegment];
  // The common case takes no branch per step and leaves the high words zero: offsets are int32s,
  // so base + offset stays below 2^32 when both bases are below 2^31.
  const plain = !trace.hasOddSegments() && Math.max(pcBase, apBase) < 2 ** 31;
  let i = 0;
  for (const t of trace.offsetChunks()) {
    const chunkEnd = Math.min(n, i + TRACE_CHUNK);
    let k = 0;
    while (i < chunkEnd) {
      const end = Math.min(chunkEnd, i + pieceRecords);
      const count = end - i;
      let w = 0;
      if (plain) {
        for (; i < end; i++, w += 6, k += 3) {
          u32[w] = apBase + t[k + 1];
          u32[w + 2] = apBase + t[k + 2];
          u32[w + 4] = pcBase + t[k];
        }
      } else {
        u32.fill(0);
        for (; i < end; i++, w += 6, k += 3) {
          const [ps, as, fs] = trace.segmentsOf(i);
          putAddr(u32, w, offsets[as] + t[k + 1]);
          putAddr(u32, w + 2, offsets[fs] + t[k + 2]);
          putAddr(u32, w + 4, offsets[ps] + t[k]);
        }
      }
      sink(piece.buf.subarray(0, count * 24));
    }
  }
}

/** The whole trace file in one buffer. */
export function traceBytes(trace: Trace, offsets: number[]): Buffer {
  return collect((sink) => writeTrace(trace, offsets, sink));
}

/** The memory file: per cell, in first-write order, the address (8 bytes) and value (32 bytes). */
export function writeMemory(mem: Memory, offsets: number[], sink: ByteSink, pieceRecords = PIECE_RECORDS): void {
  const { chunks, length } = mem.writeLogChunks();
  const cells = length >> 1;
  const piece = words(Math.min(cells, pieceRecords) * 40);
  const { u32, u64 } = piece;
  const segments = mem.segments;
  let left = length;
  let w = 0;
  let inPiece = 0;
  for (const log of chunks) {
    const n = Math.min(left, LOG_CHUNK);
    left -= n;
    for (let j = 0; j < n; j += 2, w += 10) {
      if (inPiece === pieceRecords) {
        sink(piece.buf);
        u32.fill(0);
        inPiece = 0;
        w = 0;
      }
      inPiece++;
      const seg = log[j];
      const off = log[j + 1];
      // Temporary segments are gone after end_run's relocation; a cell still in one is an error.
      if (seg < 0) throw new VmError('Security', `Cannot relocate ${seg}:${off}: a temporary segment has no relocation rule.`);
      putAddr(u32, w, offsets[seg] + off);
      putValue(u32, u64, w + 2, segments[seg][off]!, offsets);
    }
  }
  if (inPiece !== 0) sink(piece.buf.subarray(0, inPiece * 40));
}

/** Writes a cell's value, relocated, as 32 bytes at word w (the piece's 32 bytes start zeroed). */
export function putValue(u32: Uint32Array, u64: BigUint64Array, w: number, v: Value, offsets: number[]): void {
  if (typeof v === 'number') {
    putAddr(u32, w, v);
  } else if (typeof v === 'bigint') {
    // A BigUint64Array element keeps its value mod 2^64: no masking needed.
    const q = w >> 1;
    const hi = v >> 128n; // shifting the smaller half is cheaper
    u64[q] = v;
    u64[q + 1] = v >> 64n;
    u64[q + 2] = hi;
    u64[q + 3] = hi >> 64n;
  } else {
    if (v.segment < 0) throw new VmError('Security', `Cannot relocate the value ${v}: a temporary segment has no relocation rule.`);
    putAddr(u32, w, offsets[v.segment] + v.offset);
  }
}

/** The whole memory file in one buffer. */
export function memoryBytes(mem: Memory, offsets: number[]): Buffer {
  return collect((sink) => writeMemory(mem, offsets, sink));
}
