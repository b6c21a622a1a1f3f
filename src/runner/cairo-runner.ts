// CairoRunner: lays out the segments, starts the entrypoint, runs, ends the run and relocates
// (cairo-lang's cairo_runner.py, non-proof mode).
import { Program, labelPc } from '../vm/program';
import { Memory } from '../vm/memory';
import { VirtualMachine } from '../vm/vm';
import { Relocatable, Value, valueToString } from '../vm/relocatable';
import { VmError } from '../vm/errors';
import { setPrime } from '../vm/felt';
import { getHeapStatistics } from 'node:v8';
import { BuiltinRunner } from '../builtins/builtin';
import { OutputBuiltin } from '../builtins/output';
import { createBuiltin, BUILTIN_ORDER } from '../builtins/index';
import { compileHints } from '../hints/compile';
import { PythonHints, PythonOptions } from '../hints/bridge/python-hints';
import { programSource } from './load-program';
import { getLayout, Layout } from './layouts';
import { segmentOffsets } from './relocate';

export interface RunnerOptions {
  layout?: string;
  /** Record the trace (needed for --trace_file and for stepping back). */
  trace?: boolean;
  /** Record which step wrote each cell (debugger history). */
  writeMarks?: boolean;
  /** Function to start at instead of main. */
  entrypoint?: string;
  /** Value of `program_input` in the hints' first scope. */
  programInput?: unknown;
  /** cairo-run's --secure_run (default on). */
  secureRun?: boolean;
  /** The Python hint bridge: hints with no TypeScript implementation run in cairo-lang. */
  python?: PythonOptions;
  /** The program's JSON text (for the bridge) when it was not read by loadProgramFile. */
  programJson?: string;
}

/** Steps between heap checks in runToEnd: cheap next to the steps themselves. */
const RUN_SLICE = 1 << 20;
/** Default bound of a run without --steps: minutes of work for Cairn, days for the reference VM. */
export const DEFAULT_MAX_STEPS = 2 ** 30;

function isSubsequence(sub: string[], seq: string[]): boolean {
  let i = 0;
  for (const s of seq) if (i < sub.length && sub[i] === s) i++;
  return i === sub.length;
}

export class CairoRunner {
  readonly mem = new Memory();
  readonly vm: VirtualMachine;
  readonly layout: Layout;
  /** Builtin runners in layout order (their segment order). */
  readonly builtins: BuiltinRunner[] = [];
  readonly builtinsByName = new Map<string, BuiltinRunner>();
  programBase!: Relocatable;
  executionBase!: Relocatable;
  /** pc at which the entrypoint returns. */
  end!: Relocatable;
  initialFp!: Relocatable;
  runEnded = false;
  relocation: number[] | undefined;
  /** The Python hint bridge of this run (started only for a program with hints Cairn lacks). */
  python: PythonHints | undefined;

  constructor(
    readonly program: Program,
    readonly options: RunnerOptions = {},
  ) {
    setPrime(program.prime);
    this.layout = getLayout(options.layout ?? 'plain');
    if (!isSubsequence(program.builtins, BUILTIN_ORDER)) {
      throw new VmError('Layout', `The builtins specified by the %builtins directive must be subsequence of [${BUILTIN_ORDER.map((b) => `'${b}'`).join(', ')}]. Got [${program.builtins.map((b) => `'${b}'`).join(', ')}].`);
    }
    const inLayout = new Set(this.layout.builtins.map((b) => b.name));
    const missing = program.builtins.filter((b) => !inLayout.has(b));
    if (missing.length) {
      throw new VmError('Layout', `Builtins {${missing.map((b) => `'${b}'`).join(', ')}} are not present in layout "${this.layout.name}"`);
    }
    for (const lb of this.layout.builtins) {
      if (!program.builtins.includes(lb.name)) continue;
      const b = createBuiltin(lb, true);
      this.builtins.push(b);
      this.builtinsByName.set(lb.name, b);
    }
    this.vm = new VirtualMachine(this.mem, 0);
  }

  /** Segments, entrypoint stack, zero segment, registers, builtin rules and hints. */
  initialize(): void {
    const mem = this.mem;
    this.programBase = mem.addSegment();
    this.executionBase = mem.addSegment();
    for (const b of this.builtins) b.initializeSegments(mem);

    const name = this.options.entrypoint ?? 'main';
    const full = name.includes('.') ? name : `${this.program.mainScope}.${name}`;
    const entry = labelPc(this.program, full) ?? labelPc(this.program, name);
    if (entry === undefined) throw new VmError('Program', name === 'main' ? 'Missing main().' : `Entrypoint "${name}" not found in the program.`);

    const stack: Value[] = [];
    for (const n of this.program.builtins) stack.push(...this.builtinsByName.get(n)!.initialStack());
    const returnFp = mem.addSegment();
    this.end = mem.addSegment();
    stack.push(returnFp, this.end);
    mem.load(this.programBase, this.program.data);
    mem.load(this.executionBase, stack);
    this.initialFp = this.executionBase.add(stack.length);

    let zeros = 0;
    for (const b of this.builtins) zeros = Math.max(zeros, b.neededZeros());
    if (zeros > 0) {
      const zero = mem.addSegment();
      for (let i = 0; i < zeros; i++) mem.write(zero.segment, i, 0);
      for (const b of this.builtins) if (b.neededZeros() > 0) b.setZeroSegment(zero);
      mem.finalizedSizes.set(zero.segment, zeros);
    }

    const vm = this.vm;
    vm.setPc(this.programBase.add(entry));
    vm.setAp(this.initialFp);
    vm.setFp(this.initialFp);
    if (this.options.trace) vm.enableTrace(this.options.writeMarks ?? false);
    vm.scope.set('program_input', this.options.programInput ?? {});
    for (const b of this.builtins) b.addRules(vm);
    this.python = new PythonHints({
      vm, builtins: this.builtinsByName, layout: this.layout.name, programInput: this.options.programInput ?? {},
      programJson: this.options.programJson ?? programSource(this.program), options: this.options.python ?? {},
    });
    vm.hints = compileHints(vm, this.program, this.builtinsByName, this.python);
  }

  /** Runs until the entrypoint returns or `maxSteps` steps ran; false when it stopped early. */
  runSlice(maxSteps: number, breakpoints?: Uint8Array): boolean {
    this.vm.run(this.end.segment, this.end.offset, maxSteps, breakpoints);
    return this.atEnd();
  }

  atEnd(): boolean {
    return this.vm.pcSeg === this.end.segment && this.vm.pc === this.end.offset;
  }

  /**
   * cairo-run's run: to the end, within `steps` if given (then exactly `steps` steps). Without
   * `steps`, a runaway program stops cleanly with an error after `maxSteps` steps or when the
   * heap nears its limit, instead of hanging or dying out of memory.
   */
  runToEnd(steps?: number, maxSteps = DEFAULT_MAX_STEPS): void {
    const limit = steps ?? maxSteps;
    const heapLimit = getHeapStatistics().heap_size_limit * 0.85;
    while (!this.atEnd() && this.vm.currentStep < limit) {
      this.vm.run(this.end.segment, this.end.offset, Math.min(RUN_SLICE, limit - this.vm.currentStep));
      if (steps === undefined && !this.atEnd() && process.memoryUsage().heapUsed > heapLimit) {
        throw this.vm.wrap(new VmError('StepLimit', `Error: the run used ${(process.memoryUsage().heapUsed / 2 ** 30).toFixed(1)} GiB of memory after ${this.vm.currentStep} steps without reaching the end of the program (a runaway loop?).`), undefined);
      }
    }
    if (!this.atEnd()) {
      const why = steps !== undefined ? 'Error: End of program was not reached' : `Error: End of program was not reached after ${limit} steps (a runaway loop?); pass --max_steps N to allow more.`;
      throw this.vm.wrap(new VmError('StepLimit', why), undefined);
    }
    if (steps !== undefined && this.vm.currentStep < steps) {
      throw this.vm.wrap(new VmError('EndOfProgram', 'Error: Execution reached the end of the program.'), undefined);
    }
  }

  /** Relocates temporary segments, checks auto-deductions and scopes, freezes memory. */
  endRun(): void {
    if (this.runEnded) throw new VmError('Program', 'end_run called twice.');
    this.mem.relocateMemory();
    this.verifyAutoDeductions();
    if (this.vm.execScopes.length !== 1) throw new VmError('Scope', 'Every enter_scope() requires a corresponding exit_scope().');
    this.mem.frozen = true;
    this.runEnded = true;
    this.close();
  }

  /** Stops the Python hint bridge's child, if any (the run can still be inspected). */
  close(): void {
    this.python?.close();
  }

  private verifyAutoDeductions(): void {
    const mem = this.mem;
    for (const b of this.builtins) {
      const seg = b.base.segment;
      const rule = mem.deducers[seg];
      const data = mem.segment(seg);
      if (rule === undefined || data === undefined) continue;
      for (let off = 0; off < data.length; off++) {
        const cur = data[off];
        if (cur === undefined) continue;
        const v = rule(mem, seg, off);
        if (v !== undefined && v !== cur && !(typeof v === 'object' && v.equals(cur))) {
          throw new VmError('AutoDeduction', `Inconsistent auto deduction rule at address ${seg}:${off}. ${valueToString(cur)} != ${valueToString(v)}.`);
        }
      }
    }
  }

  /** Reads the builtins' stop pointers from the top of the stack (read_return_values). */
  readReturnValues(): void {
    let pointer = this.vm.apValue();
    for (const name of [...this.program.builtins].reverse()) {
      pointer = this.builtinsByName.get(name)!.finalStack(this.mem, pointer);
    }
  }

  /** cairo-run's verify_secure_runner. */
  verifySecure(): void {
    const mem = this.mem;
    const sizes = new Map<number, [string, number]>();
    for (const b of this.builtins) {
      const stop = b.stopPtr ?? b.base;
      sizes.set(b.base.segment, [b.name, stop.offset]);
    }
    const programSize = this.program.data.length;
    const nSegments = mem.numSegments;
    mem.forEachWritten((seg, off) => {
      const limit = sizes.get(seg);
      if (limit !== undefined && off >= limit[1]) throw new VmError('Security', `Out of bounds access to builtin segment ${limit[0]} at ${seg}:${off}.`);
      if (seg === this.programBase.segment && off >= programSize) throw new VmError('Security', `Out of bounds access to program segment at ${seg}:${off}.`);
      const v = mem.get(seg, off);
      if (typeof v === 'object' && (v.segment < 0 || v.segment >= nSegments || v.offset < 0)) {
        throw new VmError('Security', `Invalid memory value at address ${seg}:${off}: ${v}.`);
      }
    });
    for (const b of this.builtins) b.runSecurityChecks(this.vm);
  }

  relocate(): number[] {
    this.relocation = segmentOffsets(this.mem);
    return this.relocation;
  }

  relocateValue(v: Value): Value {
    if (typeof v !== 'object') return v;
    const offsets = this.relocation ?? this.relocate();
    return offsets[v.segment] + v.offset;
  }

  /** The output builtin's cells (undefined for gaps), or undefined without an output builtin. */
  output(): (Value | undefined)[] | undefined {
    const out = this.builtinsByName.get('output');
    return out instanceof OutputBuiltin ? out.outputs(this.mem) : undefined;
  }

}

