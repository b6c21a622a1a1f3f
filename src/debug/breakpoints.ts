// User breakpoints by pc: line, function and instruction breakpoints all become pcs of the
// program segment, kept in a byte array the VM's run loop checks without calling back into JS.
import { Comparable, holds, parseLogic } from './comparisons';

export type { Comparable };
export type BreakpointKind = 'line' | 'function' | 'instruction';

export interface Breakpoint {
  id: number;
  kind: BreakpointKind;
  pc: number;
  /** A Cairo expression: stop only when it is not zero. */
  condition?: string;
  /** `5`, `>= 5`, `== 5`, `% 3`: compared with the number of times the condition held. */
  hitCondition?: string;
  /** Logpoint text with `{expr}` parts: printed instead of stopping. */
  logMessage?: string;
  /** Set on a line inside a hint's `%{ %}`: its stop is shown at the hint. */
  hint?: boolean;
  /** Times the condition held; one counter for all the pcs of one breakpoint (a line may have several). */
  hits: { count: number };
}

export class BreakpointTable {
  /** 1 at each pc with a breakpoint (the array handed to the VM's run loop). */
  readonly active: Uint8Array;
  private readonly groups = new Map<string, Breakpoint[]>();
  private byPc = new Map<number, Breakpoint[]>();
  private nextId = 1;

  constructor(readonly programSize: number) {
    this.active = new Uint8Array(programSize);
  }

  newId(): number {
    return this.nextId++;
  }

  /** Replaces the breakpoints of one group (a source file, all function ones, all instruction ones). */
  setGroup(group: string, list: Breakpoint[]): void {
    if (list.length === 0) this.groups.delete(group);
    else this.groups.set(group, list);
    this.byPc = new Map();
    this.active.fill(0);
    for (const bps of this.groups.values()) {
      for (const bp of bps) {
        if (bp.pc < 0 || bp.pc >= this.programSize) continue;
        const at = this.byPc.get(bp.pc);
        if (at === undefined) this.byPc.set(bp.pc, [bp]);
        else at.push(bp);
        this.active[bp.pc] = 1;
      }
    }
  }

  at(pc: number): Breakpoint[] | undefined {
    return this.byPc.get(pc);
  }

  /** A copy of the active array with extra pcs set (stepping targets). */
  withTargets(...pcs: number[]): Uint8Array {
    const a = new Uint8Array(this.active);
    for (const pc of pcs) if (pc >= 0 && pc < a.length) a[pc] = 1;
    return a;
  }
}

/** Whether a hit count satisfies a hit condition (a bare number means "from that hit on"). */
export function hitConditionMet(condition: string | undefined, hits: number): boolean {
  if (condition === undefined || condition.trim() === '') return true;
  const m = /^\s*(==|=|>=|>|<=|<|%)?\s*(\d+)\s*$/.exec(condition);
  if (m === null) throw new Error(`Hit condition "${condition}" is not understood: use N, == N, >= N, > N, < N, <= N or % N.`);
  const n = Number(m[2]);
  switch (m[1]) {
    case '==':
    case '=':
      return hits === n;
    case '>':
      return hits > n;
    case '<':
      return hits < n;
    case '<=':
      return hits <= n;
    case '%':
      return n > 0 && hits % n === 0;
    default:
      return hits >= n;
  }
}

/** Splits a logpoint message into text and `{expr}` parts; `{{` and `}}` are literal braces. */
export function interpolate(message: string, evaluate: (expr: string) => string): string {
  return message.replace(/\{\{|\}\}|\{([^{}]+)\}/g, (whole, expr: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    try {
      return evaluate(expr!.trim());
    } catch (e) {
      return `<${e instanceof Error ? e.message : String(e)}>`;
    }
  });
}

/**
 * A breakpoint condition: a Cairo expression (true when not zero), comparisons of two of them
 * (== != < <= > >=) and `and` / `or` of those (comparisons.ts).
 */
export function conditionHolds(condition: string, value: (expr: string) => Comparable): boolean {
  return holds(parseLogic(condition), value);
}
