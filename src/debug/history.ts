// The run's history: registers at any past step from the trace, and memory as it was then.
// Memory is write-once, so the memory at step k is every cell whose first write came before the
// end of step k - 1: the trace notes the write-log length after each step (marked-trace.ts).
// Nothing is ever re-run to go back.
import { VirtualMachine } from '../vm/vm';
import { Deducer, Memory } from '../vm/memory';
import { Relocatable, Value } from '../vm/relocatable';
import { MarkedTrace } from './marked-trace';

export interface Registers {
  pc: Relocatable;
  ap: Relocatable;
  fp: Relocatable;
}

/**
 * A run's recorded steps, as the debugger reads them: the state at step k is the state just
 * before step k runs, for 0 <= k <= latest. A live run records as it goes; a post-mortem trace
 * has recorded everything.
 */
export interface Timeline {
  readonly latest: number;
  registersAt(step: number): Registers;
  pcOffsetAt(step: number): number;
  fpOffsetAt(step: number): number;
  /** [pcSeg, apSeg, fpSeg] at a step. */
  segmentsAt(step: number): [number, number, number];
  /** Memory as it was at a step, read only. */
  memoryAt(step: number): Memory;
  /** The step that wrote a cell (undefined: written before the first step, or not by a step yet). */
  writerOf(segment: number, offset: number): number | undefined;
}

/** The live VM's history: its trace, whose entries note the write-log length of each step. */
export class History implements Timeline {
  /** Per segment (index + temp count), per offset: position of the cell in the write log. */
  private readonly writeIndex = new Map<number, Int32Array>();
  private indexed = 0;
  private readonly trace: MarkedTrace;

  constructor(
    private readonly vm: VirtualMachine,
    /** Cells written before the first step (program, stack, builtin bases). */
    private readonly initialCells: number,
  ) {
    // The VM's trace, before the first step, becomes one that notes the write log too.
    if (vm.trace === undefined || vm.trace.length !== 0 || vm.currentStep !== 0) throw new Error('The history starts on a traced VM before its first step.');
    this.trace = vm.trace = new MarkedTrace(vm.trace.pcSegment, vm.trace.apSegment, vm.mem);
  }

  /** Steps whose write marks are known (a step that failed after its trace entry is not one). */
  private get marked(): number {
    return Math.min(this.trace.length, this.vm.currentStep);
  }

  get mem(): Memory {
    return this.vm.mem;
  }

  /** Steps run so far: the live state is the state at this step. */
  get latest(): number {
    return this.vm.currentStep;
  }

  registersAt(step: number): Registers {
    const vm = this.vm;
    if (step >= vm.currentStep || vm.trace === undefined) return { pc: vm.pcValue(), ap: vm.apValue(), fp: vm.fpValue() };
    return vm.trace.entry(step);
  }

  pcOffsetAt(step: number): number {
    return step >= this.vm.currentStep ? this.vm.pc : this.vm.trace!.pcOffset(step);
  }
  fpOffsetAt(step: number): number {
    return step >= this.vm.currentStep ? this.vm.fp : this.vm.trace!.fpOffset(step);
  }
  /** [pcSeg, apSeg, fpSeg] at a step. */
  segmentsAt(step: number): [number, number, number] {
    if (step >= this.vm.currentStep) return [this.vm.pcSeg, this.vm.apSeg, this.vm.fpSeg];
    return this.vm.trace!.segmentsOf(step);
  }

  /** Number of cells of the write log that existed when step `step` was about to run. */
  cellsAt(step: number): number {
    if (step <= 0) return this.initialCells;
    if (step > this.marked) return this.mem.size;
    return this.trace.cellsAfter(step - 1);
  }

  writerOf(segment: number, offset: number): number | undefined {
    const at = this.writeOrder(segment, offset);
    const marked = this.marked;
    if (at < this.initialCells || marked === 0 || at >= this.trace.cellsAfter(marked - 1)) return undefined;
    // The first step whose mark passes the cell's place in the log.
    let lo = 0;
    let hi = marked - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.trace.cellsAfter(mid) > at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Position of a cell in the write log (Infinity when not written). */
  writeOrder(segment: number, offset: number): number {
    this.extendIndex();
    const idx = this.writeIndex.get(segment);
    if (idx === undefined || offset >= idx.length) return Infinity;
    const v = idx[offset];
    return v === 0 ? Infinity : v - 1;
  }

  private extendIndex(): void {
    const mem = this.mem;
    const length = 2 * mem.size;
    for (let i = this.indexed; i < length; i += 2) {
      const seg = mem.loggedSegment(i >> 1);
      const off = mem.loggedOffset(i >> 1);
      let idx = this.writeIndex.get(seg);
      if (idx === undefined || off >= idx.length) {
        const bigger = new Int32Array(Math.max(16, off + 1, (idx?.length ?? 0) * 2));
        if (idx !== undefined) bigger.set(idx);
        idx = bigger;
        this.writeIndex.set(seg, idx);
      }
      idx[off] = (i >> 1) + 1; // 0 means "not written"
    }
    this.indexed = length;
  }

  /**
   * Memory as it was at `step`, for reading only: later cells read as unknown, and builtin
   * deductions are computed without being written (the debugger must not change the run).
   */
  memoryAt(step: number): Memory {
    const mem = this.mem;
    const limit = step >= this.latest ? Infinity : this.cellsAt(step);
    // deduction only at the latest step: earlier, a builtin's inputs may not be written yet
    const rule = (segment: number) => (limit === Infinity && segment >= 0 ? mem.deducers[segment] : undefined);
    return memoryView(mem, limit, (s, o) => this.writeOrder(s, o), rule, 'The debugger reads memory only.');
  }
}

/**
 * A read-only view of `mem` as it was when `limit` cells had been written (`writeOrder` gives a
 * cell's place in the write order; Infinity shows everything); `deduce` runs the segment's rule
 * over the view.
 */
export function memoryView(
  mem: Memory, limit: number, writeOrder: (segment: number, offset: number) => number,
  rule: (segment: number) => Deducer | undefined, readOnly: string,
): Memory {
  const view = Object.create(mem) as Memory;
  const get = (segment: number, offset: number): Value | undefined => {
    const v = mem.get(segment, offset);
    if (v === undefined || limit === Infinity) return v;
    return writeOrder(segment, offset) < limit ? v : undefined;
  };
  Object.defineProperty(view, 'get', { value: get });
  Object.defineProperty(view, 'isView', { value: true });
  Object.defineProperty(view, 'getAt', { value: (a: Relocatable) => get(a.segment, a.offset) });
  Object.defineProperty(view, 'write', {
    value: () => {
      throw new Error(readOnly);
    },
  });
  Object.defineProperty(view, 'deduce', {
    value: (segment: number, offset: number) => {
      try {
        return rule(segment)?.(view, segment, offset);
      } catch {
        return undefined;
      }
    },
  });
  return view;
}
