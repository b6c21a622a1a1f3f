// The Cairo variables of a Cairo 1 frame, read from the run's history. The compiler says, for
// each Sierra statement, which cells hold the variables it takes (relative to ap and fp when it
// starts) and those it defines (relative to ap when the branch taken reaches its next
// statement): variables-file.ts. So the frame's steps are walked from its entry to the step
// shown, statement start by statement start, noting the registers at which each Sierra
// variable was last seen; cairo-debugger's functions_info names the Sierra variables, and the
// latest Sierra variable of each Cairo name is its value. Memory is write-once, so cells read
// now hold what they held then. A variable not used or defined yet in this frame is not shown.
import { Memory } from '../../vm/memory';
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

/** A Cairo variable of the frame and the registers its cells are relative to. */
export interface LocalVar {
  def: Definition;
  seen: Seen;
  /** The file it is defined in: of the place around its definition in its statement's inlining chain. */
  file: string | undefined;
}

/** Frames whose walk is longer than this many steps show what the last this-many steps saw. */
const MAX_WALK = 20_000_000;

export class Locals {
  /** pc -> the first statement starting there. */
  private readonly firstAt = new Map<number, number>();
  /** Sierra function id -> label number. */
  private readonly labelOf = new Map<number, number>();
  private cache: { key: string; vars: LocalVar[] } | undefined;

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
    for (const [k, sig] of types.signatures) this.labelOf.set(sig.id, k);
  }

  /** The Sierra function of label k's variable names, if the debug file has them. */
  functionVars(k: number): FunctionVars | undefined {
    const sig = this.types.signatures.get(k);
    return sig === undefined ? undefined : this.vars.functions.get(sig.id);
  }

  /** The Cairo variables of the frame at fp running function k, as of `step`; in order of definition. */
  variables(timeline: Timeline, step: number, k: number, fp: Relocatable): LocalVar[] {
    const key = `${step}:${timeline.latest}:${k}:${fp.segment}:${fp.offset}`;
    if (this.cache?.key === key) return this.cache.vars;
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
    this.cache = { key, vars };
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

  /** A variable's value, its cells evaluated now (the memory of the step shown). */
  node(l: LocalVar, mem: Memory): VarNode {
    const { v, ap, fp } = l.seen;
    const cells = v.cells.map((c) => evaluateCell(c, ap, fp, mem));
    return { ...this.values.value(l.def.name, v.type, mem, listedCells(cells)), evaluateName: l.def.name };
  }

  private walk(timeline: Timeline, step: number, k: number, fp: Relocatable): Map<number, Seen> {
    const o = fp.offset;
    const { headerLen, statementOffsets: offsets, functionStarts } = this.statements.debug;
    const pcOf = (s: number) => headerLen + offsets[s];
    // The frame's first step: after the last step before `step` that ran in a caller (fp below).
    let entry = step;
    while (entry > 0 && step - entry < MAX_WALK && timeline.fpOffsetAt(entry - 1) >= o) entry--;
    const seen = new Map<number, Seen>();
    let order = 0;
    const note = (list: SierraVar[], ap: Relocatable, fpAt: Relocatable, statement: number, aliases?: (Definition | undefined)[]) => {
      list.forEach((v, i) => seen.set(v.id, { v, ap, fp: fpAt, order: order++, statement, alias: aliases?.[i] }));
    };
    // The parameters, below fp from the entry on (a statement using them names them again later).
    this.noteParameters(k, fp, note);
    const first = functionStarts[k];
    const last = k + 1 < functionStarts.length ? functionStarts[k + 1] - 1 : offsets.length - 1;
    let pending: number | undefined;
    for (let j = entry; j <= step; j++) {
      if (timeline.fpOffsetAt(j) !== o) continue;
      const pc = timeline.pcOffsetAt(j);
      let s = this.firstAt.get(pc);
      if (s === undefined) continue;
      const { ap, fp: fpAt } = timeline.registersAt(j);
      if (pending !== undefined) {
        const b = this.branchTo(pending, pc, pcOf);
        if (b !== undefined) {
          note(b.results, ap, fpAt, pending);
          s = b.target;
        }
        pending = undefined;
      } else if (j === entry && first !== undefined && pcOf(first) === pc) s = first;
      if (s < first || s > last) continue;
      // Statements that take no code (drops, renames, branch aligns) run at the same step as the next one.
      for (let guard = 0; guard < 256; guard++) {
        const st = this.vars.statements[s];
        if (st === undefined) break;
        note(st.args, ap, fpAt, s, this.loopParameterNames(st.callee));
        pending = s;
        if (st.branches.length === 0 || s + 1 >= offsets.length || offsets[s + 1] !== offsets[s]) break;
        const b = this.branchTo(s, pc, pcOf);
        if (b === undefined) break;
        note(b.results, ap, fpAt, s);
        pending = undefined;
        s = b.target;
      }
    }
    return seen;
  }

  /**
   * A call of a loop passes the loop's variables: each argument is named as the loop names its
   * parameter (the values the next iteration starts from, which the compiler leaves unnamed).
   */
  private loopParameterNames(callee: number | undefined): (Definition | undefined)[] | undefined {
    const k = callee === undefined ? undefined : this.labelOf.get(callee);
    if (k === undefined || !this.isLoop(k)) return undefined;
    const names = this.functionVars(k)?.names;
    return this.types.signatures.get(k)?.vars.map((v) => names?.get(v));
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
