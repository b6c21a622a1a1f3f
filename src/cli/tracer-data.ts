// What `cairn run --tracer`'s page shows of a finished run: the relocated trace and memory files
// (as the post-mortem debugger reads them) and the program's debug info, served in bounded
// slices (a run can have millions of steps): steps with their registers and source location,
// memory cells by address, and the source files the program's instructions come from.
import { Program } from '../vm/program';
import { toSigned } from '../vm/felt';
import { readTraceFile, readMemoryFile, RelocatedTrace } from '../debug/post-mortem/files';
import { SourceReader } from '../runner/sources';

/** Most steps or memory cells one request returns. */
export const MAX_SLICE = 2000;

export interface TracerRun {
  /** Steps recorded, the files and where the program segment starts (relocated pc of offset 0). */
  summary(): { program: string; steps: number; cells: number; programBase: number; files: string[] };
  /** Steps [from, from + count): pc, ap, fp and the source location (file index, lines, columns). */
  steps(from: number, count: number): { step: number; pc: number; ap: number; fp: number; at?: [number, number, number, number, number] }[];
  /** Cells [from, from + count) by relocated address: the value as a signed decimal, or null. */
  memory(from: number, count: number): (string | null)[];
  /** A source file's text, by its index in summary().files (null: not found; undefined: no such index). */
  source(index: number): string | null | undefined;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(Math.trunc(Number.isFinite(n) ? n : lo), lo), hi);

/** `library`: where cairo-lang's common library is, asked only when a file is not found in `roots`. */
export function tracerRun(program: Program, programName: string, traceFile: string, memoryFile: string, roots: string[], library?: () => string | undefined): TracerRun {
  const trace: RelocatedTrace = readTraceFile(traceFile);
  const mem = readMemoryFile(memoryFile);
  const cells = new Map<number, bigint>();
  for (let i = 0; i < mem.addresses.length; i++) cells.set(mem.addresses[i], toSigned(mem.values[i]));
  // The program segment is relocated first, right after address 0.
  const programBase = 1;
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  for (const loc of program.debugInfo?.instructionLocations.values() ?? []) {
    const f = loc.inst.filename;
    if (!fileIndex.has(f)) fileIndex.set(f, files.push(f) - 1);
  }
  const reader = new SourceReader(program.debugInfo?.fileContents ?? {}, roots);
  let libraryReader: SourceReader | undefined;
  const read = (file: string) => {
    const text = reader.read(file);
    if (text !== undefined || library === undefined) return text;
    libraryReader ??= new SourceReader({}, [library()].filter((r): r is string => r !== undefined));
    return libraryReader.read(file);
  };
  return {
    summary: () => ({ program: programName, steps: trace.length, cells: cells.size, programBase, files }),
    steps(from, count) {
      const start = clamp(from, 0, trace.length);
      const end = Math.min(trace.length, start + clamp(count, 0, MAX_SLICE));
      const out = [];
      for (let i = start; i < end; i++) {
        const pc = trace.pc[i];
        const loc = program.debugInfo?.instructionLocations.get(pc - programBase)?.inst;
        const at: [number, number, number, number, number] | undefined = loc && [fileIndex.get(loc.filename)!, loc.startLine, loc.startCol, loc.endLine, loc.endCol];
        out.push({ step: i, pc, ap: trace.ap[i], fp: trace.fp[i], ...(at ? { at } : {}) });
      }
      return out;
    },
    memory(from, count) {
      const start = clamp(from, 0, Number.MAX_SAFE_INTEGER);
      const n = clamp(count, 0, MAX_SLICE);
      return Array.from({ length: n }, (_, i) => cells.get(start + i)?.toString() ?? null);
    },
    source: (index) => (files[index] === undefined ? undefined : (read(files[index]) ?? null)),
  };
}
