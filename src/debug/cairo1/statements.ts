// From a pc of a Cairo 1 executable to its Sierra statement, and from there to the sources.
// The debugger's line tables (source-map.ts) read a Cairo 0 program's debug_info, so the
// executable is described to them as one: each pc gets the location a person steps by (the
// innermost place in the user's own files of its statement's inlining chain; corelib code
// inlined into a user line belongs to that line), and each Sierra function is a function
// identifier at its first pc. The full chain stays here for the inlined frames.
import { Program, InstructionLocation, Identifier } from '../../vm/program';
import { PRIME } from '../../vm/felt';
import { Executable } from '../../runner/cairo1/executable';
import { Cairo1Debug, CodeLocation } from './debug-file';
import { enclosingDropped, holds, spanOf } from './spans';
import { reenteredRuns } from './line-entries';

/** A file of the Cairo core library (not the user's own code). */
export function isCorelib(file: string): boolean {
  return /(^|[\\/])corelib[\\/]/.test(file);
}

/** The name a frame of the executable's header (the Bootloader entry, before any Sierra statement) gets. */
export const HEADER_NAME = '<executable header>';

export class Statements {
  /** Per pc: the Sierra statement its instruction belongs to, or -1 (the header). */
  readonly ofPc: Int32Array;
  /** A Cairo 0 shaped program over the same bytecode, whose debug_info places each pc. */
  readonly program: Program;
  /** Per statement: its inlining chain (debug.locations, with the cut ones completed). */
  private readonly chains: (CodeLocation[] | undefined)[];
  private readonly namesOf: (string | undefined)[][] = [];
  private readonly entryOffset: number;

  constructor(
    exe: Executable,
    readonly debug: Cairo1Debug,
    entryOffset: number,
    builtins: string[],
  ) {
    const size = exe.bytecode.length;
    const { headerLen, statementOffsets: offsets } = debug;
    this.chains = [...debug.locations];
    this.repairChains();
    this.ofPc = new Int32Array(size).fill(-1);
    // A statement runs from its offset to the next statement's; zero-size statements (drops,
    // branch aligns) share their offset with the next one, which owns the code there.
    for (let s = 0; s < offsets.length; s++) {
      const from = headerLen + offsets[s];
      const to = s + 1 < offsets.length ? headerLen + offsets[s + 1] : size;
      for (let pc = from; pc < to; pc++) this.ofPc[pc] = s;
    }
    const places = enclosingDropped(offsets.map((_, st) => this.placeOf(st)));
    const placeAt = (pc: number) => (this.ofPc[pc] < 0 ? undefined : places[this.ofPc[pc]]);
    const lineKeys = new Map<string, number>();
    const lineOf = (pc: number) => {
      const at = placeAt(pc);
      if (at === undefined) return undefined;
      const key = `${at.file}\n${at.startLine}`;
      if (!lineKeys.has(key)) lineKeys.set(key, lineKeys.size);
      return lineKeys.get(key);
    };
    // Runs of a line only reached from its own code: no second breakpoint stop there (line-entries.ts).
    const reentered = new Set(reenteredRuns(exe.bytecode, headerLen, lineOf).keys());
    const locations = new Map<number, InstructionLocation>();
    for (let pc = headerLen; pc < size; pc++) {
      const at = placeAt(pc);
      if (at === undefined) continue;
      // One scope per pc: the line tables then take each location as it is (no Cairo 0 grouping).
      locations.set(pc, {
        inst: { filename: at.file, startLine: at.startLine, startCol: at.startCol, endLine: at.endLine, endCol: at.endCol },
        hints: [],
        accessibleScopes: ['__main__', `__main__.#${pc}`],
        flowTrackingData: undefined,
      });
    }
    const identifiers = new Map<string, Identifier>();
    this.entryOffset = entryOffset;
    this.program = {
      prime: PRIME,
      data: exe.bytecode,
      builtins,
      hints: new Map(),
      identifiers,
      references: [],
      attributes: [],
      debugInfo: { instructionLocations: locations, fileContents: {}, reentered },
      mainScope: '__main__',
      compilerVersion: debug.compilerVersion,
    };
    this.nameFunctions(() => false);
  }

  /**
   * The function identifiers, once the loops are known (loops.ts reads the sources for that): a
   * Cairo function the compiler made several Sierra functions of (a specialisation for constant
   * arguments, a split body) is `name`, `name[2]`, ... (a function breakpoint on `name` stops in
   * each); its loops are `name[loop]`, `name[loop 2]`, ..., which it does not, or it would stop
   * once per iteration. A function inlined everywhere but for its loops keeps its name on the
   * first loop, so a breakpoint on it still stops somewhere.
   */
  nameFunctions(isLoop: (k: number) => boolean): void {
    const ids = this.program.identifiers;
    ids.clear();
    ids.set(`__main__.${HEADER_NAME}`, { type: 'function', pc: this.entryOffset, decorators: [] });
    const entries = this.functionEntries();
    const plain = new Set(entries.filter((e) => e.k === undefined || !isLoop(e.k)).map((e) => e.name));
    const seen = new Map<string, number>();
    for (const { name, pc, k } of entries) {
      const loop = k !== undefined && isLoop(k) && (plain.has(name) || seen.has(name));
      const key = loop ? `${name}\n` : name;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const id = loop ? `${name}[loop${n === 1 ? '' : ` ${n}`}]` : n === 1 ? name : `${name}[${n}]`;
      ids.set(id, { type: 'function', pc, decorators: [] });
    }
  }

  /** The statement of a pc, or undefined in the header or outside the bytecode. */
  at(pc: number): number | undefined {
    const s = pc >= 0 && pc < this.ofPc.length ? this.ofPc[pc] : -1;
    return s < 0 ? undefined : s;
  }

  chain(statement: number): CodeLocation[] {
    return this.chains[statement] ?? [];
  }

  /**
   * The statement whose chain a frame at this one is shown with: itself, or for a statement the
   * annotations leave out (a function's entry: stores and gas checks) the next one of the same
   * function that has one, so a stop at a function's start still shows where it is.
   */
  shownStatement(statement: number): number {
    if (this.chain(statement).length > 0) return statement;
    const next = this.debug.functionStarts.find((s) => s > statement) ?? this.chains.length;
    for (let s = statement + 1; s < next && s < statement + 64; s++) if (this.chain(s).length > 0) return s;
    return statement;
  }

  names(statement: number): string[] {
    return this.debug.functions[statement] ?? [];
  }

  /** A function name (or none) for each location of a statement's chain. */
  chainNames(statement: number): (string | undefined)[] {
    return (this.namesOf[statement] ??= chainNames(this.chain(statement), this.names(statement)));
  }

  /** The Sierra function a statement is in: the outermost name of its chain. */
  functionOf(statement: number): string | undefined {
    const names = this.names(statement);
    return names[names.length - 1];
  }

  /** The Sierra function (index into debug.functionStarts, label F<index>) holding the code at pc. */
  functionAt(pc: number): number | undefined {
    const s = this.at(pc);
    return s === undefined ? undefined : this.functionOfStatement(s);
  }

  /** The Sierra function (label number) a statement belongs to. */
  functionOfStatement(s: number): number | undefined {
    const starts = this.debug.functionStarts;
    if (starts.length === 0) return undefined;
    let lo = 0;
    let hi = starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= s) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k < 0 ? undefined : k;
  }

  /** The widest place in the user's files among a Sierra function's statements: its `fn` item, or for a loop the loop. */
  widestPlace(k: number): CodeLocation | undefined {
    const starts = this.debug.functionStarts;
    const to = k + 1 < starts.length ? starts[k + 1] : this.chains.length;
    let widest: CodeLocation | undefined;
    for (let s = starts[k]; s < to; s++) {
      const chain = this.chain(s);
      const outer = chain[chain.length - 1];
      if (outer !== undefined && !isCorelib(outer.file) && (widest === undefined || spanOf(outer) > spanOf(widest))) widest = outer;
    }
    return widest;
  }

  /** Where a person sees a statement run: its innermost place in the user's files, else its innermost place. */
  placeOf(statement: number): CodeLocation | undefined {
    if (statement < 0) return undefined;
    const chain = this.chain(statement);
    return chain.find((l) => !isCorelib(l.file)) ?? chain[0];
  }

  /**
   * Some chains stop inside corelib (about 3% of the statements of the user's functions in the
   * fixtures: the `u32_inc` under an `i += 1`), which would leave that code with no line of the
   * user's. Such a chain is completed from the nearest statement of the same Sierra function
   * whose chain passes through a place that holds its outermost one (the same inlined call),
   * with the levels above that place.
   */
  private repairChains(): void {
    const starts = this.debug.functionStarts;
    const n = this.chains.length;
    for (let k = 0; k < starts.length; k++) {
      const from = starts[k];
      const to = k + 1 < starts.length ? starts[k + 1] : n;
      const user = (s: number) => (this.debug.locations[s] ?? []).some((l) => !isCorelib(l.file));
      let anyUser = false;
      for (let s = from; s < to && !anyUser; s++) anyUser = user(s);
      if (!anyUser) continue;
      for (let s = from; s < to; s++) {
        const chain = this.debug.locations[s];
        if (chain === undefined || chain.length === 0 || user(s)) continue;
        const outer = chain[chain.length - 1];
        for (let d = 1; d < to - from; d++) {
          const t = [s - d, s + d].find((t) => t >= from && t < to && user(t) && (this.debug.locations[t] ?? []).some((l) => holds(l, outer)));
          if (t === undefined) continue;
          const other = this.debug.locations[t]!;
          const j = other.findIndex((l) => holds(l, outer));
          this.chains[s] = [...chain, ...other.slice(j + 1)];
          // Names of the added levels: those the other chain's own alignment gives them.
          const names = chainNames(other, this.debug.functions[t] ?? []).slice(j + 1);
          this.namesOf[s] = [...chainNames(chain, this.names(s)), ...names];
          break;
        }
      }
    }
  }

  /** A Sierra function's name (by label number), as its statements give it. */
  functionName(k: number): string | undefined {
    return k < this.debug.functionStarts.length ? this.majorityName(this.debug.functionStarts, k) : undefined;
  }

  /** The outermost name most of a function's statements give (a cut chain gives a corelib one). */
  private majorityName(starts: number[], k: number): string | undefined {
    const end = k + 1 < starts.length ? starts[k + 1] : this.debug.statementOffsets.length;
    const count = new Map<string, number>();
    for (let s = starts[k]; s < end; s++) {
      const f = this.functionOf(s);
      if (f !== undefined) count.set(f, (count.get(f) ?? 0) + 1);
    }
    return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /** Sierra functions (k: label number, when the Sierra has labels) with their first pc, named by the profiler's outermost name. */
  private functionEntries(): { name: string; pc: number; k?: number }[] {
    const { headerLen, statementOffsets: offsets } = this.debug;
    let starts = this.debug.functionStarts;
    const labelled = starts.length > 0;
    if (!labelled) {
      // No Sierra labels: a function starts where the outermost name changes.
      starts = [];
      let prev: string | undefined;
      for (let s = 0; s < offsets.length; s++) {
        const f = this.functionOf(s);
        if (f !== undefined && f !== prev) starts.push(s);
        if (f !== undefined) prev = f;
      }
    }
    const out: { name: string; pc: number; k?: number }[] = [];
    for (let k = 0; k < starts.length; k++) {
      const name = this.majorityName(starts, k);
      if (name !== undefined) out.push({ name, pc: headerLen + offsets[starts[k]], k: labelled ? k : undefined });
    }
    return out;
  }
}

/**
 * A name for each location of an inlining chain. The profiler's names may skip a level (a
 * trait's default method has none), so each name goes to the first location, innermost first,
 * whose file its module path names (`core::integer::...` in `integer.cairo`; a crate's root
 * functions in `lib.cairo`); the outermost location always takes the outermost name.
 */
function chainNames(chain: CodeLocation[], names: string[]): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(chain.length).fill(undefined);
  if (chain.length === 0 || names.length === 0) return out;
  out[chain.length - 1] = names[names.length - 1];
  let n = 0;
  for (let k = 0; k < chain.length - 1 && n < names.length - 1; k++) {
    const stem = baseName(chain[k].file).replace(/\.cairo$/, '');
    const parts = names[n].split('::');
    if (parts.includes(stem) || stem === 'lib') out[k] = names[n++];
  }
  return out;
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
