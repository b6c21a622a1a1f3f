// Relocation: lays the segments out one after another (segment 0 starts at address 1) and
// writes the binary trace and memory files exactly as cairo-run does.
import { Memory, LOG_CHUNK } from '../vm/memory';
import { Trace, TRACE_CHUNK } from '../vm/trace';
import { VmError } from '../vm/errors';

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
const TWO32 = 0x100000000;

function words(bytes: number): { buf: Buffer; u32: Uint32Array; u64: BigUint64Array } {
  const ab = new ArrayBuffer(bytes);
  return { buf: Buffer.from(ab), u32: new Uint32Array(ab), u64: new BigUint64Array(ab, 0, bytes >> 3) };
}

/** Writes an address as 8 bytes at word w (the buffer starts zeroed: high words are 0 below 2^32). */
function putAddr(u32: Uint32Array, w: number, a: number): void {
  if (a < TWO32) u32[w] = a;
  else {
    u32[w] = a % TWO32;
    u32[w + 1] = Math.floor(a / TWO32);
  }
}

/** The trace file: per step ap, fp, pc relocated, each as 8 bytes little endian. */
export function traceBytes(trace: Trace, offsets: number[]): Buffer {
  const n = trace.length;
  const { buf, u32 } = words(n * 24);
  const pcBase = offsets[trace.pcSegment];
  const apBase = offsets[trace.apSegment];
  const odd = trace.hasOddSegments();
  let i = 0;
  let w = 0;
  for (const t of trace.offsetChunks()) {
    const end = Math.min(n, i + TRACE_CHUNK);
    for (let k = 0; i < end; i++, w += 6, k += 3) {
      if (odd) {
        const [ps, as, fs] = trace.segmentsOf(i);
        putAddr(u32, w, offsets[as] + t[k + 1]);
        putAddr(u32, w + 2, offsets[fs] + t[k + 2]);
        putAddr(u32, w + 4, offsets[ps] + t[k]);
      } else {
        putAddr(u32, w, apBase + t[k + 1]);
        putAddr(u32, w + 2, apBase + t[k + 2]);
        putAddr(u32, w + 4, pcBase + t[k]);
      }
    }
  }
  return buf;
}

/** The memory file: per cell, in first-write order, the address (8 bytes) and value (32 bytes). */
export function memoryBytes(mem: Memory, offsets: number[]): Buffer {
  const { chunks, length } = mem.writeLogChunks();
  const { buf, u32, u64 } = words((length >> 1) * 40);
  const segments = mem.segments;
  let w = 0;
  let left = length;
  for (const log of chunks) {
    const n = Math.min(left, LOG_CHUNK);
    left -= n;
    for (let j = 0; j < n; j += 2, w += 10) {
      const seg = log[j];
      const off = log[j + 1];
      // Temporary segments are gone after end_run's relocation; a cell still in one is an error.
      if (seg < 0) throw new VmError('Security', `Cannot relocate ${seg}:${off}: a temporary segment has no relocation rule.`);
      putAddr(u32, w, offsets[seg] + off);
      const v = segments[seg][off]!;
      if (typeof v === 'number') {
        putAddr(u32, w + 2, v);
      } else if (typeof v === 'bigint') {
        // A BigUint64Array element keeps its value mod 2^64: no masking needed.
        const q = (w >> 1) + 1;
        const hi = v >> 128n; // shifting the smaller half is cheaper
        u64[q] = v;
        u64[q + 1] = v >> 64n;
        u64[q + 2] = hi;
        u64[q + 3] = hi >> 64n;
      } else {
        if (v.segment < 0) throw new VmError('Security', `Cannot relocate the value ${v}: a temporary segment has no relocation rule.`);
        putAddr(u32, w + 2, offsets[v.segment] + v.offset);
      }
    }
  }
  return buf;
}
