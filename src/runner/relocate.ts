// Relocation: lays the segments out one after another (segment 0 starts at address 1) and
// writes the binary trace and memory files exactly as cairo-run does.
import { Memory } from '../vm/memory';
import { Trace } from '../vm/trace';
import { VmError } from '../vm/errors';
import { big } from '../vm/felt';

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

/** The trace file: per step ap, fp, pc relocated, each as 8 bytes little endian. */
export function traceBytes(trace: Trace, offsets: number[]): Buffer {
  const n = trace.length;
  const out = Buffer.alloc(n * 24);
  const [pcSeg, apSeg] = [trace.pcSegment, trace.apSegment];
  const pcBase = offsets[pcSeg];
  const apBase = offsets[apSeg];
  const odd = trace.hasOddSegments();
  for (let i = 0, o = 0; i < n; i++, o += 24) {
    let ap = apBase + trace.apOffset(i);
    let fp = apBase + trace.fpOffset(i);
    let pc = pcBase + trace.pcOffset(i);
    if (odd) {
      const [ps, as, fs] = trace.segmentsOf(i);
      pc = offsets[ps] + trace.pcOffset(i);
      ap = offsets[as] + trace.apOffset(i);
      fp = offsets[fs] + trace.fpOffset(i);
    }
    out.writeUIntLE(ap, o, 6);
    out.writeUIntLE(fp, o + 8, 6);
    out.writeUIntLE(pc, o + 16, 6);
  }
  return out;
}

/** The memory file: per cell, in first-write order, the address (8 bytes) and value (32 bytes). */
export function memoryBytes(mem: Memory, offsets: number[]): Buffer {
  const { log, length } = mem.writeLog();
  const n = length >> 1;
  const out = Buffer.alloc(n * 40);
  for (let i = 0, o = 0; i < length; i += 2, o += 40) {
    const seg = log[i];
    const off = log[i + 1];
    if (seg < 0) throw new VmError('Security', `Cannot relocate ${seg}:${off}: a temporary segment has no relocation rule.`);
    out.writeUIntLE(offsets[seg] + off, o, 6);
    const v = mem.get(seg, off)!;
    if (typeof v === 'object') {
      if (v.segment < 0) throw new VmError('Security', `Cannot relocate the value ${v}: a temporary segment has no relocation rule.`);
      out.writeUIntLE(offsets[v.segment] + v.offset, o + 8, 6);
    } else if (typeof v === 'number') {
      // Two 32-bit halves: writeUIntLE takes at most 6 bytes.
      out.writeUInt32LE(v % 0x100000000, o + 8);
      out.writeUInt32LE(Math.floor(v / 0x100000000), o + 12);
    } else {
      writeBig(out, o + 8, big(v));
    }
  }
  return out;
}

function writeBig(out: Buffer, at: number, v: bigint): void {
  for (let k = 0; k < 4; k++) {
    out.writeBigUInt64LE(v & 0xffffffffffffffffn, at + 8 * k);
    v >>= 64n;
  }
}
