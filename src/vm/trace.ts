// The instruction trace: (pc, ap, fp) before each step, kept as offsets in one growing Int32Array
// (12 bytes a step). Registers almost always live in the program (pc) and execution (ap, fp)
// segments; a step whose registers sit elsewhere keeps its segments in a side table.
import { Relocatable } from './relocatable';

export interface TraceEntry {
  pc: Relocatable;
  ap: Relocatable;
  fp: Relocatable;
}

export class Trace {
  private buf = new Int32Array(3 << 12);
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
    let i = this.n * 3;
    if (i + 3 > this.buf.length) {
      const bigger = new Int32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    if (pcSeg !== this.pcSegment || apSeg !== this.apSegment || fpSeg !== this.apSegment) {
      this.odd.set(this.n, [pcSeg, apSeg, fpSeg]);
    }
    const b = this.buf;
    b[i++] = pc;
    b[i++] = ap;
    b[i] = fp;
    this.n++;
  }

  /** Drops entries from `length` on (used when a debugger restarts part of a run). */
  truncate(length: number): void {
    this.n = Math.min(this.n, length);
  }

  /** The (pc, ap, fp) offsets, three per step, for writers that walk the whole trace. */
  offsets(): Int32Array {
    return this.buf.subarray(0, this.n * 3);
  }

  segmentsOf(step: number): [number, number, number] {
    return this.odd.get(step) ?? [this.pcSegment, this.apSegment, this.apSegment];
  }

  pcOffset(step: number): number {
    return this.buf[step * 3];
  }
  apOffset(step: number): number {
    return this.buf[step * 3 + 1];
  }
  fpOffset(step: number): number {
    return this.buf[step * 3 + 2];
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
