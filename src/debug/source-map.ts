// pc <-> source line tables, built once from debug_info: which statement each pc belongs to,
// where a line breakpoint lands, which function holds a pc, and where each debug_info file name
// lives on this disk (sourceRoot, cairoPath, sourceFileMap, the user's cairo-lang).
//
// A pc belongs to a statement, not to its innermost location: the pushes of an argument or an
// implicit argument are recorded where the reference was defined (a `let` lines above, or the
// callee's `func` line in another file), with the statement that uses it in `parent_location`
// ("While expanding the reference 'r' in:"). Stepping, breakpoints and frames follow that chain
// outward to its outermost location in the same function, so each statement reads as one line.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve, dirname, sep } from 'node:path';
import { Program, InstructionLocation, Location } from '../vm/program';
import { SourceReader } from '../runner/sources';
import { findCairoLang, findCairoLangQuick } from './cairo-lang-path';

export interface SourceOptions {
  /** The program's JSON path: its folder is the last place relative names are looked for. */
  programPath?: string;
  sourceRoot?: string;
  cairoPath?: string[];
  /** Prefix rewrites of debug_info names: { "/build/host/src": "/home/me/src" }. */
  sourceFileMap?: Record<string, string>;
  /** Look for the user's cairo-lang to show the common library's files (on unless false). */
  findCairoLang?: boolean;
}

/** Where the common library is: `quick` starts no process, `full` may ask a Python (see cairo-lang-path.ts). */
export interface LibraryFinder {
  quick(): string | undefined;
  full(): string | undefined;
}

/** The user's cairo-lang as the options and this process's environment say. */
export function cairoLangFinder(options: SourceOptions): LibraryFinder {
  if (options.findCairoLang === false) return { quick: () => undefined, full: () => undefined };
  const search = { cairoPath: Array.isArray(options.cairoPath) ? options.cairoPath : [] };
  return { quick: () => findCairoLangQuick(search)?.root, full: () => findCairoLang(search)?.root };
}

export interface LineHit {
  /** The line that has code: the asked one or the next one below it. */
  line: number;
  /** First pc of each run of pcs on that line (where a breakpoint stops). */
  pcs: number[];
  /** The line is inside a hint's `%{ %}`: the stop is before the hint runs, shown at the hint. */
  hint?: boolean;
}

/** A line of a file as one number, for cheap "did the line change" checks. */
export function lineKey(file: number, line: number): number {
  return file * 0x100000 + line;
}

export class SourceMap {
  /** debug_info file names, indexed by file number. */
  readonly files: string[] = [];
  /** Where each file is on disk, when found. */
  readonly paths: (string | undefined)[] = [];
  /** Per pc: lineKey of its statement, or -1 when debug_info does not place it. */
  readonly keyOfPc: Int32Array;
  /** Per pc: the location of the statement it belongs to (see the top of this file). */
  private readonly statements: (Location | undefined)[];
  /** keyOfPc for line stepping and line breakpoints: -1 also where no step stops (see below). */
  readonly stepKeyOfPc: Int32Array;
  /** Per file: `func` line -> entry pc of the function declared there. */
  private readonly funcLines: Map<number, number>[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Per file: line -> first pcs of the runs of pcs on that line. */
  private readonly lines: Map<number, number[]>[] = [];
  /** Where each hint's source is, and the pc it runs at. */
  private readonly hintLines: { pc: number; file: number; from: number; to: number }[] = [];
  /** Per file: lines inside a `%{ %}` with no code of their own (a breakpoint there stops before the hint). */
  private readonly hintOnlyLines: Set<number>[] = [];
  /** Per pc with hints: each hint's own location, in the order they run. */
  private readonly hintLocations = new Map<number, Location[]>();
  /** Functions sorted by pc. */
  private readonly functions: { pc: number; name: string }[] = [];

  constructor(
    readonly program: Program,
    private readonly options: SourceOptions = {},
    private readonly library: LibraryFinder = cairoLangFinder(options),
  ) {
    const n = program.data.length;
    this.keyOfPc = new Int32Array(n).fill(-1);
    this.statements = statementLocations(program);
    for (let pc = 0; pc < n; pc++) {
      const st = this.statements[pc];
      if (st !== undefined) this.keyOfPc[pc] = lineKey(this.fileNumber(st.filename), st.startLine);
    }
    // The lines of a hint (`%{ ... %}`) stop at the pc it runs at, before it runs.
    for (const [pc, l] of program.debugInfo?.instructionLocations ?? []) {
      if (pc < 0 || pc >= n) continue;
      for (const h of l.hints) {
        if (h === null) continue;
        this.hintLines.push({ pc, file: this.fileNumber(h.location.filename), from: h.location.startLine, to: h.location.endLine });
        const list = this.hintLocations.get(pc);
        if (list === undefined) this.hintLocations.set(pc, [h.location]);
        else list.push(h.location);
      }
    }
    for (const [name, id] of program.identifiers) {
      if (id.type === 'function') this.functions.push({ pc: id.pc, name });
    }
    this.functions.sort((a, b) => a.pc - b.pc);

    this.stepKeyOfPc = Int32Array.from(this.keyOfPc);
    const reader = new SourceReader(program.debugInfo?.fileContents ?? {}, []);
    const texts = this.files.map((f, i) => (this.paths[i] !== undefined ? reader.read(this.paths[i]!) : reader.read(f))?.split(/\r?\n/));
    for (let i = 0; i < this.files.length; i++) this.funcLines.push(new Map());
    // A function's `func` line: the nearest one above its first statement, if it names the function.
    for (const fn of this.functions) {
      const at = this.lineOf(fn.pc);
      const text = at === undefined ? undefined : texts[at.file];
      if (at === undefined || text === undefined) continue;
      const short = fn.name.slice(fn.name.lastIndexOf('.') + 1);
      for (let l = at.line; l >= 1 && l > at.line - 200; l--) {
        const m = /^\s*func\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(text[l - 1] ?? '');
        if (m === null) continue;
        if (m[1] === short && !this.funcLines[at.file].has(l)) this.funcLines[at.file].set(l, fn.pc);
        break;
      }
    }
    // Only a statement's first run of pcs is where a step stops: a later run is code the
    // compiler placed apart from it, such as the `jmp` past the other branch of an `if`, which
    // is located at the `if` and would read as a step back to it. Runs count per scope: a Cairo 1
    // executable gives each pc a scope of its own, as its inlined and looped code repeats places.
    const seen = new Set<string>();
    let prevStatement: string | undefined;
    let laterRun = false;
    for (let pc = 0; pc < n; pc++) {
      const st = this.statements[pc];
      if (st === undefined) continue;
      const scopes = this.location(pc)?.accessibleScopes;
      const id = `${scopes?.[scopes.length - 1] ?? ''}|${st.filename}:${st.startLine}:${st.startCol}:${st.endLine}:${st.endCol}`;
      if (id !== prevStatement) {
        laterRun = seen.has(id);
        seen.add(id);
      }
      if (laterRun) this.stepKeyOfPc[pc] = -1;
      prevStatement = id;
    }
    // A line breakpoint stops where each run of step targets on that line starts.
    const reentered = program.debugInfo?.reentered;
    let prevKey = -1;
    for (let pc = 0; pc < n; pc++) {
      const key = this.stepKeyOfPc[pc];
      if (key === -1) continue;
      if (key !== prevKey && reentered?.has(pc) !== true) {
        const list = this.lines[Math.floor(key / 0x100000)].get(key % 0x100000);
        if (list === undefined) this.lines[Math.floor(key / 0x100000)].set(key % 0x100000, [pc]);
        else list.push(pc);
      }
      prevKey = key;
    }
    const codeLines = this.lines.map((table) => new Set(table.keys()));
    for (const h of this.hintLines) {
      const table = this.lines[h.file];
      for (let line = h.from; line <= h.to; line++) {
        if (codeLines[h.file].has(line)) continue;
        this.hintOnlyLines[h.file].add(line);
        const list = table.get(line);
        if (list === undefined) table.set(line, [h.pc]);
        else if (!list.includes(h.pc)) list.push(h.pc);
      }
    }
  }

  /** The `%{ %}` of the hint that runs `index`-th at pc (the last one when there are fewer). */
  hintLocation(pc: number, index = 0): Location | undefined {
    const list = this.hintLocations.get(pc);
    return list === undefined ? undefined : list[Math.min(index, list.length - 1)];
  }

  /** Whether hints run at pc (before its instruction). */
  hasHint(pc: number): boolean {
    return this.hintLocations.has(pc);
  }

  /** The pc of a hint whose `%{ %}` covers this line, if any. */
  hintAt(file: number, line: number): number | undefined {
    return this.hintLines.find((h) => h.file === file && h.from <= line && line <= h.to)?.pc;
  }

  private fileNumber(name: string): number {
    let i = this.fileIndex.get(name);
    if (i === undefined) {
      i = this.files.length;
      this.files.push(name);
      this.paths.push(this.findOnDisk(name));
      this.lines.push(new Map());
      this.hintOnlyLines.push(new Set());
      this.fileIndex.set(name, i);
    }
    return i;
  }

  private findOnDisk(name: string): string | undefined {
    let mapped = name;
    const map = this.options.sourceFileMap ?? {};
    const prefixes = Object.keys(map).sort((a, b) => b.length - a.length);
    for (const p of prefixes) {
      if (name.startsWith(p)) {
        mapped = map[p] + name.slice(p.length);
        break;
      }
    }
    const roots = [
      this.options.sourceRoot,
      ...(this.options.cairoPath ?? []),
      this.options.programPath ? dirname(this.options.programPath) : undefined,
    ].filter((r): r is string => typeof r === 'string' && r !== '');
    const candidates = isAbsolute(mapped) ? [mapped] : roots.map((r) => join(r, mapped));
    for (const c of candidates) if (existsSync(c)) return resolve(c);
    const lib = isAbsolute(mapped) ? undefined : this.library.quick();
    if (lib !== undefined && existsSync(join(lib, mapped))) return resolve(lib, mapped);
    return undefined;
  }

  /**
   * Where a file is on disk; for a common-library file not found yet, asks the user's
   * cairo-lang (a process start, once per adapter), so only a frame that shows one pays it.
   */
  locate(file: number): string | undefined {
    const name = this.files[file];
    if (this.paths[file] !== undefined || name === undefined || !name.startsWith('starkware/')) return this.paths[file];
    const lib = this.library.full();
    if (lib !== undefined && existsSync(join(lib, name))) this.paths[file] = resolve(lib, name);
    return this.paths[file];
  }

  /** debug_info's own entry for a pc (innermost location, hints, flow tracking data). */
  location(pc: number): InstructionLocation | undefined {
    return this.program.debugInfo?.instructionLocations.get(pc);
  }

  /** The statement a pc belongs to: file, lines and columns to show for it. */
  statement(pc: number): Location | undefined {
    return pc >= 0 && pc < this.statements.length ? this.statements[pc] : undefined;
  }

  /** File number and line of a pc in the program segment. */
  lineOf(pc: number): { file: number; line: number } | undefined {
    const key = pc >= 0 && pc < this.keyOfPc.length ? this.keyOfPc[pc] : -1;
    if (key === -1) return undefined;
    return { file: Math.floor(key / 0x100000), line: key % 0x100000 };
  }

  /** The file number of a path the editor sends (absolute), or of a debug_info name. */
  fileForPath(path: string): number | undefined {
    const direct = this.fileIndex.get(path);
    if (direct !== undefined) return direct;
    const abs = resolve(path);
    const norm = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);
    for (let i = 0; i < this.files.length; i++) {
      if (this.paths[i] !== undefined && norm(this.paths[i]!) === norm(abs)) return i;
    }
    // A file we could not find on disk still matches by its tail (`.../starkware/cairo/common/math.cairo`).
    for (let i = 0; i < this.files.length; i++) {
      if (this.paths[i] === undefined && !isAbsolute(this.files[i]) && norm(abs).endsWith(norm(sep + this.files[i].split('/').join(sep)))) return i;
    }
    return undefined;
  }

  /** Where a breakpoint on `line` lands: that line or the next one with code (within `slack` lines). */
  resolveLine(file: number, line: number, slack = 50): LineHit | undefined {
    const table = this.lines[file];
    if (table === undefined) return undefined;
    // A breakpoint on a `func` line stops where the function starts.
    const entry = this.funcLines[file]?.get(line);
    if (entry !== undefined) return { line, pcs: [entry] };
    for (let l = line; l <= line + slack; l++) {
      const pcs = table.get(l);
      if (pcs !== undefined) return this.hintOnlyLines[file].has(l) ? { line: l, pcs, hint: true } : { line: l, pcs };
    }
    return undefined;
  }

  /** Lines of a file that take a breakpoint, between two lines (breakpointLocations): code and `func` lines. */
  linesWithCode(file: number, from: number, to: number): number[] {
    const table = this.lines[file];
    if (table === undefined) return [];
    const lines = new Set([...table.keys(), ...(this.funcLines[file]?.keys() ?? [])]);
    return [...lines].filter((l) => l >= from && l <= to).sort((a, b) => a - b);
  }

  /** The function holding a pc: the one with the largest start pc not above it. */
  functionAt(pc: number): { pc: number; name: string } | undefined {
    let lo = 0;
    let hi = this.functions.length - 1;
    let best: { pc: number; name: string } | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.functions[mid].pc <= pc) {
        best = this.functions[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** A function's pc by Cairo name: full (`__main__.fib`), in the main scope, or a unique suffix. */
  functionPc(name: string): { pc: number; name: string } | undefined {
    return this.functionPcs(name)[0];
  }

  /**
   * Every entry of a function by Cairo name (as functionPc): a Cairo 1 function the compiler made
   * several Sierra functions of is named `name`, `name[2]`, ... (cairo1/statements.ts), one per copy.
   * A suffix may follow `.` or `::`.
   */
  functionPcs(name: string): { pc: number; name: string }[] {
    const base = (f: { name: string }) => f.name.replace(/\[\d+\]$/, '');
    const exact = this.functions.filter((f) => base(f) === name || base(f) === `${this.program.mainScope}.${name}`);
    if (exact.length > 0) return exact;
    const tail = this.functions.filter((f) => base(f).endsWith('.' + name) || base(f).endsWith('::' + name));
    return new Set(tail.map(base)).size === 1 ? tail : [];
  }

  /** Library code: the common library, or any file we cannot show. */
  isLibrary(file: number): boolean {
    return this.files[file].startsWith('starkware/') || this.paths[file] === undefined;
  }
}

/** A function name as users write it: without the main scope prefix. */
export function shortName(program: Program, full: string): string {
  const prefix = program.mainScope + '.';
  return full.startsWith(prefix) ? full.slice(prefix.length) : full;
}

/** A location and the ones it was expanded in, innermost first. */
function chainOf(loc: Location): Location[] {
  const out = [loc];
  for (let l = loc.parent?.location; l !== undefined && out.length < 1000; l = l.parent?.location) out.push(l);
  return out;
}

/**
 * Per pc, the statement it belongs to. First the outermost location of its parent_location
 * chain that lies in its own function (a function's extent is what its pcs without a chain
 * cover; a chain location outside it, such as a callee's declaration, is never the statement).
 * Then the outermost location of the function that contains that one: the argument
 * `218676...` on line 14 belongs to the call `poseidon_hash_single(` that spans lines 13 to 15.
 */
export function statementLocations(program: Program): (Location | undefined)[] {
  const out: (Location | undefined)[] = new Array(program.data.length).fill(undefined);
  const locs = program.debugInfo?.instructionLocations;
  if (locs === undefined) return out;
  const scopeOf = (l: InstructionLocation) => l.accessibleScopes[l.accessibleScopes.length - 1] ?? '';
  const extent = new Map<string, { file: string; from: number; to: number }>();
  for (const l of locs.values()) {
    if (l.inst.parent !== undefined) continue;
    const e = extent.get(scopeOf(l));
    if (e === undefined) extent.set(scopeOf(l), { file: l.inst.filename, from: l.inst.startLine, to: l.inst.endLine });
    else if (e.file === l.inst.filename) {
      e.from = Math.min(e.from, l.inst.startLine);
      e.to = Math.max(e.to, l.inst.endLine);
    }
  }
  const groups = new Map<string, Location[]>();
  for (const [pc, l] of locs) {
    if (pc < 0 || pc >= out.length) continue;
    const chain = chainOf(l.inst);
    const e = extent.get(scopeOf(l));
    let st = chain[chain.length - 1];
    if (e !== undefined) {
      for (let i = chain.length - 1; i >= 0; i--) {
        const c = chain[i];
        if (c.filename === e.file && c.startLine >= e.from && c.startLine <= e.to) {
          st = c;
          break;
        }
      }
    }
    out[pc] = st;
    const key = `${scopeOf(l)}\n${st.filename}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [st]);
    else g.push(st);
  }
  // Locations of one function and file nest (an expression inside its statement), so sorted by
  // start, widest first, each one lies in the last one that does not lie in another.
  const outer = new Map<Location, Location>();
  for (const list of groups.values()) {
    list.sort((a, b) => a.startLine - b.startLine || a.startCol - b.startCol || b.endLine - a.endLine || b.endCol - a.endCol);
    let top: Location | undefined;
    for (const l of list) {
      if (top !== undefined && contains(top, l)) outer.set(l, top);
      else top = l;
    }
  }
  for (let pc = 0; pc < out.length; pc++) {
    const st = out[pc];
    if (st !== undefined) out[pc] = outer.get(st) ?? st;
  }
  return out;
}

function contains(a: Location, b: Location): boolean {
  const startsBefore = a.startLine < b.startLine || (a.startLine === b.startLine && a.startCol <= b.startCol);
  const endsAfter = a.endLine > b.endLine || (a.endLine === b.endLine && a.endCol >= b.endCol);
  return startsBefore && endsAfter;
}
