// CairoRunner: lays out the segments, starts the entrypoint, runs, ends the run and relocates
// (cairo-lang's cairo_runner.py, non-proof mode).
import { Program, labelPc } from '../vm/program';
import { Memory } from '../vm/memory';
import { VirtualMachine } from '../vm/vm';
import { Relocatable, Value, valueToString } from '../vm/relocatable';
import { VmError } from '../vm/errors';
import { setPrime } from '../vm/felt';
import { getHeapStatistics } from 'node:v8';
import { BuiltinRunner, nextPowerOf2 } from '../builtins/builtin';
import { OutputBuiltin } from '../builtins/output';
import { createBuiltin, BUILTIN_ORDER } from '../builtins/index';
import { compileHints } from '../hints/compile';
import { PythonHints, PythonOptions, LOAD_TASK } from '../hints/bridge/python-hints';
import { programSource } from './load-program';
import { getLayout, Layout } from './layouts';
import { segmentOffsets } from './relocate';
import { insufficientCells } from './proof-checks';
import type { PieInput } from './pie-input';
import { EcdsaBuiltin } from '../builtins/ecdsa';

export interface RunnerOptions {
  /** A layout name, or a layout built here (the dynamic layout of --cairo_layout_params_file). */
  layout?: string | Layout;
  /** Record the trace (needed for --trace_file and for stepping back). */
  trace?: boolean;
  /** Function to start at instead of main. */
  entrypoint?: string;
  /** Value of `program_input` in the hints' first scope. */
  programInput?: unknown;
  /** Its JSON text, for the Python hint bridge (a JS object moves keys like "1" first). */
  programInputText?: string;
  /** cairo-run's --secure_run (default on). */
  secureRun?: boolean;
  /** The Python hint bridge: hints with no TypeScript implementation run in cairo-lang. */
  python?: PythonOptions;
  /** The program's JSON text (for the bridge) when it was not read by loadProgramFile. */
  programJson?: string;
  /**
   * cairo-run's --proof_mode: start at `__start__` with the [fp - 2] = fp stack prefix, stop
   * after the `__end__` instruction, give every builtin of the layout a segment, pad the trace
   * to a power of 2 with enough builtin cells, and size the segments for the prover.
   */
  proofMode?: boolean;
  /** cairo-run's --allow_missing_builtins (default: on in proof mode). */
  allowMissingBuiltins?: boolean;
  /** --run_from_cairo_pie: the PIE's segments, memory and builtin data (program: pie.program). */
  pie?: PieInput;
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
  readonly proofMode: boolean;
  readonly allowMissingBuiltins: boolean;
  /** Steps when the program reached its end, before padding (cairo-run's original_steps). */
  originalSteps: number | undefined;
  /** Steps of the run when end_run ran: the steps whose memory accesses count (memory holes). */
  endRunSteps: number | undefined;
  /** Offsets of the execution segment in the public memory (proof mode). */
  executionPublicMemory: number[] = [];
  /** Public memory of each finalized segment: [offset, page] pairs (finalize_segments). */
  readonly publicMemory = new Map<number, [number, number][]>();
  segmentsFinalized = false;
  /** The segment of zeros the mod builtins point their unused instances at, if any. */
  zeroSegment: number | undefined;
  /** Warnings cairo-run prints on stdout while padding (`Warning: ... Increasing number of steps.`). */
  readonly warnings: string[] = [];

  constructor(
    readonly program: Program,
    readonly options: RunnerOptions = {},
  ) {
    setPrime(program.prime);
    this.layout = typeof options.layout === 'object' ? options.layout : getLayout(options.layout ?? 'plain');
    this.proofMode = options.proofMode ?? false;
    this.allowMissingBuiltins = options.allowMissingBuiltins ?? this.proofMode;
    if (!isSubsequence(program.builtins, BUILTIN_ORDER)) {
      throw new VmError('Layout', `The builtins specified by the %builtins directive must be subsequence of [${BUILTIN_ORDER.map((b) => `'${b}'`).join(', ')}]. Got [${program.builtins.map((b) => `'${b}'`).join(', ')}].`);
    }
    const inLayout = new Set(this.layout.builtins.map((b) => b.name));
    const missing = program.builtins.filter((b) => !inLayout.has(b));
    if (missing.length && !this.allowMissingBuiltins) {
      throw new VmError('Layout', `Builtins {${missing.map((b) => `'${b}'`).join(', ')}} are not present in layout "${this.layout.name}"`);
    }
    // In proof mode every builtin of the layout gets a runner (and a segment), used or not.
    for (const lb of this.layout.builtins) {
      const included = program.builtins.includes(lb.name);
      if (!included && !this.proofMode) continue;
      const b = createBuiltin(lb, included);
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

    const stack: Value[] = [];
    for (const n of this.program.builtins) {
      const b = this.builtinsByName.get(n);
      if (b === undefined) stack.push(0); // a builtin the layout lacks (allow_missing_builtins)
      else stack.push(...b.initialStack());
    }
    let entry: number;
    if (this.proofMode) {
      // The dummy saved fp and pc let the verifier enforce [fp - 2] = fp; the whole initial
      // stack is public memory.
      stack.unshift(this.executionBase.add(2), 0);
      this.executionPublicMemory = stack.map((_, i) => i);
      entry = labelPc(this.program, `${this.program.mainScope}.__start__`) ?? 0;
      const end = labelPc(this.program, `${this.program.mainScope}.__end__`);
      if (end === undefined) throw new VmError('Program', `Unknown identifier '${this.program.mainScope}.__end__'.`);
      this.end = this.programBase.add(end);
      this.initialFp = this.executionBase.add(2);
    } else {
      const name = this.options.entrypoint ?? 'main';
      const full = name.includes('.') ? name : `${this.program.mainScope}.${name}`;
      const main = labelPc(this.program, full) ?? labelPc(this.program, name);
      if (main === undefined) throw new VmError('Program', name === 'main' ? 'Missing main().' : `Entrypoint "${name}" not found in the program.`);
      entry = main;
      const returnFp = mem.addSegment();
      this.end = mem.addSegment();
      stack.push(returnFp, this.end);
      this.initialFp = this.executionBase.add(stack.length);
    }
    mem.load(this.programBase, this.program.data);
    mem.load(this.executionBase, stack);

    let zeros = 0;
    for (const b of this.builtins) zeros = Math.max(zeros, b.neededZeros());
    if (zeros > 0) {
      const zero = mem.addSegment();
      this.zeroSegment = zero.segment;
      for (let i = 0; i < zeros; i++) mem.write(zero.segment, i, 0);
      for (const b of this.builtins) if (b.neededZeros() > 0) b.setZeroSegment(zero);
      mem.finalizedSizes.set(zero.segment, zeros);
    }

    const vm = this.vm;
    vm.setPc(this.programBase.add(entry));
    vm.setAp(this.initialFp);
    vm.setFp(this.initialFp);
    if (this.options.trace || this.proofMode) vm.enableTrace();
    vm.scope.set('program_input', this.options.programInput ?? {});
    for (const b of this.builtins) b.addRules(vm);
    if (this.options.pie !== undefined) this.loadPie(this.options.pie);
    this.python = new PythonHints({
      vm, builtins: this.builtinsByName, layout: this.layout.name, layoutParams: this.layout.params, proofMode: this.proofMode, programInput: this.options.programInput ?? {},
      programInputText: this.options.programInputText,
      programJson: this.options.programJson ?? programSource(this.program), options: this.options.python ?? {},
    });
    vm.hints = compileHints(vm, this.program, this.builtinsByName, this.python);
    const python = this.python;
    vm.extra.set(LOAD_TASK, (p: Program, base: Relocatable, json?: string) => python.loadTask(p, base, json));
  }

  /**
   * cairo-run's --run_from_cairo_pie set-up: the extra segments (the zero segment is one of them
   * when the run needs it), the signatures of the additional data, the PIE's memory (checked by
   * the builtins' rules) and every segment's size fixed to the PIE's.
   */
  private loadPie(pie: PieInput): void {
    const mem = this.mem;
    for (const s of pie.extraSegments) if (s.index >= mem.numSegments) mem.addSegment();
    const output = this.builtinsByName.get('output');
    if (output instanceof OutputBuiltin && 'output_builtin' in pie.additionalData) output.extendAdditionalData(pie.additionalData.output_builtin);
    const ecdsa = this.builtinsByName.get('ecdsa');
    const sigs = pie.additionalData.ecdsa_builtin;
    if (ecdsa instanceof EcdsaBuiltin && Array.isArray(sigs)) {
      for (const [[seg, off], [r, s]] of sigs as [[number, number], [bigint, bigint]][]) ecdsa.addSignature(new Relocatable(seg, off), [BigInt(r), BigInt(s)]);
    }
    for (const [seg, off, v] of pie.memory) mem.write(seg, off, v);
    const all = [pie.programSegment, pie.executionSegment, pie.retFpSegment, pie.retPcSegment, ...Object.values(pie.builtinSegments), ...pie.extraSegments];
    for (const s of all) mem.finalizedSizes.set(s.index, s.size);
  }

  /** Runs until the entrypoint returns or `maxSteps` steps ran; false when it stopped early. */
  runSlice(maxSteps: number): boolean {
    this.vm.run(this.end.segment, this.end.offset, maxSteps);
    return this.atEnd();
  }

  atEnd(): boolean {
    return this.vm.pcSeg === this.end.segment && this.vm.pc === this.end.offset;
  }

  /**
   * cairo-run's run: to the end, within `steps` if given (then exactly `steps` steps). Without
   * `steps`, a runaway program stops cleanly with an error after `maxSteps` steps or when the
   * heap nears its limit, instead of hanging or dying out of memory. In proof mode the
   * `__end__` instruction (`jmp rel 0`) runs once more, so the last pc executed is `__end__`.
   */
  runToEnd(steps?: number, maxSteps = DEFAULT_MAX_STEPS): void {
    const extra = this.proofMode ? 1 : 0;
    const limit = steps !== undefined ? steps - extra : maxSteps;
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
    if (this.proofMode) this.vm.step();
    this.originalSteps = this.vm.currentStep;
    if (steps !== undefined) this.runUntilSteps(steps);
  }

  /** Runs `n` more steps; outside proof mode, stepping past the entrypoint's return fails. */
  runForSteps(n: number): void {
    for (let i = 0; i < n; i++) {
      if (!this.proofMode && this.atEnd()) {
        throw this.vm.wrap(new VmError('EndOfProgram', 'Error: Execution reached the end of the program.'), undefined);
      }
      this.vm.step();
    }
  }

  /** Runs until `steps` steps have run in all (nothing if that many ran already). */
  runUntilSteps(steps: number): void {
    this.runForSteps(Math.max(steps - this.vm.currentStep, 0));
  }

  /**
   * Relocates temporary segments, checks auto-deductions and scopes, freezes memory. In proof
   * mode (unless the trace padding is disabled, as cairo-run does when --steps is given) it then
   * pads the run to a power of 2 of steps with enough cells for every builtin and check.
   */
  endRun(disableTracePadding = true): void {
    if (this.runEnded) throw new VmError('Program', 'end_run called twice.');
    this.endRunSteps = this.vm.currentStep;
    this.mem.relocateMemory();
    this.verifyAutoDeductions();
    if (this.vm.execScopes.length !== 1) throw new VmError('Scope', 'Every enter_scope() requires a corresponding exit_scope().');
    this.mem.frozen = true;
    if (this.proofMode && !disableTracePadding) {
      this.runUntilSteps(nextPowerOf2(this.vm.currentStep));
      while (!this.checkUsedCells()) {
        this.runForSteps(1);
        this.runUntilSteps(nextPowerOf2(this.vm.currentStep));
      }
    }
    this.runEnded = true;
    this.close();
  }

  /** Stops the Python hint bridge's child, if any (the run can still be inspected). */
  close(): void {
    this.python?.close();
  }

  /** cairo-run's check_used_cells: false (with a warning) when the layout needs more steps. */
  checkUsedCells(): boolean {
    const short = insufficientCells(this);
    if (short === undefined) return true;
    this.warnings.push(`Warning: ${short} Increasing number of steps.`);
    return false;
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
    if (!this.runEnded) throw new VmError('Program', 'Run must be ended before calling read_return_values.');
    const ap = this.vm.apValue();
    let pointer = ap;
    for (const name of [...this.program.builtins].reverse()) {
      const b = this.builtinsByName.get(name);
      if (b !== undefined) {
        pointer = b.finalStack(this.mem, pointer);
        continue;
      }
      pointer = pointer.add(-1);
      if (this.mem.getAt(pointer) !== 0) throw new VmError('Builtin', `The stop pointer of the missing builtin "${name}" must be 0.`);
    }
    for (let i = pointer.offset; i < ap.offset; i++) this.executionPublicMemory.push(i - this.executionBase.offset);
  }

  /**
   * cairo-run's finalize_segments (proof mode): the program, execution and builtin segments get
   * their final sizes and public memory, which the relocation and the AIR public input use.
   */
  finalizeSegments(): void {
    if (this.segmentsFinalized) return;
    if (!this.runEnded) throw new VmError('Program', 'Run must be ended before calling finalize_segments.');
    const mem = this.mem;
    const n = this.program.data.length;
    mem.finalizedSizes.set(this.programBase.segment, n);
    this.publicMemory.set(this.programBase.segment, Array.from({ length: n }, (_, i) => [i, 0]));
    this.publicMemory.set(this.executionBase.segment, this.executionPublicMemory.map((x) => [x + this.executionBase.offset, 0]));
    const steps = this.vm.currentStep;
    for (const b of this.builtins) {
      const size = b instanceof OutputBuiltin ? b.usedCells(mem) : b.usedCellsAndAllocatedSize(mem, steps)[1];
      mem.finalizedSizes.set(b.base.segment, size);
      this.publicMemory.set(b.base.segment, b instanceof OutputBuiltin ? b.publicMemory(size) : []);
    }
    this.segmentsFinalized = true;
  }

  /** cairo-run's verify_secure_runner. */
  verifySecure(): void {
    const mem = this.mem;
    const sizes = new Map<number, [string, number]>();
    for (const b of this.builtins) {
      // get_builtin_segments_info: a builtin whose stop pointer was never read (one the program
      // does not use, in proof mode; any, with --no_end) fails the secure run.
      if (b.stopPtr === undefined) throw new VmError('Program', `${b.name} segment stop ptr is None.`);
      sizes.set(b.base.segment, [b.name, b.stopPtr.offset]);
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

