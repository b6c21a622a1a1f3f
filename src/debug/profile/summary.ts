// A run profile read through the program's debug_info: per function (self and total steps, calls,
// builtin cells) and per source line (steps). A pc belongs to the function of its instruction's
// innermost accessible scope, as cairo-lang's profiler attributes it.
import type { Program } from '../../vm/program';
import type { RunProfile, ProfileNode } from './collector';

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
}

export interface LineStats { file: string; line: number; steps: number }

export interface ProfileSummary {
  totalSteps: number;
  builtinNames: string[];
  functions: FunctionStats[];
  lines: LineStats[];
}

/** The function a pc offset belongs to (accessible_scopes[-1]), or a placeholder without debug_info. */
export function functionOfPc(program: Program, pc: number): string {
  const loc = program.debugInfo?.instructionLocations.get(pc);
  const scopes = loc?.accessibleScopes;
  return scopes !== undefined && scopes.length > 0 ? scopes[scopes.length - 1] : `<pc ${pc}>`;
}

/** For each node: the functions of its frame and of every caller frame (distinct). */
export function stackFunctions(program: Program, profile: RunProfile): Set<string>[] {
  const sets: Set<string>[] = [];
  for (const n of profile.nodes) {
    // the return pc of a frame lies in its caller; a node's own frame is named by its entry pc
    const inherited = n.parent === undefined ? new Set<string>() : callerSet(sets, profile.nodes[n.parent], program, n);
    sets.push(inherited);
  }
  return sets;
}

function callerSet(sets: Set<string>[], _parent: ProfileNode, program: Program, n: ProfileNode): Set<string> {
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
      s = { name, file: undefined, line: undefined, selfSteps: 0, totalSteps: 0, calls: 0, selfBuiltins: {}, totalBuiltins: {} };
      const id = program.identifiers.get(name);
      const pc = id !== undefined && (id.type === 'function' || id.type === 'label') ? id.pc : undefined;
      const loc = pc === undefined ? undefined : program.debugInfo?.instructionLocations.get(pc)?.inst;
      if (loc !== undefined) { s.file = loc.filename; s.line = loc.startLine; }
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
    const frameFn = n.entryPc >= 0 ? fnOf(n.entryPc) : undefined;
    if (frameFn !== undefined) fn(frameFn).calls += n.calls;
    for (const [pc, k] of n.steps) {
      const f = fnOf(pc);
      fn(f).selfSteps += k;
      fn(f).totalSteps += k;
      for (const g of up) if (g !== f) fn(g).totalSteps += k;
      const loc = program.debugInfo?.instructionLocations.get(pc)?.inst;
      if (loc !== undefined) {
        const key = `${loc.filename}:${loc.startLine}`;
        let l = lines.get(key);
        if (l === undefined) lines.set(key, (l = { file: loc.filename, line: loc.startLine, steps: 0 }));
        l.steps += k;
      }
    }
    if (frameFn === undefined) continue;
    for (const [b, k] of n.builtins) {
      const self = fn(frameFn).selfBuiltins;
      self[b] = (self[b] ?? 0) + k;
      const seen = new Set([frameFn, ...up]);
      for (const g of seen) { const t = fn(g).totalBuiltins; t[b] = (t[b] ?? 0) + k; }
    }
  }
  const functions = [...fns.values()].sort((a, b) => b.totalSteps - a.totalSteps || a.name.localeCompare(b.name));
  return { totalSteps: profile.totalSteps, builtinNames: profile.builtinNames, functions, lines: [...lines.values()] };
}
