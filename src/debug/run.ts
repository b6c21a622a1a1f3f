// A debugged run: the runner with its history, user breakpoints, and the run control a debugger
// needs (continue, step in/over/out by line or instruction, pause, step back, reverse continue).
// The VM runs in slices through its own loop with the breakpoint array, so a far breakpoint costs
// about what a plain run costs, and the event loop gets control between slices (pause answers).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadProgramFile } from '../runner/load-program';
import { CairoRunner } from '../runner/cairo-runner';
import { ErrorReporter } from '../runner/error-report';
import { SourceReader } from '../runner/sources';
import { layoutsWith } from '../runner/layouts';
import { Program } from '../vm/program';
import { VmException } from '../vm/vm';
import { VmError } from '../vm/errors';
import { Relocatable, Value } from '../vm/relocatable';
import { Opcode } from '../vm/instruction';
import { Memory } from '../vm/memory';
import { parseFelt, toSigned } from '../vm/felt';
import { SourceMap, SourceOptions } from './source-map';
import { History, Registers } from './history';
import { callStack, Frame, returnOf } from './frames';
import { FrameEnv } from './frame-env';
import { BreakpointTable, Breakpoint, hitConditionMet, interpolate, conditionHolds, Comparable } from './breakpoints';
import { formatValue } from './values';

export interface LaunchOptions extends SourceOptions {
  program: string;
  layout?: string;
  entrypoint?: string;
  /** Step limit: the run stops with an error after this many steps. */
  steps?: number;
  /** A JSON file read as the hints' program_input. */
  programInput?: string;
}

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'function breakpoint' | 'instruction breakpoint' | 'pause' | 'exception';

export interface RunListener {
  stopped(reason: StopReason, detail: { text?: string; breakpointIds?: number[] }): void;
  output(text: string, category: 'console' | 'stdout' | 'stderr'): void;
  ended(exitCode: number): void;
}

export interface Failure {
  /** The VM's error kind (AssertEq, UnknownHint, StepLimit, ...). */
  kind: string;
  message: string;
  /** cairo-run's full report: location, error message attributes, Cairo traceback. */
  text: string;
}

/** A launch that cannot start: the message says what to fix. */
export class LaunchError extends Error {}

export type Granularity = 'line' | 'instruction';

interface Goal {
  kind: 'continue' | 'in' | 'over' | 'out' | 'instruction';
  key: number;
  fpSeg: number;
  fp: number;
}

type Outcome = { stop: StopReason; ids?: number[]; text?: string } | 'end' | 'failed' | 'cancelled';

/** Steps per slice: ~25 ms of VM time, so a pause is answered well within a second. */
const SLICE = 100_000;
/** Without a `steps` limit the history (12 bytes of trace and 4 of marks per step) stops here. */
export const DEFAULT_STEP_LIMIT = 30_000_000;

export class DebugRun {
  readonly program: Program;
  readonly runner: CairoRunner;
  readonly sourceMap: SourceMap;
  readonly history: History;
  readonly breakpoints: BreakpointTable;
  readonly layout: string;
  readonly stepLimit: number;
  /** The step being looked at: the live step, or an earlier one after stepping back. */
  cursor = 0;
  failure: Failure | undefined;
  finished = false;
  exceptionBreakpoints = true;
  private busy = false;
  private pauseRequested = false;
  private cancelled = false;
  private outputShown = 0;
  private readonly outputSegment: number | undefined;
  private readonly sources: SourceReader;

  constructor(
    readonly options: LaunchOptions,
    private readonly listener: RunListener,
  ) {
    if (typeof options.program !== 'string' || options.program === '') {
      throw new LaunchError('The launch configuration has no "program": set it to the compiled JSON (cairo-compile --output).');
    }
    try {
      this.program = loadProgramFile(options.program);
    } catch (e) {
      throw new LaunchError((e as Error).message);
    }
    let programInput: unknown = {};
    if (options.programInput !== undefined && options.programInput !== '') {
      try {
        programInput = JSON.parse(readFileSync(options.programInput, 'utf8'));
      } catch (e) {
        throw new LaunchError(`Cannot read programInput ${options.programInput}: ${(e as Error).message}`);
      }
    }
    this.layout = options.layout ?? (this.program.builtins.length === 0 ? 'plain' : (layoutsWith(this.program.builtins)[0]?.name ?? 'plain'));
    try {
      this.runner = new CairoRunner(this.program, {
        layout: this.layout,
        trace: true,
        writeMarks: true,
        entrypoint: options.entrypoint,
        programInput,
      });
      this.runner.initialize();
    } catch (e) {
      throw new LaunchError(`Cannot start ${options.program}: ${(e as Error).message}`);
    }
    const steps = options.steps;
    this.stepLimit = typeof steps === 'number' && steps > 0 ? Math.floor(steps) : DEFAULT_STEP_LIMIT;
    this.sourceMap = new SourceMap(this.program, options);
    this.history = new History(this.runner.vm, this.runner.mem.size);
    this.breakpoints = new BreakpointTable(this.program.data.length);
    this.outputSegment = this.runner.builtinsByName.get('output')?.base.segment;
    const roots = [options.sourceRoot, ...(options.cairoPath ?? []), dirname(options.program)].filter((r): r is string => !!r);
    this.sources = new SourceReader(this.program.debugInfo?.fileContents ?? {}, roots);
  }

  get live(): number {
    return this.history.live;
  }

  get running(): boolean {
    return this.busy;
  }

  /** Stops the run loop for good (disconnect, restart). */
  dispose(): void {
    this.cancelled = true;
  }

  // ---- state at the cursor -------------------------------------------------------------

  registers(step = this.cursor): Registers {
    return this.history.registersAt(step);
  }

  memory(step = this.cursor): Memory {
    return this.history.memoryAt(step);
  }

  frames(step = this.cursor): Frame[] {
    return callStack(this.memory(step), this.registers(step), this.runner.programBase.segment);
  }

  frameEnv(frameIndex: number, step = this.cursor): FrameEnv {
    const frames = this.frames(step);
    const frame = frames[frameIndex];
    if (frame === undefined) throw new Error(`There is no frame ${frameIndex} (the stack has ${frames.length}).`);
    const loc = frame.pc.segment === 0 ? this.sourceMap.location(frame.pc.offset) : undefined;
    return new FrameEnv(this.program, this.memory(step), frame, loc);
  }

  private keyAt(step: number): number {
    const [pcSeg] = this.history.segmentsAt(step);
    if (pcSeg !== this.runner.programBase.segment) return -1;
    const pc = this.history.pcOffsetAt(step);
    return pc < this.sourceMap.stepKeyOfPc.length ? this.sourceMap.stepKeyOfPc[pc] : -1;
  }

  /** -1: shallower than (fpSeg, fp) (a caller), 0: that frame, 1: deeper (a callee). */
  private depthVs(step: number, fpSeg: number, fp: number): number {
    const [, , seg] = this.history.segmentsAt(step);
    const off = this.history.fpOffsetAt(step);
    if (seg !== fpSeg) return -1;
    return off < fp ? -1 : off === fp ? 0 : 1;
  }

  private goal(kind: Goal['kind']): Goal {
    const r = this.registers();
    return { kind, key: this.keyAt(this.cursor), fpSeg: r.fp.segment, fp: r.fp.offset };
  }

  private reached(goal: Goal, step: number): boolean {
    switch (goal.kind) {
      case 'instruction':
        return true;
      case 'continue':
        return false;
      case 'out':
        return this.depthVs(step, goal.fpSeg, goal.fp) < 0;
      case 'in': {
        const key = this.keyAt(step);
        return key !== -1 && (key !== goal.key || this.depthVs(step, goal.fpSeg, goal.fp) !== 0);
      }
      case 'over': {
        const d = this.depthVs(step, goal.fpSeg, goal.fp);
        if (d < 0) return true;
        const key = this.keyAt(step);
        return d === 0 && key !== -1 && key !== goal.key;
      }
    }
  }

  // ---- breakpoints ---------------------------------------------------------------------

  /** Breakpoints at the pc of `step` that want to stop (logpoints print and do not). */
  private breakpointsHit(step: number, reverse = false): { ids: number[]; kind: Breakpoint['kind'] } | undefined {
    const [pcSeg] = this.history.segmentsAt(step);
    if (pcSeg !== this.runner.programBase.segment) return undefined;
    const list = this.breakpoints.at(this.history.pcOffsetAt(step));
    if (list === undefined) return undefined;
    let env: FrameEnv | undefined;
    const envAt = () => (env ??= this.frameEnv(0, step));
    const ids: number[] = [];
    let kind: Breakpoint['kind'] = 'line';
    for (const bp of list) {
      if (bp.condition !== undefined && bp.condition.trim() !== '') {
        try {
          if (!conditionHolds(bp.condition, (expr) => this.comparable(envAt(), expr))) continue;
        } catch (e) {
          this.listener.output(`Breakpoint condition "${bp.condition}" failed: ${(e as Error).message} (stopping).\n`, 'stderr');
        }
      }
      if (reverse) {
        if (bp.logMessage === undefined) ids.push(bp.id);
        continue;
      }
      bp.hits++;
      try {
        if (!hitConditionMet(bp.hitCondition, bp.hits)) continue;
      } catch (e) {
        this.listener.output(`${(e as Error).message}\n`, 'stderr');
      }
      if (bp.logMessage !== undefined) {
        this.listener.output(interpolate(bp.logMessage, (expr) => this.valueText(envAt(), expr)) + '\n', 'console');
        continue;
      }
      ids.push(bp.id);
      kind = bp.kind;
    }
    return ids.length ? { ids, kind } : undefined;
  }

  private comparable(env: FrameEnv, expr: string): Comparable {
    const t = env.evaluateText(expr);
    const v = t.type.kind === 'struct' || t.type.kind === 'tuple' ? t.addr : (t.value ?? env.mem.getAt(t.addr!));
    if (v === undefined) throw new Error(`${expr} is not known yet`);
    return typeof v === 'object' ? { segment: v.segment, offset: v.offset } : { felt: toSigned(v) };
  }

  private valueText(env: FrameEnv, expr: string): string {
    const t = env.evaluateText(expr);
    if (t.type.kind === 'struct' || t.type.kind === 'tuple') return t.addr ? `${t.addr}` : '?';
    const v = t.value ?? env.mem.getAt(t.addr!);
    if (v === undefined) throw new Error(`${expr} is not known yet`);
    return formatValue(v);
  }

  // ---- run control ---------------------------------------------------------------------

  /** After configurationDone: stop at entry or run. */
  start(stopOnEntry: boolean): void {
    if (stopOnEntry) this.listener.stopped('entry', {});
    else void this.forward('continue');
  }

  continue(): Promise<void> {
    return this.forward('continue');
  }
  stepIn(g: Granularity = 'line'): Promise<void> {
    return this.forward(g === 'instruction' ? 'instruction' : 'in');
  }
  next(g: Granularity = 'line'): Promise<void> {
    return this.forward(g === 'instruction' ? 'instruction' : 'over');
  }
  stepOut(): Promise<void> {
    return this.forward('out');
  }

  pause(): void {
    if (this.busy) this.pauseRequested = true;
  }

  private async forward(kind: Goal['kind']): Promise<void> {
    if (this.busy) throw new Error('The program is running: pause it first.');
    if (this.finished) throw new Error('The run has ended.');
    this.busy = true;
    this.pauseRequested = false;
    let outcome: Outcome;
    try {
      const goal = this.goal(kind);
      // Past a VM error there is nothing to run: going on ends the session.
      if (this.failure !== undefined && this.cursor >= this.live) outcome = 'end';
      else outcome = this.replay(goal) ?? (await this.runLive(goal));
    } catch (e) {
      this.listener.output(`Internal error in Cairn's debugger: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`, 'stderr');
      outcome = 'end';
    } finally {
      this.busy = false;
    }
    this.report(outcome);
  }

  private report(outcome: Outcome): void {
    if (outcome === 'cancelled') return;
    if (outcome === 'end') return this.finish();
    if (outcome === 'failed') {
      if (this.exceptionBreakpoints) this.listener.stopped('exception', { text: this.failure!.message });
      else this.finish();
      return;
    }
    this.listener.stopped(outcome.stop, { breakpointIds: outcome.ids, text: outcome.text });
  }

  /** Forward through recorded history (after stepping back); undefined when it reaches the live step. */
  private replay(goal: Goal): Outcome | undefined {
    while (this.cursor < this.live) {
      this.cursor++;
      const hit = this.breakpointsHit(this.cursor);
      if (hit) return { stop: stopReasonOf(hit.kind), ids: hit.ids };
      if (this.reached(goal, this.cursor)) return { stop: 'step' };
    }
    if (this.failure !== undefined) return 'failed';
    return undefined;
  }

  private async runLive(goal: Goal): Promise<Outcome> {
    const runner = this.runner;
    const vm = runner.vm;
    const endSeg = runner.end.segment;
    const endOff = runner.end.offset;
    const progSeg = runner.programBase.segment;
    // A call being stepped over (or the frame being stepped out of) runs at full speed to its return.
    let skip: { pc: number; fpSeg: number; fp: number; bps: Uint8Array } | undefined;
    const skipTo = (pc: number, fpSeg: number, fp: number) => ({ pc, fpSeg, fp, bps: this.breakpoints.withTargets(pc) });
    if (goal.kind === 'out' || (goal.kind === 'over' && this.depthVs(this.cursor, goal.fpSeg, goal.fp) > 0)) {
      const ret = this.returnInto(goal);
      if (ret !== undefined) skip = skipTo(ret.pc.offset, ret.fp.segment, ret.fp.offset);
    }
    let lastYield = Date.now();
    for (;;) {
      if (this.cancelled) return 'cancelled';
      if (this.pauseRequested) return { stop: 'pause' };
      const remaining = this.stepLimit - vm.currentStep;
      if (remaining <= 0) {
        const limit = this.options.steps !== undefined ? `the launch's "steps" limit (${this.stepLimit})` : `Cairn's default limit of ${this.stepLimit} steps (set "steps" in the launch configuration to go further)`;
        return this.fail(vm.wrap(new VmError('StepLimit', `Error: End of program was not reached: the run hit ${limit}.`), undefined));
      }
      if (goal.kind === 'over' && skip === undefined && vm.pcSeg === progSeg && vm.fpSeg === goal.fpSeg && vm.fp === goal.fp) {
        const inst = this.instructionAtPc();
        if (inst !== undefined && inst.opcode === Opcode.CALL) skip = skipTo(vm.pc + inst.size, vm.fpSeg, vm.fp);
      }
      let n: number;
      let bps: Uint8Array;
      if (skip !== undefined) {
        n = SLICE;
        bps = skip.bps;
      } else if (goal.kind === 'continue') {
        n = SLICE;
        bps = this.breakpoints.active;
      } else {
        n = 1;
        bps = this.breakpoints.active;
      }
      try {
        vm.run(endSeg, endOff, Math.min(n, remaining), bps);
      } catch (e) {
        this.cursor = vm.currentStep;
        this.flushOutput();
        return this.fail(e);
      }
      const step = (this.cursor = vm.currentStep);
      this.flushOutput();
      if (runner.atEnd()) return 'end';
      const hit = this.breakpointsHit(step);
      if (hit) return { stop: stopReasonOf(hit.kind), ids: hit.ids };
      if (skip !== undefined) {
        if (vm.pcSeg === progSeg && vm.pc === skip.pc && vm.fpSeg === skip.fpSeg && vm.fp === skip.fp) {
          skip = undefined;
          if (goal.kind === 'out') return { stop: 'step' };
          if (this.reached(goal, step)) return { stop: 'step' };
        }
      } else if (goal.kind !== 'continue' && this.reached(goal, step)) return { stop: 'step' };
      if (Date.now() - lastYield > 20) {
        await new Promise<void>((r) => setImmediate(r));
        lastYield = Date.now();
      }
    }
  }

  /** The return of the frame that returns into the goal's frame (or out of it, for step out). */
  private returnInto(goal: Goal): { pc: Relocatable; fp: Relocatable } | undefined {
    const mem = this.runner.mem;
    let fp = this.runner.vm.fpValue();
    for (let i = 0; i < 100000; i++) {
      const ret = returnOf(mem, fp);
      if (ret === undefined || ret.pc.segment !== this.runner.programBase.segment) return undefined;
      if (goal.kind === 'out' ? true : ret.fp.segment === goal.fpSeg && ret.fp.offset === goal.fp) return ret;
      if (ret.fp.equals(fp)) return undefined;
      fp = ret.fp;
    }
    return undefined;
  }

  private instructionAtPc() {
    try {
      const vm = this.runner.vm;
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
      text = new ErrorReporter(this.program, this.runner.mem, this.sources).format(e);
      kind = e.inner instanceof VmError ? e.inner.kind : e.inner.name;
      message = e.inner.message;
    } else {
      message = e instanceof Error ? e.message : String(e);
      text = `Error: ${message}`;
    }
    // The first line of the report with the error message attribute is what a user wants to see.
    const attr = /^Error message: .*$/m.exec(text);
    this.failure = { kind, message: attr ? `${attr[0]}\n${message}` : message, text };
    this.listener.output(text + '\n', 'stderr');
    return 'failed';
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.flushOutput();
    if (this.failure !== undefined) {
      this.listener.output(`Run failed after ${this.runner.vm.currentStep} steps.\n`, 'console');
      this.listener.ended(1);
      return;
    }
    const runner = this.runner;
    let exit = 0;
    try {
      runner.endRun();
      runner.readReturnValues();
      runner.verifySecure();
    } catch (e) {
      this.listener.output(`Error: ${(e as Error).message}\n`, 'stderr');
      exit = 1;
    }
    this.listener.output(`Run ended${exit ? ' with an error' : ''}: ${runner.vm.currentStep} steps, ${runner.mem.size} memory cells used.\n`, 'console');
    this.listener.ended(exit);
  }

  /** Output builtin cells written since the last call, one line each (as cairo-run prints them). */
  private flushOutput(): void {
    const seg = this.outputSegment;
    if (seg === undefined) return;
    const mem = this.runner.mem;
    let text = '';
    for (let v = mem.get(seg, this.outputShown); v !== undefined; v = mem.get(seg, ++this.outputShown)) {
      text += (typeof v === 'object' ? v.toString() : toSigned(v).toString()) + '\n';
    }
    if (text !== '') this.listener.output(text, 'stdout');
  }

  // ---- going back ----------------------------------------------------------------------

  stepBack(g: Granularity = 'line'): void {
    if (this.busy) throw new Error('The program is running: pause it first.');
    if (this.cursor === 0) return this.listener.stopped('step', { text: 'At the start of the run.' });
    if (g === 'instruction') {
      this.cursor--;
      return this.listener.stopped('step', {});
    }
    const goal = this.goal('over');
    let k = this.cursor - 1;
    while (k > 0) {
      const key = this.keyAt(k);
      const d = this.depthVs(k, goal.fpSeg, goal.fp);
      if (key !== -1 && (d < 0 || (d === 0 && key !== goal.key))) break;
      k--;
    }
    // Back to where that line started in that frame (over calls made from it).
    const key = this.keyAt(k);
    const [, , fpSeg] = this.history.segmentsAt(k);
    const fp = this.history.fpOffsetAt(k);
    let best = k;
    for (let j = k - 1; j >= 0; j--) {
      const d = this.depthVs(j, fpSeg, fp);
      if (d > 0) continue;
      if (d === 0 && this.keyAt(j) === key) best = j;
      else break;
    }
    this.cursor = best;
    this.listener.stopped('step', {});
  }

  reverseContinue(): void {
    if (this.busy) throw new Error('The program is running: pause it first.');
    const active = this.breakpoints.active;
    for (let k = this.cursor - 1; k >= 0; k--) {
      const [pcSeg] = this.history.segmentsAt(k);
      if (pcSeg !== 0 || active[this.history.pcOffsetAt(k)] !== 1) continue;
      const hit = this.breakpointsHit(k, true);
      if (hit) {
        this.cursor = k;
        return this.listener.stopped(stopReasonOf(hit.kind), { breakpointIds: hit.ids });
      }
    }
    this.cursor = 0;
    this.listener.stopped('entry', { text: 'Reached the start of the run.' });
  }

  // ---- memory edits --------------------------------------------------------------------

  /** Writes a cell that the run has not written yet (memory is write-once). */
  writeCell(addr: Relocatable, text: string): Value {
    if (this.cursor !== this.live || this.finished) throw new Error('Memory can only be set at the live step of a running program (not in history).');
    const mem = this.runner.mem;
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
    return v;
  }
}

function stopReasonOf(kind: Breakpoint['kind']): StopReason {
  return kind === 'function' ? 'function breakpoint' : kind === 'instruction' ? 'instruction breakpoint' : 'breakpoint';
}
