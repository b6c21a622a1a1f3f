// The arguments of a Sierra function call, with their Cairo types: the one kind of Sierra
// variable whose cells are known without the compiler's variable map. A caller pushes the
// arguments in order, each taking its type's size in cells, then calls: they are the cells just
// below the callee's saved fp and return pc, [fp - 2 - total] .. [fp - 3], and memory is
// write-once, so they hold the values the function was called with for as long as the frame
// lives. Names come from the source's `fn` line when the user's parameters match the Sierra
// ones in number (the builtins come first and are named by their type); a loop's function
// takes the loop's variables, which the text does not name: they show by position.
import { Memory } from '../../vm/memory';
import { Program } from '../../vm/program';
import { Relocatable } from '../../vm/relocatable';
import { VarNode } from '../values';
import { SierraTypes, IMPLICIT, splitTop } from './sierra-types';
import { SierraValues, memoryCells } from './sierra-values';
import { Statements } from './statements';
import { Loops } from './loops';

/** One-cell values a comparison reads as a number. */
const ONE_CELL_VALUES = new Set(['felt252', 'u8', 'u16', 'u32', 'u64', 'u128', 'i8', 'i16', 'i32', 'i64', 'i128', 'BoundedInt', 'bool']);

export class Arguments {
  constructor(
    private readonly statements: Statements,
    private readonly types: SierraTypes,
    private readonly loops: Loops,
    private readonly values: SierraValues,
  ) {}

  /** The arguments of the function running at pc in the frame at fp; undefined when its types are not known. */
  nodes(mem: Memory, pc: number, fp: Relocatable): { function: string; nodes: VarNode[] } | undefined {
    const k = this.statements.functionAt(pc);
    const sig = k === undefined ? undefined : this.types.signatures.get(k);
    if (k === undefined || sig === undefined) return undefined;
    const sizes = sig.params.map((p) => this.types.size(p));
    if (sizes.some((s) => s === undefined)) return undefined;
    const total = (sizes as number[]).reduce((a, b) => a + b, 0);
    const names = this.names(k, sig.params);
    let at = fp.offset - 2 - total;
    const nodes = sig.params.map((p, i) => {
      const node = this.values.value(names[i], p, mem, memoryCells(mem, new Relocatable(fp.segment, at)));
      at += sizes[i]!;
      return node;
    });
    const name = this.statements.functionName(k) ?? `F${k}`;
    return { function: this.loops.isLoop(k) ? `${name} (a loop: its variables by position)` : name, nodes };
  }

  /**
   * Makes the named one-cell arguments (numbers, booleans) names the debugger's Cairo 0
   * expressions know, as fp-based references of each pc of their function: breakpoint
   * conditions, logpoints and watch expressions can then use them (`n == 3`, `{n}`, `n + 1`).
   */
  declare(program: Program): void {
    const byFunction = new Map<number, Record<string, number>>();
    for (const [k, sig] of this.types.signatures) {
      const sizes = sig.params.map((p) => this.types.size(p));
      if (sizes.some((x) => x === undefined) || this.loops.isLoop(k)) continue;
      const names = this.names(k, sig.params);
      let at = -2 - (sizes as number[]).reduce((a, b) => a + b, 0);
      const ids: Record<string, number> = {};
      sig.params.forEach((p, i) => {
        if (sizes[i] === 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(names[i]) && ONE_CELL_VALUES.has(this.scalar(p))) {
          ids[`${program.mainScope}.${names[i]}`] = program.references.push({ pc: 0, value: `[fp + (${at})]`, apTrackingData: { group: 0, offset: 0 } }) - 1;
        }
        at += sizes[i]!;
      });
      if (Object.keys(ids).length > 0) byFunction.set(k, ids);
    }
    for (const [pc, loc] of program.debugInfo?.instructionLocations ?? []) {
      const k = this.statements.functionAt(pc);
      const ids = k === undefined ? undefined : byFunction.get(k);
      if (ids !== undefined) loc.flowTrackingData = { apTracking: { group: 0, offset: 0 }, referenceIds: ids };
    }
  }

  /** The generic of a type seen through snapshots and NonZero (`u32` for `@NonZero<u32>`). */
  private scalar(id: string): string {
    let t = this.types.types.get(id);
    for (let i = 0; i < 8 && (t?.generic === 'Snapshot' || t?.generic === 'NonZero'); i++) t = this.types.types.get(t.args[0]);
    return t === undefined ? '' : t.args[0] === 'ut@core::bool' ? 'bool' : t.generic;
  }

  /** Parameter names: the builtins by type, the user's from the `fn` line, else by position. */
  private names(k: number, params: string[]): string[] {
    const byPosition = params.map((p, i) => (IMPLICIT.has(this.types.types.get(p)?.generic ?? '') ? this.types.name(p) : `[${i}]`));
    if (this.loops.isLoop(k)) return byPosition;
    const user = params.map((p, i) => i).filter((i) => !IMPLICIT.has(this.types.types.get(params[i])?.generic ?? ''));
    const place = this.statements.widestPlace(k);
    const lines = place === undefined ? undefined : this.loops.lines(place.file);
    // The function's `fn` line: in its widest place, or (a copy the compiler specialised holds
    // only part of the body) the nearest line above it declaring a function of that name.
    const short = this.statements.functionName(k)?.split('::').pop() ?? '';
    let from = place === undefined ? -1 : place.startLine - 1;
    for (let l = from; lines !== undefined && l >= 0 && l > from - 500; l--) {
      if (new RegExp(`\\bfn\\s+${short.replace(/[^A-Za-z0-9_]/g, '')}\\b`).test(lines[l])) {
        from = l;
        break;
      }
    }
    const source = lines === undefined || from < 0 ? undefined : lines.slice(from, Math.max(place!.endLine, from + 20)).join('\n');
    const declared = source === undefined ? undefined : fnParams(source);
    if (declared === undefined || declared.length !== user.length) return byPosition;
    user.forEach((i, j) => (byPosition[i] = declared[j]));
    return byPosition;
  }
}

/** The parameter names of the first `fn NAME(...)` in a function's source text. */
export function fnParams(source: string): string[] | undefined {
  const m = /\bfn\s+[A-Za-z_][A-Za-z0-9_]*\s*(<[^(]*>)?\s*\(/.exec(source);
  if (m === null) return undefined;
  let depth = 1;
  let i = m.index + m[0].length;
  const from = i;
  for (; i < source.length && depth > 0; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')') depth--;
  }
  if (depth !== 0) return undefined;
  return splitTop(source.slice(from, i - 1)).map((p) => p.split(':')[0].trim().split(/\s+/).pop() ?? p);
}
