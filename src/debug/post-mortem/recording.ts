// A finished run read back from cairo-run's relocated trace and memory files, as a Timeline:
// registers at any step, memory as it was then, and the step that wrote each cell. Nothing runs:
// every step is already recorded.
import { Memory, Deducer } from '../../vm/memory';
import { createBuiltin } from '../../builtins';
import { Relocatable, Value } from '../../vm/relocatable';
import { Program } from '../../vm/program';
import { memoryView, Registers, Timeline } from '../history';
import { readMemoryFile, readTraceFile, RecordingError, RelocatedTrace } from './files';
import { Layout } from './layout';
import { dataflow } from './dataflow';

export class Recording implements Timeline {
  readonly layout: Layout;
  readonly mem: Memory;
  private readonly trace: RelocatedTrace;
  private readonly indexOf: Int32Array;
  private readonly marks: Int32Array;
  private readonly initialCells: number;
  /** Per segment: the builtin's rule for its output cells. */
  private readonly deducers: (Deducer | undefined)[] = [];

  constructor(program: Program, traceFile: string, memoryFile: string) {
    const trace = readTraceFile(traceFile);
    const memory = readMemoryFile(memoryFile);
    this.trace = trace;
    const indexOf = new Int32Array(memory.maxAddress + 2).fill(-1);
    for (let i = 0; i < memory.addresses.length; i++) {
      const a = memory.addresses[i];
      if (indexOf[a] !== -1) throw new RecordingError(`The memory file lists address ${a} twice.`);
      indexOf[a] = i;
    }
    this.indexOf = indexOf;
    const valueAt = (a: number) => (indexOf[a] === undefined || indexOf[a] < 0 ? undefined : memory.values[indexOf[a]]);
    // The program sits at address 1; the initial stack is the builtins' bases, then the return
    // fp and the end address, and the first step's fp is just above it.
    const executionBase = 1 + program.data.length;
    for (let i = 0; i < program.data.length; i++) {
      const v = valueAt(1 + i);
      const want = program.data[i];
      if (v === undefined || typeof want === 'object' || BigInt(v) !== BigInt(want)) {
        throw new RecordingError(`The memory file's code differs from the program's at pc ${i}: these files are from another program (or another compilation of it).`);
      }
    }
    const nBuiltins = program.builtins.length;
    const fp0 = trace.fp[0];
    if (fp0 !== executionBase + nBuiltins + 2 || trace.ap[0] !== fp0) {
      const proof = fp0 === executionBase + 2 && valueAt(fp0 - 1) === 0;
      throw new RecordingError(proof
        ? 'This trace is of a --proof_mode run: Cairn opens traces of plain runs (cairo-run without --proof_mode) only.'
        : `The trace starts with fp ${fp0}, not ${executionBase + nBuiltins + 2} (after the program's ${program.data.length} words and ${nBuiltins} builtin pointers): are the files of this program's run?`);
    }
    const builtinBases: number[] = [];
    for (let i = 0; i < nBuiltins; i++) {
      const b = valueAt(executionBase + i);
      if (typeof b !== 'number') throw new RecordingError(`The initial stack lacks the base of builtin ${program.builtins[i]}.`);
      builtinBases.push(b);
    }
    const hintBase = valueAt(fp0 - 2);
    const endAddr = valueAt(fp0 - 1);
    if (typeof hintBase !== 'number' || typeof endAddr !== 'number') throw new RecordingError('The initial stack lacks the return fp and end address of the entrypoint.');
    this.layout = new Layout(executionBase, builtinBases, program.builtins, hintBase, memory.maxAddress + 1);
    this.initialCells = program.data.length + nBuiltins + 2;
    for (let i = 0; i < this.initialCells; i++) {
      const a = memory.addresses[i];
      if (a >= fp0 || (a > program.data.length && a < executionBase)) throw new RecordingError('The memory file does not start with the program and its initial stack (first-write order): is it a cairo-run memory file?');
    }
    const initialPointers: [number, number][] = builtinBases.map((_, i) => [indexOf[executionBase + i], 2 + i]);
    initialPointers.push([indexOf[fp0 - 2], 2 + nBuiltins], [indexOf[fp0 - 1], 3 + nBuiltins]);
    const flow = dataflow({ trace, memory, indexOf, initialCells: this.initialCells, initialPointers, hinted: (pc) => program.hints.has(pc), executionBase, builtins: [builtinBases[0] ?? hintBase, hintBase] });
    this.marks = flow.marks;

    // The memory in segments, written in the file's order: its write log is the file's.
    const mem = new Memory();
    for (let s = 0; s < this.layout.spans.length; s++) mem.addSegment();
    for (let i = 0; i < memory.addresses.length; i++) {
      const where = this.layout.toRelocatable(memory.addresses[i]);
      const v = memory.values[i];
      const value: Value = flow.pointer[i] ? this.layout.toRelocatable(v as number, flow.segmentHint[i] >= 0 ? flow.segmentHint[i] : undefined) : v;
      mem.write(where.segment, where.offset, value);
    }
    // The entrypoint's own return fp and end cells point to their empty segments.
    this.mem = mem;
    program.builtins.forEach((name, i) => {
      try {
        this.deducers[2 + i] = createBuiltin(name, true).deducer();
      } catch {
        // A builtin Cairn does not know: its output cells show as the file has them.
      }
    });
  }

  /** The last recorded step (the trace holds the state before each step; the final state is not in it). */
  get latest(): number {
    return this.trace.length - 1;
  }

  registersAt(step: number): Registers {
    const e = this.layout.executionBase;
    const pc = this.trace.pc[step];
    return {
      pc: pc < e ? new Relocatable(0, pc - 1) : this.layout.toRelocatable(pc),
      ap: new Relocatable(1, this.trace.ap[step] - e),
      fp: new Relocatable(1, this.trace.fp[step] - e),
    };
  }
  pcOffsetAt(step: number): number {
    return this.trace.pc[step] - 1;
  }
  fpOffsetAt(step: number): number {
    return this.trace.fp[step] - this.layout.executionBase;
  }
  segmentsAt(step: number): [number, number, number] {
    return [this.trace.pc[step] < this.layout.executionBase ? 0 : this.layout.segmentOf(this.trace.pc[step]), 1, 1];
  }

  /** Position of a cell in the write log (Infinity when not written). */
  private writeOrder(segment: number, offset: number): number {
    const a = this.layout.address(segment, offset);
    if (a === undefined || a >= this.indexOf.length || this.layout.segmentOf(a) !== segment) return Infinity;
    const i = this.indexOf[a];
    return i < 0 ? Infinity : i;
  }

  private cellsAt(step: number): number {
    return step <= 0 ? this.initialCells : this.marks[Math.min(step, this.marks.length) - 1];
  }

  writerOf(segment: number, offset: number): number | undefined {
    const at = this.writeOrder(segment, offset);
    const marks = this.marks;
    if (at < this.initialCells || marks.length === 0 || at >= marks[marks.length - 1]) return undefined;
    let lo = 0;
    let hi = marks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid] > at) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  memoryAt(step: number): Memory {
    const limit = step >= this.latest ? Infinity : this.cellsAt(step);
    // As a live run's latest step shows them: a builtin's output cell computed from its inputs.
    return memoryView(this.mem, limit, (s, o) => this.writeOrder(s, o), (segment) => this.deducers[segment], 'A post-mortem run is read only.');
  }
}
