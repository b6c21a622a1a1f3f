// The instruction trace: (pc, ap, fp) before each step, kept as offsets in fixed-size Int32Array
// chunks (12 bytes a step; growing never copies, so the peak holds no second trace). Registers
// almost always live in the program (pc) and execution (ap, fp) segments; a step whose registers
// sit elsewhere keeps its segments in a side table.
import { Relocatable } from './relocatable';

export interface TraceEntry {
  pc: Relocatable;
  ap: Relocatable;
  fp: Relocatable;
}

/** Steps per chunk. */
export const TRACE_CHUNK = 1 << 18;
const SHIFT = 18;
const MASK = TRACE_CHUNK - 1;

export class Trace {
  private readonly chunks: Int32Array[] = [];
  private cur = new Int32Array(0);
  private n = 0;
  private readonly odd = new Map<number, [number, number, number]>();

  constructor(
    readonly pcSegment: number,
    readonly apSegment: number,
  ) {}

  get length(): number {
    return this.n;
  }

  push(pcSeg: number, pc: number, apSeg: number, ap: number, fpSeg: number, fp: number): void {
    const at = this.n & MASK;
    if (at === 0 && (this.n >> SHIFT) === this.chunks.length) {
      this.cur = new Int32Array(3 * TRACE_CHUNK);
      this.chunks.push(this.cur);
    }
    if (pcSeg !== this.pcSegment || apSeg !== this.apSegment || fpSeg !== this.apSegment) {
      this.odd.set(this.n, [pcSeg, apSeg, fpSeg]);
    }
    const b = this.cur;
    const i = at * 3;
    b[i] = pc;
    b[i + 1] = ap;
    b[i + 2] = fp;
    this.n++;
  }

  /** The chunks of (pc, ap, fp) offsets, TRACE_CHUNK steps each, for writers that walk the whole trace. */
  offsetChunks(): readonly Int32Array[] {
    return this.chunks;
  }

  segmentsOf(step: number): [number, number, number] {
    return this.odd.get(step) ?? [this.pcSegment, this.apSegment, this.apSegment];
  }

  pcOffset(step: number): number {
    return this.chunks[step >> SHIFT][(step & MASK) * 3];
  }
  apOffset(step: number): number {
    return this.chunks[step >> SHIFT][(step & MASK) * 3 + 1];
  }
  fpOffset(step: number): number {
    return this.chunks[step >> SHIFT][(step & MASK) * 3 + 2];
  }

  entry(step: number): TraceEntry {
    const [ps, as, fs] = this.segmentsOf(step);
    return {
      pc: new Relocatable(ps, this.pcOffset(step)),
      ap: new Relocatable(as, this.apOffset(step)),
      fp: new Relocatable(fs, this.fpOffset(step)),
    };
  }

  hasOddSegments(): boolean {
    return this.odd.size !== 0;
  }
}
