// The debugger's trace: with each step's registers it notes the write-log length after the step
// (memory is write-once, so memory as it was at step k is the log's first cells). The note is
// taken where the VM pushes the trace entry, after every write of the step (its hints' and its
// instruction's) and before the next step: so a compiled block, which runs many steps in one
// call, records them as exactly as the interpreter does, and the debugger can run on blocks.
import { Trace, TRACE_CHUNK } from '../vm/trace';
import type { Memory } from '../vm/memory';

const SHIFT = Math.log2(TRACE_CHUNK);
const MASK = TRACE_CHUNK - 1;

export class MarkedTrace extends Trace {
  /** Write-log length after each traced step, TRACE_CHUNK steps a chunk (growing never copies). */
  private readonly marks: Int32Array[] = [];
  private markChunk = new Int32Array(0);
  private markAt = TRACE_CHUNK;

  constructor(
    pcSegment: number,
    apSegment: number,
    private readonly mem: Memory,
  ) {
    super(pcSegment, apSegment);
  }

  override push(pcSeg: number, pc: number, apSeg: number, ap: number, fpSeg: number, fp: number): void {
    if (this.markAt === TRACE_CHUNK) {
      this.markChunk = new Int32Array(TRACE_CHUNK);
      this.marks.push(this.markChunk);
      this.markAt = 0;
    }
    this.markChunk[this.markAt++] = this.mem.size;
    super.push(pcSeg, pc, apSeg, ap, fpSeg, fp);
  }

  /** Cells written when step `step` (traced) had run. */
  cellsAfter(step: number): number {
    return this.marks[step >> SHIFT][step & MASK];
  }
}
