// The Cairo variables of a Cairo 1 frame, read from the run's history. The compiler says, for
// each Sierra statement, which cells hold the variables it takes (relative to ap and fp when it
// starts) and those it defines (relative to ap when the branch taken reaches its next
// statement): variables-file.ts. So the frame's steps are walked from its entry to the step
// shown, statement start by statement start, noting the registers at which each Sierra
// variable was last seen; cairo-debugger's functions_info names the Sierra variables, and the
// latest Sierra variable of each Cairo name is its value. Memory is write-once, so cells read
// now hold what they held then. A variable not used or defined yet in this frame is not shown.
import { Memory } from '../../vm/memory';
import { Typed } from '../../vm/reference';
import { FELT } from '../../vm/cairo-expr';
import { toFelt } from '../../vm/felt';
import { Relocatable } from '../../vm/relocatable';
import { Timeline } from '../history';
import { VarNode } from '../values';
import { Statements } from './statements';
import { SierraTypes, IMPLICIT } from './sierra-types';
import { SierraValues, listedCells } from './sierra-values';
import { evaluateCell } from './cells';
import { Definition, FunctionVars, SierraVar, SierraVariables } from './variables-file';

interface Seen {
  v: SierraVar;
  ap: Relocatable;
  fp: Relocatable;
  order: number;
  /** The statement that took or defined it (-1: a parameter, at the frame's entry). */
  statement: number;
  /** The name it has as an argument of a loop's call (the loop's variable it becomes). */
  alias?: Definition;
}

/** A frame's walk so far: what it has seen up to step `upTo`. */
interface Walk {
  entry: number;
  upTo: number;
  /** The run it walks (a restarted run has another timeline). */
  timeline: Timeline;
  seen: Map<number, Seen>;
  order: number;
  /** The statement whose results are read at the frame's next statement start. */
  pending: number | undefined;
}

/** A Cairo variable of the frame and the registers its cells are relative to. */
export interface LocalVar {
  def: Definition;
  seen: Seen;
  /** The file it is defined in: of the place around its definition in its statement's inlining chain. */
  file: string | undefined;
}

/** Libfuncs whose results are copies of one argument (its index): the same value elsewhere. */
const COPIES = new Map([
  ['store_temp', 0],
  ['rename', 0],
  ['dup', 0],
  ['snapshot_take', 0],
  ['store_local', 1],
]);

/** Frames whose walk is longer than this many steps show what the last this-many steps saw. */
const MAX_WALK = 20_000_000;

export class Locals {
  /** pc -> the first statement starting there. */
  private readonly firstAt = new Map<number, number>();
  private cache: { key: string; timeline: Timeline; vars: LocalVar[] } | undefined;
  private readonly walks = new Map<string, Walk>();
  private callerNames: Map<number, (Definition | undefined)[]> | undefined;

  constructor(
    private readonly statements: Statements,
    private readonly vars: SierraVariables,
    private readonly types: SierraTypes,
    private readonly values: SierraValues,
    private readonly isLoop: (k: number) => boolean,
  ) {
    const { headerLen, statementOffsets } = statements.debug;
    statementOffsets.forEach((o, s) => {
      if (!this.firstAt.has(headerLen + o)) this.firstAt.set(headerLen + o, s);
    });
  }

  /** The Sierra function of label k's variable names, if the debug file has them. */
  functionVars(k: number): FunctionVars | undefined {
    const sig = this.types.signatures.get(k);
    return sig === undefined ? undefined : this.vars.functions.get(sig.id);
  }

  /** The Cairo variables of the frame at fp running function k, as of `step`; in order of definition. */
  variables(timeline: Timeline, step: number, k: number, fp: Relocatable): LocalVar[] {
    const key = `${step}:${timeline.latest}:${k}:${fp.segment}:${fp.offset}`;
    if (this.cache?.key === key && this.cache.timeline === timeline) return this.cache.vars;
    const fn = this.functionVars(k);
    const seen = fn === undefined ? new Map<number, Seen>() : this.walk(timeline, step, k, fp);
    // The latest Sierra variable of each Cairo variable (a name defined at one place).
    const latest = new Map<string, LocalVar>();
    for (const s of seen.values()) {
      const def = fn?.names.get(s.v.id) ?? s.alias ?? (this.isLoop(k) ? undefined : fn?.params.get(s.v.id));
      if (def === undefined || !this.holdsValue(s.v.type)) continue;
      const at = `${def.name}@${def.line}:${def.col}`;
      const had = latest.get(at);
      if (had === undefined || this.better(s, had.seen)) latest.set(at, { def, seen: s, file: s.statement < 0 ? fn?.file : this.fileOf(s.statement, def) });
    }
    const vars = [...latest.values()].sort((a, b) => a.def.line - b.def.line || a.def.col - b.def.col);
    this.cache = { key, timeline, vars };
    return vars;
  }

  /**
   * The compiler also names, after the variable of their statement, the builtin pointers a call
   * returns and a local's slot before it is stored (`Uninitialized<T>`): neither is the variable.
   */
  private holdsValue(type: string): boolean {
    const generic = this.types.types.get(type)?.generic ?? '';
    return !IMPLICIT.has(generic) && generic !== 'Uninitialized';
  }

  /**
   * Which of two Sierra variables of one Cairo variable shows it. The compiler names a struct's
   * members after the struct once it takes it apart (`sum.x` is another `sum`): the one with
   * more cells is the whole value; of equals, the later one.
   */
  private better(a: Seen, b: Seen): boolean {
    const size = (x: Seen) => x.v.cells.length;
    return size(a) !== size(b) ? size(a) > size(b) : a.order > b.order;
  }

  /** Of the variables of one name (shadowing, or another function's inlined into this one), the latest seen. */
  static latestByName(vars: LocalVar[]): LocalVar[] {
    const byName = new Map<string, LocalVar>();
    for (const l of vars) {
      const had = byName.get(l.def.name);
      if (had === undefined || had.seen.order < l.seen.order) byName.set(l.def.name, l);
    }
    return vars.filter((l) => byName.get(l.def.name) === l);
  }

  /** The innermost place of the statement's chain whose lines hold the definition. */
  private fileOf(statement: number, def: Definition): string | undefined {
    return this.statements.chain(statement).find((l) => l.startLine <= def.line && def.line <= l.endLine)?.file;
  }

  /**
   * The frame's variables as the expression evaluator takes names (breakpoint conditions,
   * logpoints, watches): a one-cell value by its name, a member by its path (`p.x`, `t.0`).
   */
  names(timeline: Timeline, step: number, k: number, fp: Relocatable, mem: Memory): (name: string) => Typed | undefined {
    let vars: LocalVar[] | undefined;
    return (name) => {
      const [head, ...path] = name.split('.');
      // The function's own variable of that name before one of code inlined into it (a callee's parameter).
      vars ??= [...this.ownFirst(k, this.variables(timeline, step, k, fp))];
      const l = vars.find((x) => x.def.name === head);
      if (l === undefined) return undefined;
      let node: VarNode | undefined = this.node(l, mem);
      for (const part of path) node = node?.children?.list().find((c) => c.name === part || c.name === `.${part}`);
      if (node === undefined || node.children !== undefined) return undefined;
      if (node.cell !== undefined) return { type: FELT, addr: node.cell };
      const text = node.value === 'true' ? '1' : node.value === 'false' ? '0' : node.value;
      return /^-?\d+$/.test(text) ? { type: FELT, value: toFelt(BigInt(text)) } : undefined;
    };
  }

  /** Whether a variable is defined in the Sierra function's own `fn` (not in code inlined into it). */
  isOwn(k: number, l: LocalVar): boolean {
    const span = this.functionVars(k);
    return span === undefined || ((l.file === undefined || l.file === span.file) && l.def.line >= span.startLine && l.def.line <= span.endLine);
  }

  /** The function's own variables first, each group latest first. */
  private ownFirst(k: number, vars: LocalVar[]): LocalVar[] {
    return [...vars].sort((a, b) => Number(this.isOwn(k, b)) - Number(this.isOwn(k, a)) || b.seen.order - a.seen.order);
  }

  /** A variable's value, its cells evaluated now (the memory of the step shown). */
  node(l: LocalVar, mem: Memory): VarNode {
    const { v, ap, fp } = l.seen;
    const cells = v.cells.map((c) => evaluateCell(c, ap, fp, mem));
    return { ...this.values.value(l.def.name, v.type, mem, listedCells(cells)), evaluateName: l.def.name };
  }

  /**
   * The frame's Sierra variables as of `step`. A walk is kept per frame and goes on from where it
   * stopped when asked about a later step of the same frame (a condition evaluated at each hit of
   * a breakpoint costs the steps since the last hit, not since the frame's entry).
   */
  private walk(timeline: Timeline, step: number, k: number, fp: Relocatable): Map<number, Seen> {
    const o = fp.offset;
    let w = this.walks.get(`${fp.segment}:${o}:${k}`);
    if (w !== undefined && (w.upTo > step || w.timeline !== timeline)) w = undefined;
    // Still the same frame: no step since the walk's last ran in a caller (fp below).
    for (let j = w === undefined ? step : w.upTo + 1; w !== undefined && j <= step; j++) if (timeline.fpOffsetAt(j) < o) w = undefined;
    if (w === undefined) {
      // The frame's first step: after the last step before `step` that ran in a caller.
      let entry = step;
      while (entry > 0 && step - entry < MAX_WALK && timeline.fpOffsetAt(entry - 1) >= o) entry--;
      w = { entry, upTo: entry - 1, timeline, seen: new Map(), order: 0, pending: undefined };
      // The parameters, below fp from the entry on (a statement using them names them again later).
      const callers = this.isLoop(k) ? this.namesFromCallers(k) : undefined;
      this.noteParameters(k, fp, (list, ap, fpAt, statement) => this.note(w!, list, ap, fpAt, statement, callers));
      if (this.walks.size > 64) this.walks.clear();
      this.walks.set(`${fp.segment}:${o}:${k}`, w);
    }
    this.advance(w, timeline, step, k, o);
    return w.seen;
  }

  private note(w: Walk, list: SierraVar[], ap: Relocatable, fp: Relocatable, statement: number, aliases?: (Definition | undefined)[]): void {
    // A Sierra variable seen again (moved to the stack under the same id) keeps the name it was given.
    list.forEach((v, i) => w.seen.set(v.id, { v, ap, fp, order: w.order++, statement, alias: aliases?.[i] ?? w.seen.get(v.id)?.alias }));
  }

  /** Goes on with a frame's walk up to `step`, statement start by statement start. */
  private advance(w: Walk, timeline: Timeline, step: number, k: number, o: number): void {
    const { headerLen, statementOffsets: offsets, functionStarts } = this.statements.debug;
    const pcOf = (s: number) => headerLen + offsets[s];
    const first = functionStarts[k];
    const last = k + 1 < functionStarts.length ? functionStarts[k + 1] - 1 : offsets.length - 1;
    for (let j = w.upTo + 1; j <= step; j++) {
      if (timeline.fpOffsetAt(j) !== o) continue;
      const pc = timeline.pcOffsetAt(j);
      let s = this.firstAt.get(pc);
      if (s === undefined) continue;
      const { ap, fp: fpAt } = timeline.registersAt(j);
      if (w.pending !== undefined) {
        const b = this.branchTo(w.pending, pc, pcOf);
        if (b !== undefined) {
          this.note(w, b.results, ap, fpAt, w.pending);
          s = b.target;
        }
        w.pending = undefined;
      } else if (j === w.entry && first !== undefined && pcOf(first) === pc) s = first;
      if (s < first || s > last) continue;
      // Statements that take no code (drops, renames, branch aligns) run at the same step as the next one.
      for (let guard = 0; guard < 256; guard++) {
        const st = this.vars.statements[s];
        if (st === undefined) break;
        this.note(w, st.args, ap, fpAt, s, this.loopParameterNames(st.callee));
        w.pending = s;
        if (st.branches.length === 0 || s + 1 >= offsets.length || offsets[s + 1] !== offsets[s]) break;
        const b = this.branchTo(s, pc, pcOf);
        if (b === undefined) break;
        this.note(w, b.results, ap, fpAt, s);
        w.pending = undefined;
        s = b.target;
      }
    }
    w.upTo = Math.max(w.upTo, step);
  }

  /**
   * A call of a loop passes the loop's variables: each argument is named as the loop names its
   * parameter (the values the next iteration starts from, which the compiler leaves unnamed).
   */
  private loopParameterNames(callee: number | undefined): (Definition | undefined)[] | undefined {
    const k = callee === undefined ? undefined : this.statements.debug.functionLabels.get(callee);
    if (k === undefined || !this.isLoop(k)) return undefined;
    const names = this.functionVars(k)?.names;
    const callers = this.namesFromCallers(k);
    return this.types.signatures.get(k)?.vars.map((v, j) => names?.get(v) ?? callers?.[j]);
  }

  /**
   * A loop's parameters named as the code entering the loop names its arguments: the compiler
   * leaves some of a loop's variables unnamed in the loop's own function (array_sum's span `s`),
   * though the function holding the loop has them by name, or copies of them (copyNames).
   */
  private namesFromCallers(k: number): (Definition | undefined)[] | undefined {
    if (this.callerNames === undefined) {
      const found = new Map<number, (Definition | undefined)[]>();
      this.vars.statements.forEach((st, s) => {
        const g = st?.callee === undefined ? undefined : this.statements.debug.functionLabels.get(st.callee);
        const f = this.statements.functionOfStatement(s);
        if (st === undefined || g === undefined || f === undefined || f === g || !this.isLoop(g)) return;
        const names = found.get(g) ?? [];
        const known = this.copyNames(f);
        st.args.forEach((a, j) => (names[j] ??= known.get(a.id)));
        found.set(g, names);
      });
      this.callerNames = found;
    }
    return this.callerNames.get(k);
  }

  /**
   * A function's named Sierra variables and their copies: a value moved to the stack, duplicated,
   * snapshotted or stored in a local slot is the variable it copies (a pass over the function's
   * statements in order; Sierra variables are defined once, or redefined by such a copy).
   */
  private copyNames(f: number): Map<number, Definition> {
    const fn = this.functionVars(f);
    const known = new Map<number, Definition>([...((this.isLoop(f) ? undefined : fn?.params) ?? []), ...(fn?.names ?? [])]);
    const starts = this.statements.debug.functionStarts;
    const to = f + 1 < starts.length ? starts[f + 1] : this.vars.statements.length;
    for (let s = starts[f]; s < to; s++) {
      const st = this.vars.statements[s];
      const from = st?.libfunc === undefined ? undefined : COPIES.get(st.libfunc);
      const def = from === undefined ? undefined : known.get(st!.args[from]?.id ?? -1);
      if (def === undefined) continue;
      for (const b of st!.branches) for (const r of b.results) if (!known.has(r.id)) known.set(r.id, def);
    }
    return known;
  }

  /** The branch of statement s that goes to the statement starting at pc. */
  private branchTo(s: number, pc: number, pcOf: (s: number) => number): { target: number; results: SierraVar[] } | undefined {
    const st = this.vars.statements[s];
    return st?.branches.find((b) => b.target < this.statements.debug.statementOffsets.length && pcOf(b.target) === pc);
  }

  /** A function's parameters lie below its saved fp and return pc, in order: [fp - 2 - total] .. [fp - 3]. */
  private noteParameters(k: number, fp: Relocatable, note: (list: SierraVar[], ap: Relocatable, fp: Relocatable, statement: number) => void): void {
    const sig = this.types.signatures.get(k);
    if (sig === undefined) return;
    const sizes = sig.params.map((p) => this.types.size(p));
    if (sizes.some((s) => s === undefined)) return;
    let at = -2 - (sizes as number[]).reduce((a, b) => a + b, 0);
    const list: SierraVar[] = sig.params.map((type, i) => {
      const cells = Array.from({ length: sizes[i]! }, (_, c) => `[fp${at + c >= 0 ? '+' : ''}${at + c}]`);
      at += sizes[i]!;
      return { id: sig.vars[i], type, cells };
    });
    note(list, fp, fp, -1);
  }
}
