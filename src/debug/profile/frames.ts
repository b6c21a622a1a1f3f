// What names a frame of the profile, in one place for the summary and the flame graph: the
// function a pc belongs to (its instruction's innermost accessible scope, as cairo-lang's
// profiler attributes it), a node's function (that of its entry pc), and where a function starts.
import type { Program } from '../../vm/program';
import type { ProfileNode } from './collector';

/** The function a pc offset belongs to (accessible_scopes[-1]), or a placeholder without debug_info. */
export function functionOfPc(program: Program, pc: number): string {
  const loc = program.debugInfo?.instructionLocations.get(pc);
  const scopes = loc?.accessibleScopes;
  return scopes !== undefined && scopes.length > 0 ? scopes[scopes.length - 1] : `<pc ${pc}>`;
}

/** The function of a node's frame (its entry pc's), undefined for a frame that ran no step. */
export function nodeFunction(program: Program, node: ProfileNode): string | undefined {
  return node.entryPc >= 0 ? functionOfPc(program, node.entryPc) : undefined;
}

/** The source of a function's (or label's) first instruction, when debug_info has it. */
export function functionSource(program: Program, name: string): { file: string; line: number } | undefined {
  const id = program.identifiers.get(name);
  const pc = id !== undefined && (id.type === 'function' || id.type === 'label') ? id.pc : undefined;
  const loc = pc === undefined ? undefined : program.debugInfo?.instructionLocations.get(pc)?.inst;
  return loc === undefined || loc.startLine <= 0 ? undefined : { file: loc.filename, line: loc.startLine };
}
