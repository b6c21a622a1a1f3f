// pc <-> source line tables, built once from debug_info: which file and line each pc belongs to,
// where a line breakpoint lands, which function holds a pc, and where each debug_info file name
// lives on this disk (sourceRoot, cairoPath, sourceFileMap).
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve, dirname, sep } from 'node:path';
import { Program, InstructionLocation } from '../vm/program';
import { SourceReader } from '../runner/sources';

export interface SourceOptions {
  /** The program's JSON path: its folder is the last place relative names are looked for. */
  programPath?: string;
  sourceRoot?: string;
  cairoPath?: string[];
  /** Prefix rewrites of debug_info names: { "/build/host/src": "/home/me/src" }. */
  sourceFileMap?: Record<string, string>;
}

export interface LineHit {
  /** The line that has code: the asked one or the next one below it. */
  line: number;
  /** First pc of each run of pcs on that line (where a breakpoint stops). */
  pcs: number[];
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
  /** Per pc: lineKey of its instruction, or -1 when debug_info does not place it. */
  readonly keyOfPc: Int32Array;
  /**
   * keyOfPc for line stepping: -1 also for the argument copies the compiler places on a
   * `func` line (other than the function's entry), which are not lines a person steps to.
   */
  readonly stepKeyOfPc: Int32Array;
  /** Per file: `func` line -> entry pc of the function declared there. */
  private readonly funcLines: Map<number, number>[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** Per file: line -> first pcs of the runs of pcs on that line. */
  private readonly lines: Map<number, number[]>[] = [];
  /** Functions sorted by pc. */
  private readonly functions: { pc: number; name: string }[] = [];

  constructor(
    readonly program: Program,
    private readonly options: SourceOptions = {},
  ) {
    const n = program.data.length;
    this.keyOfPc = new Int32Array(n).fill(-1);
    const locs = program.debugInfo?.instructionLocations;
    if (locs !== undefined) {
      for (const [pc, l] of locs) {
        if (pc < 0 || pc >= n) continue;
        this.keyOfPc[pc] = lineKey(this.fileNumber(l.inst.filename), l.inst.startLine);
      }
    }
    // Each maximal run of consecutive located pcs on one line starts where a breakpoint stops.
    let prevKey = -1;
    for (let pc = 0; pc < n; pc++) {
      const key = this.keyOfPc[pc];
      if (key === -1) continue;
      if (key !== prevKey) {
        const file = Math.floor(key / 0x100000);
        const line = key % 0x100000;
        const table = this.lines[file];
        const list = table.get(line);
        if (list === undefined) table.set(line, [pc]);
        else list.push(pc);
      }
      prevKey = key;
    }
    for (const [name, id] of program.identifiers) {
      if (id.type === 'function') this.functions.push({ pc: id.pc, name });
    }
    this.functions.sort((a, b) => a.pc - b.pc);

    this.stepKeyOfPc = Int32Array.from(this.keyOfPc);
    const reader = new SourceReader(program.debugInfo?.fileContents ?? {}, []);
    const texts = this.files.map((f, i) => (this.paths[i] !== undefined ? reader.read(this.paths[i]!) : reader.read(f))?.split(/\r?\n/));
    for (let i = 0; i < this.files.length; i++) this.funcLines.push(new Map());
    for (let pc = 0; pc < n; pc++) {
      const at = this.lineOf(pc);
      if (at === undefined) continue;
      const text = texts[at.file]?.[at.line - 1];
      if (text === undefined || !/^\s*func\s/.test(text)) continue;
      const fn = this.functionAt(pc);
      if (fn === undefined) continue;
      this.funcLines[at.file].set(at.line, fn.pc);
      if (pc !== fn.pc) this.stepKeyOfPc[pc] = -1;
    }
  }

  private fileNumber(name: string): number {
    let i = this.fileIndex.get(name);
    if (i === undefined) {
      i = this.files.length;
      this.files.push(name);
      this.paths.push(this.findOnDisk(name));
      this.lines.push(new Map());
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
    return undefined;
  }

  location(pc: number): InstructionLocation | undefined {
    return this.program.debugInfo?.instructionLocations.get(pc);
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
      if (pcs !== undefined) return { line: l, pcs };
    }
    return undefined;
  }

  /** Lines of a file that have code, between two lines (breakpointLocations). */
  linesWithCode(file: number, from: number, to: number): number[] {
    const table = this.lines[file];
    if (table === undefined) return [];
    return [...table.keys()].filter((l) => l >= from && l <= to).sort((a, b) => a - b);
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
    const exact = this.functions.find((f) => f.name === name || f.name === `${this.program.mainScope}.${name}`);
    if (exact !== undefined) return exact;
    const tail = this.functions.filter((f) => f.name.endsWith('.' + name));
    return tail.length === 1 ? tail[0] : undefined;
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
