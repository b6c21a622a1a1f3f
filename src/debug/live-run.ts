// A live run behind the debugger's front: the program launched through the one launch module,
// its VM driven in slices (the event loop gets control between them, so pause answers) and
// watched through the VM's step hooks: breakpoints stop it, the history records as it goes.
import { dirname } from 'node:path';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { launch, Launch } from '../runner/launch';
import { loadProgramFile } from '../runner/load-program';
import { layoutsWith } from '../runner/layouts';
import { VmException, Scope } from '../vm/vm';
import { VmError } from '../vm/errors';
import { Relocatable, Value } from '../vm/relocatable';
import { Instruction, Op1Src, Opcode, PcUpdate } from '../vm/instruction';
import { parseFelt, toSigned } from '../vm/felt';
import { DebugFront, FrontEvents, Failure, WriterNode } from './front';
import { SourceMap, SourceOptions } from './source-map';
import { History, Timeline } from './history';
import { returnOf, Frame } from './frames';
import { Typed } from '../vm/reference';
import { Code } from './code';
import { Places } from './places';
import { Stepping, Goal, FrameFolding } from './stepping';
import { BreakpointSetter } from './breakpoint-setter';
import { Controller, Cursor, Frontier, Outcome, writtenText } from './run-control';
import { Inspector, Subject } from './inspection';
import { formatValue } from './values';
import { compileSource, isCairoSource } from './cairo-source';
import { ScopeHistory } from './scope-history';
import { whoWrote } from './writer-node';
import { HintStops } from './hint-stops';
import { Tasks } from './tasks';
import { Program } from '../vm/program';

export interface LaunchOptions extends SourceOptions {
  /** The compiled JSON, or a .cairo source compiled with cairo-compile. */
  program: string;
  /** cairo-compile for a .cairo program (default: the one on the PATH). */
  cairoCompile?: string;
  layout?: string;
  entrypoint?: string;
  /** Step limit: the run stops with an error after this many steps (default: none). */
  steps?: number;
  /** A JSON file read as the hints' program_input. */
  programInput?: string;
  /** The Python (with cairo-lang) for hints Cairn has no TypeScript for; pythonHints false: none. */
  python?: string;
  pythonHints?: boolean;
  /** Stop at the end of the run before the session ends (its last state stays to inspect and walk back). */
  stopAtEnd?: boolean;
}

/** A launch that cannot start: the message says what to fix. */
export class LaunchError extends Error {}

/** What a live run drives: a program ready to step, however it was opened (a Cairo 0 launch, a Cairo 1 executable). */
export type Launched = Pick<Launch, 'program' | 'runner' | 'report'> & {
  finish(): unknown;
  /** Frames stepping counts as their caller's (a Cairo 1 loop's iterations). */
  folding?(timeline: Timeline): FrameFolding;
  /** Names a frame has besides the program's references (a Cairo 1 frame's variables). */
  frameNames?(frame: Frame, step: number): ((name: string) => Typed | undefined) | undefined;
};

/** Steps per slice (a few ms of VM time): requests are answered between slices, within ~20 ms. */
const SLICE = 20_000;
/**
 * Without a `steps` limit a run goes on until its history (16 bytes a step, plus memory) would
 * crowd out the machine: then it stops with an error saying so, instead of dying out of memory.
 */
const HEAP_LIMIT = getHeapStatistics().heap_size_limit * 0.85;
const RSS_LIMIT = totalmem() * 0.6;

function memoryFull(): string | undefined {
  const m = process.memoryUsage();
  if (m.heapUsed < HEAP_LIMIT && m.rss < RSS_LIMIT) return undefined;
  return `${(m.rss / 2 ** 30).toFixed(1)} GiB`;
}

export class LiveRun implements DebugFront, Subject, Frontier {
  readonly control: Controller;
  readonly inspect: Inspector;
  readonly breakpoints: BreakpointSetter;
  readonly code: Code;
  readonly places: Places;
  readonly timeline: History;
  readonly layout: string;
  readonly stepLimit: number;
  failure: Failure | undefined;
  /** The JSON cairo-compile wrote, when the program was a .cairo source. */
  readonly compiled: string | undefined;
  private readonly launched: Launched;
  private readonly scopeHistory: ScopeHistory;
  private readonly stepping: Stepping;
  private readonly hintStops = new HintStops();
  /** Programs hints load into segments of their own (the bootloaders' tasks). */
  readonly tasks: Tasks;
  private outputShown = 0;
  /** Pcs where the run loop stops: the breakpoints, plus a stepping target. */
  private stopAt: Uint8Array = new Uint8Array(0);
  /** Write-log length after the last step, and the watched cells the last step wrote. */
  private logged = 0;
  private written: { ids: number[]; cells: string[]; step: number } | undefined;
  private readonly outputSegment: number | undefined;

  constructor(
    readonly options: LaunchOptions,
    private readonly events: FrontEvents,
    /** Opens another kind of program (src/debug/cairo1/); by default the options' Cairo 0 program is launched. */
    open?: (options: LaunchOptions) => Launched,
  ) {
    if (typeof options.program !== 'string' || options.program === '') {
      throw new LaunchError('The launch configuration has no "program": set it to the compiled JSON (cairo-compile --output).');
    }
    const cairoPath = Array.isArray(options.cairoPath) ? options.cairoPath : [];
    let programFile = options.program;
    if (open === undefined && isCairoSource(programFile)) {
      try {
        programFile = compileSource(programFile, { compiler: options.cairoCompile, cairoPath });
      } catch (e) {
        throw new LaunchError((e as Error).message);
      }
      // cairo-compile ran in the source's folder: debug_info names are relative to it.
      options = { ...options, sourceRoot: options.sourceRoot ?? dirname(options.program) };
      this.compiled = programFile;
    }
    const roots = [options.sourceRoot, ...cairoPath, dirname(programFile)];
    this.tasks = new Tasks(options);
    try {
      if (open !== undefined) this.launched = open(options);
      else {
        const program = loadProgramFile(programFile);
        const layout = typeof options.layout === 'string' ? options.layout : program.builtins.length === 0 ? 'plain' : (layoutsWith(program.builtins)[0]?.name ?? 'plain');
        this.launched = launch({
          program,
          layout,
          entrypoint: typeof options.entrypoint === 'string' ? options.entrypoint : undefined,
          programInput: typeof options.programInput === 'string' && options.programInput !== '' ? options.programInput : undefined,
          trace: true,
          python: {
            enabled: options.pythonHints !== false,
            python: typeof options.python === 'string' && options.python !== '' ? options.python : undefined,
            print: (text) => events.output(text, 'stdout'),
            onLoadProgram: (p, base) => this.loadTask(p, base),
          },
          sourceRoots: roots.filter((r): r is string => typeof r === 'string' && r !== ''),
        });
      }
    } catch (e) {
      throw new LaunchError((e as Error).message);
    }
    const { program, runner } = this.launched;
    this.layout = runner.layout.name;
    const steps = options.steps;
    this.stepLimit = typeof steps === 'number' && steps > 0 ? Math.floor(steps) : Infinity;
    const sourceMap = new SourceMap(program, options);
    this.code = new Code(runner.programBase.segment, program.data);
    this.places = new Places(sourceMap, program);
    this.timeline = new History(runner.vm, runner.mem.size);
    this.logged = runner.mem.size;
    this.stepping = new Stepping(this.timeline, this.code, sourceMap.stepKeyOfPc, { has: (pc) => sourceMap.hasHint(pc), stops: this.hintStops }, this.tasks, this.launched.folding?.(this.timeline));
    this.inspect = new Inspector(this);
    this.breakpoints = new BreakpointSetter(this.code, this.places, this.timeline, (step) => this.inspect.env(0, step), events, this.hintStops, this.tasks);
    this.control = new Controller(this.timeline, this.stepping, this.breakpoints, this, events, options.stopAtEnd === true);
    this.outputSegment = runner.builtinsByName.get('output')?.base.segment;
    // The debugger watches the VM from outside: a stop before a step at a pc of `stopAt`, hint
    // scopes and data breakpoints after each step (the trace notes each step's writes itself).
    // The VM runs compiled blocks where no stop can fall: no pc of `stopAt` in the block and no
    // data breakpoint set (a block runs no hints).
    const codeSeg = this.code.segment;
    this.scopeHistory = new ScopeHistory(runner.vm.execScopes);
    let hinted = false;
    runner.vm.hooks = {
      beforeStep: (vm) => {
        // Hints of the program, or of a task loaded into a segment of its own.
        hinted = vm.pcSeg === codeSeg ? vm.hints[vm.pc] !== undefined : vm.otherHints.get(vm.pcSeg)?.[vm.pc] !== undefined;
        return (vm.pcSeg === codeSeg ? this.stopAt[vm.pc] === 1 : this.tasks.any && this.tasks.stopsAt(vm.pcSeg, vm.pc)) || this.written !== undefined;
      },
      afterStep: (vm) => {
        if (hinted) this.scopeHistory.note(vm.currentStep, vm.execScopes);
        if (this.breakpoints.watching) this.watchWrites(vm.currentStep - 1);
        this.logged = vm.mem.size;
      },
      blockMayRun: (_vm, startPc, lastPc) => {
        if (this.written !== undefined || this.breakpoints.watching) return false;
        const stopAt = this.stopAt;
        for (let pc = startPc; pc <= lastPc; pc++) if (stopAt[pc] === 1) return false;
        return true;
      },
      afterBlock: (vm) => {
        this.logged = vm.mem.size;
      },
    };
  }

  get program() {
    return this.launched.program;
  }

  get cursor(): number {
    return this.control.cursor;
  }

  /** The Python bridge's summary as the console last said it. */
  private pythonSaid: string | undefined;

  get banner(): string {
    const map = this.places.sourceMap;
    const missing = map.files.filter((f, i) => map.paths[i] === undefined && !f.startsWith('starkware/'));
    const compiled = this.compiled ? `, compiled with cairo-compile to ${this.compiled}` : '';
    let text = `Cairn: ${this.options.program} (layout ${this.layout}, ${this.program.data.length} words of code${compiled}).\n`;
    if (missing.length) text += `Source files not found (set sourceRoot or cairoPath): ${missing.join(', ')}\n`;
    const python = this.launched.runner.python;
    const bridged = python?.summary();
    this.pythonSaid = bridged;
    if (bridged !== undefined) text += `${bridged}\n`;
    else if (python?.why !== undefined) text += `Hints Cairn has no implementation for will stop the run: ${python.why}\n`;
    return text;
  }

  dispose(): void {
    this.control.dispose();
    this.launched.runner.close();
  }

  whoWrote(target: string, frame: number, move = true): WriterNode {
    return whoWrote(this, target, frame, move);
  }

  // ---- what inspection reads -------------------------------------------------------------

  hintScopes(step: number): { scopes: Scope[]; note?: string } {
    if (step >= this.timeline.latest) return { scopes: this.launched.runner.vm.execScopes };
    return { scopes: this.scopeHistory.at(step), note: `As they were at step ${step} (objects a hint changes in place, such as a dict manager, show their current content).` };
  }

  /** A hint loaded a program (vm_load_program): its pcs get their sources, names and breakpoints. */
  private loadTask(program: Program, base: Relocatable): void {
    const task = this.tasks.add(program, base);
    const taken = this.breakpoints.taskLoaded(task);
    for (const b of taken) this.events.breakpointChanged?.(b);
    const where = taken.map((b) => `${b.file?.name ?? '?'}:${b.line}`).join(', ');
    this.events.output(`A hint loaded a task program at ${base} (${program.data.length} words of code)${taken.length ? `; breakpoints set in it: ${where}` : ''}.\n`, 'console');
    // The task's own hints may have started the Python bridge, or added to it.
    const python = this.launched.runner.python?.summary();
    if (python !== undefined && python !== this.pythonSaid) this.events.output(`${python}\n`, 'console');
    this.pythonSaid = python;
  }

  get endPc(): Relocatable {
    return this.launched.runner.end;
  }

  hintShown(step: number): number | undefined {
    return this.hintStops.at(step);
  }

  frameNames(frame: Frame, step: number): ((name: string) => Typed | undefined) | undefined {
    return this.launched.frameNames?.(frame, step);
  }

  segmentNames(): Map<number, string> {
    const runner = this.launched.runner;
    const names = new Map<number, string>();
    names.set(runner.programBase.segment, 'program');
    names.set(runner.executionBase.segment, 'execution');
    for (const b of runner.builtins) names.set(b.base.segment, b.name);
    // The entry frame's saved fp and return pc sit just below the initial fp.
    const returnFp = runner.mem.get(runner.initialFp.segment, runner.initialFp.offset - 2);
    if (typeof returnFp === 'object') names.set(returnFp.segment, 'return fp of the entrypoint');
    names.set(runner.end.segment, 'end (return address of the entrypoint)');
    return names;
  }

  /** Writes a cell that the run has not written yet (memory is write-once). */
  writeCell(addr: Relocatable, text: string): string {
    if (this.control.cursor !== this.timeline.latest || this.control.ended) throw new Error('Memory can only be set at the live step of a running program (not in history).');
    const mem = this.launched.runner.mem;
    const cur = mem.get(addr.segment, addr.offset);
    if (cur !== undefined) throw new Error(`Cell ${addr} already holds ${formatValue(cur)}: Cairo memory is write-once, so only unwritten cells can be set.`);
    const m = /^\s*(-?\d+):(\d+)\s*$/.exec(text);
    let v: Value;
    try {
      v = m ? new Relocatable(Number(m[1]), Number(m[2])) : parseFelt(text.trim());
    } catch {
      throw new Error(`"${text}" is not a felt (decimal, 0x hex or negative) or an address (segment:offset).`);
    }
    mem.write(addr.segment, addr.offset, v);
    return formatValue(v);
  }

  // ---- the frontier: running live --------------------------------------------------------

  async extend(goal: Goal, control: Cursor): Promise<Outcome> {
    const runner = this.launched.runner;
    const vm = runner.vm;
    const endSeg = runner.end.segment;
    const endOff = runner.end.offset;
    const codeSeg = this.code.segment;
    const table = this.breakpoints.table;
    // A call being stepped over (or the frame being stepped out of) runs at full speed to its return.
    let skip: { pc: number; fpSeg: number; fp: number; bps: Uint8Array } | undefined;
    const skipTo = (pc: number, fpSeg: number, fp: number) => ({ pc, fpSeg, fp, bps: table.withTargets(pc) });
    // Out of an inlined function stays in its fp frame: it runs like over (calls at full speed) until that code is left.
    const outOfFp = goal.kind === 'out' && !goal.inlined?.length;
    const overCalls = goal.kind === 'over' || (goal.kind === 'out' && !outOfFp);
    const fpOnly = { fpSeg: goal.fpSeg, fp: goal.fp };
    if (outOfFp || (goal.kind === 'over' && this.stepping.depthVs(control.cursor, fpOnly) > 0)) {
      const ret = this.returnInto(goal);
      if (ret !== undefined) skip = skipTo(ret.pc.offset, ret.fp.segment, ret.fp.offset);
    }
    let lastYield = Date.now();
    let checked = vm.currentStep;
    for (;;) {
      if (control.cancelled) return 'cancelled';
      if (control.pausing) return { stop: 'pause' };
      const remaining = this.stepLimit - vm.currentStep;
      if (remaining <= 0) {
        return this.fail(vm.wrap(new VmError('StepLimit', `Error: End of program was not reached: the run hit the launch's "steps" limit (${this.stepLimit}).`), undefined));
      }
      if (vm.currentStep - checked >= 5 * SLICE) {
        checked = vm.currentStep;
        const used = memoryFull();
        if (used !== undefined) {
          return this.fail(vm.wrap(new VmError('StepLimit', `Error: End of program was not reached after ${vm.currentStep} steps, and the run's history fills memory (${used}): a runaway loop? Set "steps" in the launch configuration to stop earlier.`), undefined));
        }
      }
      if (overCalls && skip === undefined && vm.pcSeg === codeSeg && this.inGoalFrame(goal, control.cursor)) {
        const inst = this.instructionAtPc();
        if (inst !== undefined && inst.opcode === Opcode.CALL && !this.entersFolded(vm.pc, inst)) skip = skipTo(vm.pc + inst.size, vm.fpSeg, vm.fp);
      }
      const n = skip !== undefined || goal.kind === 'continue' ? SLICE : 1;
      this.stopAt = skip !== undefined ? skip.bps : table.active;
      try {
        vm.run(endSeg, endOff, Math.min(n, remaining));
      } catch (e) {
        control.cursor = vm.currentStep;
        this.flushOutput();
        return this.fail(e);
      }
      const step = (control.cursor = vm.currentStep);
      this.flushOutput();
      const written = this.written;
      if (written !== undefined) {
        this.written = undefined;
        return { stop: 'data breakpoint', ids: written.ids, text: writtenText(written.cells, written.step) };
      }
      if (runner.atEnd()) return 'end';
      const hit = this.breakpoints.hitAt(step);
      if (hit) return { stop: hit.reason, ids: hit.ids };
      if (skip !== undefined) {
        if (vm.pcSeg === codeSeg && vm.pc === skip.pc && vm.fpSeg === skip.fpSeg && vm.fp === skip.fp) {
          skip = undefined;
          if (outOfFp || this.stepping.reached(goal, step)) return { stop: 'step' };
        }
      } else if (goal.kind !== 'continue' && this.stepping.reached(goal, step)) return { stop: 'step' };
      if (Date.now() - lastYield > 20) {
        await new Promise<void>((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
  }

  /** Data breakpoints: the watched cells among those the step just run wrote. */
  private watchWrites(step: number): void {
    const mem = this.launched.runner.mem;
    for (let i = this.logged; i < mem.size; i++) {
      const seg = mem.loggedSegment(i);
      const off = mem.loggedOffset(i);
      const id = this.breakpoints.watches(seg, off);
      if (id === undefined) continue;
      this.written ??= { ids: [], cells: [], step };
      this.written.ids.push(id);
      this.written.cells.push(`${seg}:${off}`);
    }
  }

  /** Whether the VM is in the goal's frame (as stepping counts frames: a loop's iterations are one). */
  private inGoalFrame(goal: Goal, step: number): boolean {
    const vm = this.launched.runner.vm;
    if (this.stepping.folding === undefined) return vm.fpSeg === goal.fpSeg && vm.fp === goal.fp;
    return this.stepping.depthVs(step, { fpSeg: goal.fpSeg, fp: goal.fp }) === 0;
  }

  /** Whether a call instruction at pc enters a frame stepping folds into its caller (stepping over it steps into it). */
  private entersFolded(pc: number, inst: Instruction): boolean {
    const folding = this.stepping.folding;
    if (folding === undefined || inst.op1Src !== Op1Src.IMM || inst.immNum === undefined) return false;
    if (inst.pcUpdate === PcUpdate.JUMP_REL) return folding.entersFolded(pc + inst.immNum);
    return inst.pcUpdate === PcUpdate.JUMP && folding.entersFolded(inst.immNum);
  }

  /** The return of the frame that returns into the goal's frame (or out of it, for step out). */
  private returnInto(goal: Goal): { pc: Relocatable; fp: Relocatable } | undefined {
    const runner = this.launched.runner;
    const folded = goal.kind === 'out' ? this.stepping.folding?.fpAt(this.timeline.latest) : undefined;
    let fp = folded === undefined ? runner.vm.fpValue() : new Relocatable(folded.segment, folded.offset);
    for (let i = 0; i <= runner.mem.size; i++) {
      const ret = returnOf(runner.mem, fp);
      if (ret === undefined || !this.code.isCode(ret.pc)) return undefined;
      if (goal.kind === 'out' ? true : ret.fp.segment === goal.fpSeg && ret.fp.offset === goal.fp) return ret;
      if (ret.fp.equals(fp)) return undefined;
      fp = ret.fp;
    }
    return undefined;
  }

  private instructionAtPc() {
    try {
      const vm = this.launched.runner.vm;
      return vm.instructionAt(vm.pcSeg, vm.pc);
    } catch {
      return undefined;
    }
  }

  private fail(e: unknown): Outcome {
    let text: string;
    let kind = 'Error';
    let message: string;
    if (e instanceof VmException) {
      // A failing hint is shown at its own `%{ %}`, as cairo-run reports it.
      if (e.hintIndex !== undefined) this.hintStops.mark(this.control.cursor, e.hintIndex);
      text = this.launched.report(e);
      kind = e.inner instanceof VmError ? e.inner.kind : e.inner.name;
      message = e.inner.message;
    } else {
      message = e instanceof Error ? e.message : String(e);
      text = `Error: ${message}`;
    }
    // The first line of the report with the error message attribute is what a user wants to see.
    const attr = /^Error message: .*$/m.exec(text);
    this.failure = { kind, message: attr ? `${attr[0]}\n${message}` : message, text };
    this.events.output(text + '\n', 'stderr');
    return 'failed';
  }

  finish(): number {
    this.flushOutput();
    const runner = this.launched.runner;
    if (this.failure !== undefined) {
      this.events.output(`Run failed after ${runner.vm.currentStep} steps.\n`, 'console');
      return 1;
    }
    let exit = 0;
    try {
      this.launched.finish();
    } catch (e) {
      this.events.output(`Error: ${(e as Error).message}\n`, 'stderr');
      exit = 1;
    }
    this.events.output(`Run ended${exit ? ' with an error' : ''}: ${runner.vm.currentStep} steps, ${runner.mem.size} memory cells used.\n`, 'console');
    return exit;
  }

  /** Output builtin cells written since the last call, one line each (as cairo-run prints them). */
  private flushOutput(): void {
    const seg = this.outputSegment;
    if (seg === undefined) return;
    const mem = this.launched.runner.mem;
    let text = '';
    for (let v = mem.get(seg, this.outputShown); v !== undefined; v = mem.get(seg, ++this.outputShown)) {
      text += (typeof v === 'object' ? v.toString() : toSigned(v).toString()) + '\n';
    }
    if (text !== '') this.events.output(text, 'stdout');
  }
}
