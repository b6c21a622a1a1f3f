// A run profile read through the program's debug_info: per function (self and total steps, calls,
// builtin cells, memory holes) and per source line (steps). A pc belongs to the function of its
// instruction's innermost accessible scope, as cairo-lang's profiler attributes it (frames.ts).
import type { Program } from '../../vm/program';
import type { RunProfile, ProfileNode } from './collector';
import { functionOfPc, functionSource, nodeFunction } from './frames';

export { functionOfPc } from './frames';

export interface FunctionStats {
  name: string;
  /** source of the function's first instruction, when debug_info has it */
  file: string | undefined;
  line: number | undefined;
  selfSteps: number;
  /** steps with this function anywhere on the stack (a recursion counted once) */
  totalSteps: number;
  calls: number;
  selfBuiltins: Record<string, number>;
  totalBuiltins: Record<string, number>;
  /** memory holes charged to this function's frames (holes.ts), and with its callees' */
  selfHoles: number;
  totalHoles: number;
}

export interface LineStats { file: string; line: number; steps: number }

export interface ProfileSummary {
  totalSteps: number;
  builtinNames: string[];
  /** memory holes of the run (cairo-run's n_memory_holes); undefined when not counted */
  holes: number | undefined;
  functions: FunctionStats[];
  lines: LineStats[];
}

/** For each node: the functions of its frame and of every caller frame (distinct). */
export function stackFunctions(program: Program, profile: RunProfile): Set<string>[] {
  const sets: Set<string>[] = [];
  for (const n of profile.nodes) {
    // the return pc of a frame lies in its caller; a node's own frame is named by its entry pc
    const inherited = n.parent === undefined ? new Set<string>() : callerSet(sets, program, n);
    sets.push(inherited);
  }
  return sets;
}

function callerSet(sets: Set<string>[], program: Program, n: ProfileNode): Set<string> {
  const up = sets[n.parent!];
  const f = functionOfPc(program, n.returnPc);
  if (up.has(f)) return up;
  const s = new Set(up);
  s.add(f);
  return s;
}

export function summarize(program: Program, profile: RunProfile): ProfileSummary {
  const fns = new Map<string, FunctionStats>();
  const fn = (name: string): FunctionStats => {
    let s = fns.get(name);
    if (s === undefined) {
      const src = functionSource(program, name);
      s = { name, file: src?.file, line: src?.line, selfSteps: 0, totalSteps: 0, calls: 0, selfBuiltins: {}, totalBuiltins: {}, selfHoles: 0, totalHoles: 0 };
      fns.set(name, s);
    }
    return s;
  };
  const callers = stackFunctions(program, profile);
  const lines = new Map<string, LineStats>();
  const pcFn = new Map<number, string>();
  const fnOf = (pc: number) => { let f = pcFn.get(pc); if (f === undefined) { f = functionOfPc(program, pc); pcFn.set(pc, f); } return f; };
  for (const n of profile.nodes) {
    const up = callers[n.id];
    const frameFn = nodeFunction(program, n);
    if (frameFn !== undefined) fn(frameFn).calls += n.calls;
    for (const [pc, k] of n.steps) {
      const f = fnOf(pc);
      fn(f).selfSteps += k;
      fn(f).totalSteps += k;
      for (const g of up) if (g !== f) fn(g).totalSteps += k;
      const loc = program.debugInfo?.instructionLocations.get(pc)?.inst;
      // line 0: code with no source line (a Cairo 1 executable's header)
      if (loc !== undefined && loc.startLine > 0) {
        const key = `${loc.filename}:${loc.startLine}`;
        let l = lines.get(key);
        if (l === undefined) lines.set(key, (l = { file: loc.filename, line: loc.startLine, steps: 0 }));
        l.steps += k;
      }
    }
    if (frameFn === undefined) continue;
    const seen = new Set([frameFn, ...up]);
    for (const [b, k] of n.builtins) {
      const self = fn(frameFn).selfBuiltins;
      self[b] = (self[b] ?? 0) + k;
      for (const g of seen) { const t = fn(g).totalBuiltins; t[b] = (t[b] ?? 0) + k; }
    }
    if (n.holes > 0) {
      fn(frameFn).selfHoles += n.holes;
      for (const g of seen) fn(g).totalHoles += n.holes;
    }
  }
  const functions = [...fns.values()].sort((a, b) => b.totalSteps - a.totalSteps || a.name.localeCompare(b.name));
  const holes = profile.holesCounted ? profile.nodes.reduce((a, n) => a + n.holes, 0) : undefined;
  return { totalSteps: profile.totalSteps, builtinNames: profile.builtinNames, holes, functions, lines: [...lines.values()] };
}
