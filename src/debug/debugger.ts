// What an adapter holds for one debug session, whatever kind of run is behind the front: the
// run (opened, restarted, disposed), the breakpoints as last sent, the numbers that expand
// variables, and the answers that take more than one call on the front (the console's forms,
// who wrote a cell, what a data breakpoint can watch). Runtime shapes only, no protocol types.
import { DebugFront, FrontEvents, RunControl, DataTarget, ScopeKind, RuntimeScope, RuntimeBreakpoint, LineSpec, FunctionSpec, InstructionSpec, WriterNode } from './front';
import { openFront, FrontLaunch } from './open';
import { BreakpointBook, DataSpec } from './breakpoint-book';
import { VariableRefs, ShownVariable, ListOptions } from './variable-refs';
import { profileFreshRun } from './profile/fresh';
import { FlameData } from './profile/flame';

/** "Who wrote this?" as an editor command shows it: the writing step and the operands to follow next. */
export interface WriterAnswer {
  result: string;
  /** Undefined when the cell was written before the run started. */
  step?: number;
  operands: { name: string; value: string; target?: string }[];
}

/** Where a data breakpoint request names its cell. */
export interface DataQuery {
  name: string;
  /** A value listed under this variables number. */
  reference?: number;
  /** Else an expression evaluated in this frame. */
  frame?: number;
  /** `name` is itself a memory reference. */
  asAddress?: boolean;
}

const WHO_WROTE = /^\s*who\s+wrote\s+(.+?)\s*$/i;

export class Debugger {
  private front: DebugFront | undefined;
  private args: FrontLaunch | undefined;
  private readonly book = new BreakpointBook();
  private readonly refs = new VariableRefs();
  private readonly events: FrontEvents;

  constructor(events: FrontEvents) {
    // A stop makes every variables number stale.
    this.events = { ...events, stopped: (reason, detail) => (this.refs.reset(), events.stopped(reason, detail)) };
  }

  get opened(): boolean {
    return this.front !== undefined;
  }

  /** The front of the run being debugged; an error saying so when there is none. */
  need(): DebugFront {
    if (this.front === undefined) throw new Error('No program is being debugged: send "launch" first.');
    return this.front;
  }

  /** Opens the run `args` ask for (throws OpenError); returns the console's banner. */
  open(args: FrontLaunch): string {
    const front = openFront(args, this.events);
    this.front = front;
    this.args = args;
    front.breakpoints.setExceptions(this.book.exceptions);
    return front.banner;
  }

  /** A new run of `args` (by default the launch's) with every breakpoint sent so far. */
  restart(args: FrontLaunch | undefined): string {
    if (this.args === undefined) this.need();
    this.dispose();
    this.front = undefined;
    const banner = this.open(args ?? this.args!);
    this.book.applyTo(this.need().breakpoints);
    return banner;
  }

  /** After the editor has sent its breakpoints: stop at the entry or run. */
  start(): void {
    this.need().control.start(this.args?.stopOnEntry === true);
  }

  dispose(): void {
    this.front?.dispose();
  }

  /** The run control, when the run can move now; its stale variables numbers are dropped. */
  ready(): RunControl {
    const c = this.need().control;
    if (c.running) throw new Error('The program is running: pause it first.');
    if (c.ended) throw new Error('The run has ended.');
    this.refs.reset();
    return c;
  }

  // ---- variables -----------------------------------------------------------------------

  scopes(frame: number): (RuntimeScope & { reference: number })[] {
    return this.need().inspect.scopes(frame).map((s) => ({ ...s, reference: this.refs.scope(frame, s.kind as ScopeKind) }));
  }

  variables(reference: number, o: ListOptions): ShownVariable[] {
    return this.refs.list(this.need(), reference, o);
  }

  setVariable(reference: number, name: string, value: string): string {
    const front = this.need();
    return front.inspect.setCell(this.refs.find(reference, name), value);
  }

  /**
   * An expression in a frame. In the console (context 'repl' or none), `who wrote X` moves the
   * run to the step that wrote X (a stop comes first, so the answer's numbers outlive it).
   */
  evaluate(expression: string, frame: number, context: string | undefined, hex: boolean): ShownVariable {
    const front = this.need();
    const who = WHO_WROTE.exec(expression);
    if (who !== null && context !== undefined && context !== 'repl') throw new Error('"who wrote" moves the run to another step: ask it in the Debug Console.');
    const node = who !== null ? this.moveToWriter(front, who[1], frame) : front.inspect.evaluate(expression, frame);
    return this.refs.shown(node, hex);
  }

  /** Asks first without moving, so an editor hears the run resume only when a stop follows. */
  private moveToWriter(front: DebugFront, target: string, frame: number): WriterNode {
    const node = front.whoWrote(target, frame, false);
    if (node.step === undefined) return node;
    this.events.resumed?.();
    return front.whoWrote(target, frame, true);
  }

  /** Who wrote a cell (an expression or `s:o`); with `go`, the run moves to that step. */
  whoWrote(target: string, frame: number, go: boolean): WriterAnswer {
    const front = this.need();
    const node = go ? this.moveToWriter(front, target, frame) : front.whoWrote(target, frame, false);
    const operands = node.children?.list() ?? [];
    return { result: node.value, step: node.step, operands: operands.map((o) => ({ name: o.name, value: o.value, target: o.memoryReference })) };
  }

  // ---- breakpoints: kept for a restart; lines and exceptions also before the launch -------

  setLines(path: string, specs: LineSpec[]): RuntimeBreakpoint[] {
    return this.book.setLines(this.front?.breakpoints, path, specs);
  }
  setFunctions(specs: FunctionSpec[]): RuntimeBreakpoint[] {
    return this.book.setFunctions(this.need().breakpoints, specs);
  }
  setInstructions(specs: InstructionSpec[]): RuntimeBreakpoint[] {
    return this.book.setInstructions(this.need().breakpoints, specs);
  }
  setExceptions(on: boolean): void {
    this.book.setExceptions(this.front?.breakpoints, on);
  }
  setData(specs: DataSpec[]): RuntimeBreakpoint[] {
    return this.book.setData(this.need().breakpoints, specs);
  }

  dataTarget(q: DataQuery): DataTarget {
    const front = this.need();
    let address: string | undefined;
    if (q.asAddress === true) address = q.name;
    else if (q.reference !== undefined) address = this.refs.find(q.reference, q.name).cell?.toString();
    else {
      try {
        address = front.inspect.evaluate(q.name, q.frame ?? 0).cell?.toString();
      } catch (e) {
        return { description: `${q.name}: ${(e as Error).message}` };
      }
    }
    return front.breakpoints.dataTarget(address, q.name);
  }

  // ---- profile ---------------------------------------------------------------------------

  /** The flame data of a fresh run of the launch arguments, not of the debugged run (which keeps its own history). */
  profile(): FlameData {
    if (this.args === undefined) this.need();
    try {
      return profileFreshRun(this.args!);
    } catch (e) {
      throw new Error(`Cannot profile: ${(e as Error).message}`);
    }
  }
}
