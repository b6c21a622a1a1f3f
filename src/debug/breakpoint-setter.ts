// The breakpoints part of the front: line, function and instruction breakpoints become pcs in
// the breakpoint table, and at a step it judges which of them stop (conditions, hit counts,
// logpoints). The exception switch lives here too.
import { basename } from 'node:path';
import { Breakpoints, DataTarget, FrontEvents, FunctionSpec, InstructionSpec, LineSpec, RuntimeBreakpoint, StopReason } from './front';
import { BreakpointTable, Breakpoint, hitConditionMet, interpolate, conditionHolds } from './breakpoints';
import { parseLogic, isLogic, holds } from './comparisons';
import { comparable } from './watch';
import { Timeline } from './history';
import { Code } from './code';
import { Places } from './places';
import { FrameEnv } from './frame-env';
import { formatValue } from './values';
import { HintStops } from './hint-stops';
import { Task, Tasks } from './tasks';

export class BreakpointSetter implements Breakpoints {
  readonly table: BreakpointTable;
  exceptions = true;
  /** The line breakpoints as the editor sent them, by file (for tasks loaded later). */
  private readonly lineSpecs = new Map<string, { specs: LineSpec[]; ids: (number | undefined)[] }>();
  private functionSpecs: { specs: FunctionSpec[]; ids: (number | undefined)[] } = { specs: [], ids: [] };
  /** Watched cells: segment -> offset -> data breakpoint id. */
  private readonly watched = new Map<number, Map<number, number>>();

  constructor(
    private readonly code: Code,
    private readonly places: Places,
    private readonly timeline: Timeline,
    /** The innermost frame's names at a step (for conditions and logpoints). */
    private readonly envAt: (step: number) => FrameEnv,
    private readonly events: FrontEvents,
    /** Marks a stop by a breakpoint on a hint's lines as shown at the hint. */
    private readonly hintStops?: HintStops,
    /** Programs loaded by hints, with breakpoint tables of their own. */
    private readonly tasks?: Tasks,
  ) {
    this.table = new BreakpointTable(code.data.length);
  }

  setLines(path: string, specs: LineSpec[]): RuntimeBreakpoint[] {
    // Ids now, so a breakpoint in a task not loaded yet keeps its id when the task comes.
    const ids = specs.map((b) => (conditionError(b.condition) === undefined ? this.table.newId() : undefined));
    this.lineSpecs.set(path, { specs, ids });
    const results = [this.linesIn(this.places, this.table, path, specs, ids), ...(this.tasks?.list ?? []).map((t) => this.linesIn(t.places, t.table, path, specs, ids))];
    return specs.map((b, i): RuntimeBreakpoint => {
      const bad = conditionError(b.condition);
      if (bad !== undefined) return { verified: false, line: b.line, message: bad };
      const found = results.map((r) => r[i]).filter((r): r is RuntimeBreakpoint => r !== undefined);
      const best = found.find((r) => r.verified) ?? found[0];
      if (best !== undefined) return best;
      const why = `${basename(path)} is not part of this program (its debug_info does not name it)`;
      // A file of a task (a program a hint loads, as the bootloaders do) is known only once it is loaded.
      return { id: ids[i], verified: false, line: b.line, message: this.tasks === undefined ? `${why}.` : `${why}; if a hint loads a task program that names it, the breakpoint is set then.` };
    });
  }

  /** Line breakpoints of one file in one program's tables; undefined per spec where the program does not name the file. */
  private linesIn(places: Places, table: BreakpointTable, path: string, specs: LineSpec[], ids: (number | undefined)[]): (RuntimeBreakpoint | undefined)[] {
    const map = places.sourceMap;
    const file = map.fileForPath(path);
    const list: Breakpoint[] = [];
    const out = specs.map((b, i): RuntimeBreakpoint | undefined => {
      const id = ids[i];
      if (file === undefined || id === undefined) return undefined;
      const hit = map.resolveLine(file, b.line);
      if (hit === undefined) return { verified: false, line: b.line, message: `No code at or after line ${b.line} of ${basename(path)}.` };
      const hits = { count: 0 };
      for (const pc of hit.pcs) list.push({ id, kind: 'line', pc, condition: b.condition, hitCondition: b.hitCondition, logMessage: b.logMessage, hint: hit.hint, hits });
      return { id, verified: true, line: hit.line, file: places.all()[file] };
    });
    table.setGroup(`line:${file ?? path}`, list);
    return out;
  }

  /** A task was loaded: the line breakpoints set so far go into its tables too; says which it took. */
  taskLoaded(task: Task): RuntimeBreakpoint[] {
    const taken: RuntimeBreakpoint[] = [];
    for (const [path, { specs, ids }] of this.lineSpecs) {
      for (const r of this.linesIn(task.places, task.table, path, specs, ids)) if (r?.verified) taken.push(r);
    }
    for (const r of this.functionsIn(task, this.functionSpecs.specs, this.functionSpecs.ids)) if (r !== undefined) taken.push(r);
    return taken;
  }

  setFunctions(specs: FunctionSpec[]): RuntimeBreakpoint[] {
    const table: Breakpoint[] = [];
    const ids = specs.map((b) => (conditionError(b.condition) === undefined ? this.table.newId() : undefined));
    this.functionSpecs = { specs, ids };
    const inTasks = (this.tasks?.list ?? []).map((t) => this.functionsIn(t, specs, ids));
    const out = specs.map((b, i): RuntimeBreakpoint => {
      const bad = conditionError(b.condition);
      if (bad !== undefined) return { verified: false, message: bad };
      const fns = this.places.sourceMap.functionPcs(b.name.trim());
      const id = ids[i]!;
      if (fns.length === 0) {
        const task = inTasks.map((r) => r[i]).find((r) => r !== undefined);
        if (task !== undefined) return task;
        return { id, verified: false, message: `No Cairo function named "${b.name}" (or the name is ambiguous: use its full name)${this.tasks === undefined ? '' : '; if a hint loads a task program that has it, the breakpoint is set then'}.` };
      }
      // Every copy of the function, with one hit count.
      const hits = { count: 0 };
      for (const fn of fns) table.push({ id, kind: 'function', pc: fn.pc, condition: b.condition, hitCondition: b.hitCondition, hits });
      return { id, verified: true, ...this.places.of(fns[0].pc) };
    });
    this.table.setGroup('function', table);
    return out;
  }

  /** Function breakpoints in one task's tables; undefined per spec where the task has no such function. */
  private functionsIn(task: Task, specs: FunctionSpec[], ids: (number | undefined)[]): (RuntimeBreakpoint | undefined)[] {
    const list: Breakpoint[] = [];
    const out = specs.map((b, i): RuntimeBreakpoint | undefined => {
      const id = ids[i];
      const fns = id === undefined ? [] : task.sourceMap.functionPcs(b.name.trim());
      if (fns.length === 0 || id === undefined) return undefined;
      const hits = { count: 0 };
      for (const fn of fns) list.push({ id, kind: 'function', pc: fn.pc, condition: b.condition, hitCondition: b.hitCondition, hits });
      return { id, verified: true, ...task.places.of(fns[0].pc) };
    });
    task.table.setGroup('function', list);
    return out;
  }

  setInstructions(specs: InstructionSpec[]): RuntimeBreakpoint[] {
    const table: Breakpoint[] = [];
    const inTasks = new Map<Task, Breakpoint[]>();
    const out = specs.map((b): RuntimeBreakpoint => {
      const bad = conditionError(b.condition);
      if (bad !== undefined) return { verified: false, message: bad };
      const pc = this.code.parsePc(b.reference, b.offset ?? 0);
      if (pc === undefined) return this.instructionInTask(b, inTasks) ?? { verified: false, message: `"${b.reference}" is not a pc of the program's code.` };
      if (!this.code.startsAt(pc)) return { verified: false, message: `pc ${pc} is not the start of an instruction.` };
      const id = this.table.newId();
      table.push({ id, kind: 'instruction', pc, condition: b.condition, hitCondition: b.hitCondition, hits: { count: 0 } });
      return { id, verified: true, pc: this.code.reference(pc), ...this.places.of(pc) };
    });
    this.table.setGroup('instruction', table);
    for (const t of this.tasks?.list ?? []) t.table.setGroup('instruction', inTasks.get(t) ?? []);
    return out;
  }

  /** An instruction breakpoint at a cell of a loaded task's code (`segment:offset`, as its frames and disassembly write it). */
  private instructionInTask(b: InstructionSpec, inTasks: Map<Task, Breakpoint[]>): RuntimeBreakpoint | undefined {
    const a = this.code.parseAddress(b.reference);
    const off = a === undefined ? NaN : a.offset + (Number.isSafeInteger(b.offset ?? 0) ? (b.offset ?? 0) : NaN);
    const at = a === undefined || !Number.isSafeInteger(off) ? undefined : this.tasks?.at(a.segment, off);
    if (at === undefined) return undefined;
    const ref = `${a!.segment}:${off}`;
    if (!new Code(at.task.base.segment, at.task.program.data).startsAt(at.pc)) return { verified: false, message: `${ref} is not the start of an instruction.` };
    const id = this.table.newId();
    const list = inTasks.get(at.task) ?? [];
    list.push({ id, kind: 'instruction', pc: at.pc, condition: b.condition, hitCondition: b.hitCondition, hits: { count: 0 } });
    inTasks.set(at.task, list);
    return { id, verified: true, pc: ref, ...at.task.places.of(at.pc) };
  }

  setExceptions(on: boolean): void {
    this.exceptions = on;
  }

  locations(path: string, from: number, to: number): number[] {
    const file = this.places.sourceMap.fileForPath(path);
    return file === undefined ? [] : this.places.sourceMap.linesWithCode(file, from, to);
  }

  dataTarget(address: string | undefined, label: string): DataTarget {
    const a = address === undefined ? undefined : this.code.parseAddress(address);
    if (a === undefined) return { description: `${label} is not a single memory cell, so no data breakpoint can watch it.` };
    if (this.code.isCode(a)) return { description: `${label} is code: the program segment is written before the run starts.` };
    return { dataId: `${a.segment}:${a.offset}`, description: `${label} (cell ${a.segment}:${a.offset})` };
  }

  setData(dataIds: string[]): RuntimeBreakpoint[] {
    this.watched.clear();
    return dataIds.map((dataId): RuntimeBreakpoint => {
      const a = this.code.parseAddress(dataId);
      if (a === undefined || this.code.isCode(a)) return { verified: false, message: `"${String(dataId)}" is not a memory cell (segment:offset) outside the code.` };
      const id = this.table.newId();
      let cells = this.watched.get(a.segment);
      if (cells === undefined) this.watched.set(a.segment, (cells = new Map()));
      cells.set(a.offset, id);
      const writer = this.timeline.writerOf(a.segment, a.offset);
      const written = this.timeline.memoryAt(this.timeline.latest).get(a.segment, a.offset) !== undefined;
      const message = written ? (writer === undefined ? `${dataId} was written before the run started.` : `${dataId} was written at step ${writer}: reverse continue goes there.`) : undefined;
      return { id, verified: true, message };
    });
  }

  get watching(): boolean {
    return this.watched.size > 0;
  }

  /** The data breakpoint watching a cell, if any. */
  watches(segment: number, offset: number): number | undefined {
    return this.watched.get(segment)?.get(offset);
  }

  /** Steps that wrote a watched cell, with the ids of their data breakpoints. */
  writers(): Map<number, { ids: number[]; cells: string[] }> {
    const out = new Map<number, { ids: number[]; cells: string[] }>();
    for (const [segment, cells] of this.watched) {
      for (const [offset, id] of cells) {
        const step = this.timeline.writerOf(segment, offset);
        if (step === undefined) continue;
        const at = out.get(step) ?? { ids: [], cells: [] };
        at.ids.push(id);
        at.cells.push(`${segment}:${offset}`);
        out.set(step, at);
      }
    }
    return out;
  }

  /** Breakpoints at the pc of `step` that want to stop (logpoints print and do not; going back counts no hits). */
  hitAt(step: number, reverse = false): { ids: number[]; reason: StopReason } | undefined {
    const [pcSeg] = this.timeline.segmentsAt(step);
    let list: Breakpoint[] | undefined;
    if (this.code.isCode({ segment: pcSeg })) list = this.table.at(this.timeline.pcOffsetAt(step));
    else {
      const at = this.tasks?.any ? this.tasks.at(pcSeg, this.timeline.pcOffsetAt(step)) : undefined;
      list = at?.task.table.at(at.pc);
    }
    if (list === undefined) return undefined;
    let env: FrameEnv | undefined;
    const envAt = () => (env ??= this.envAt(step));
    const ids: number[] = [];
    let kind: Breakpoint['kind'] = 'line';
    let atHint = false;
    for (const bp of list) {
      if (bp.condition !== undefined && bp.condition.trim() !== '') {
        try {
          if (!conditionHolds(bp.condition, (expr) => comparable(envAt(), expr))) continue;
        } catch (e) {
          this.events.output(`Breakpoint condition "${bp.condition}" failed: ${(e as Error).message} (stopping).\n`, 'stderr');
        }
      }
      if (reverse) {
        if (bp.logMessage === undefined) {
          ids.push(bp.id);
          atHint ||= bp.hint === true;
        }
        continue;
      }
      bp.hits.count++;
      try {
        if (!hitConditionMet(bp.hitCondition, bp.hits.count)) continue;
      } catch (e) {
        this.events.output(`${(e as Error).message}\n`, 'stderr');
      }
      if (bp.logMessage !== undefined) {
        this.events.output(interpolate(bp.logMessage, (expr) => valueText(envAt(), expr)) + '\n', 'console');
        continue;
      }
      ids.push(bp.id);
      atHint ||= bp.hint === true;
      kind = bp.kind;
    }
    if (atHint) this.hintStops?.mark(step);
    return ids.length ? { ids, reason: kind === 'function' ? 'function breakpoint' : kind === 'instruction' ? 'instruction breakpoint' : 'breakpoint' } : undefined;
  }
}

function valueText(env: FrameEnv, expr: string): string {
  const logic = parseLogic(expr);
  if (isLogic(logic)) return holds(logic, (e) => comparable(env, e)) ? 'true' : 'false';
  const t = env.evaluateText(expr);
  if (t.type.kind === 'struct' || t.type.kind === 'tuple') return t.addr ? `${t.addr}` : '?';
  const v = t.value ?? env.mem.getAt(t.addr!);
  if (v === undefined) throw new Error(`${expr} is not known yet`);
  return formatValue(v);
}

/** Why a condition cannot be a breakpoint's (malformed), or undefined when it can. */
function conditionError(condition: string | undefined): string | undefined {
  if (condition === undefined || condition.trim() === '') return undefined;
  try {
    parseLogic(condition);
    return undefined;
  } catch (e) {
    return `Condition "${condition}" is not understood: ${(e as Error).message}`;
  }
}
