// What the profiler (debug/profile/) reads to profile a Cairo 1 executable: a program over the
// executable's bytecode whose pcs are named by Sierra function, as the debugger's call stack names
// their frames (`name`; a loop, whose iterations are frames, `name [loop]`; the Bootloader
// header `<executable header>`). The profiler names a pc by its last accessible scope and places
// it by its location, so the same collector, flame graph and summary serve Cairo 0 and Cairo 1.
// The compiler's copies of one function (statements.ts) share its name, so they are one function.
import { dirname } from 'node:path';
import type { Program, InstructionLocation, Identifier, Location } from '../../vm/program';
import type { Executable } from '../../runner/cairo1/executable';
import { loadDebugFile } from './debug-file';
import { Statements, HEADER_NAME } from './statements';
import { Loops } from './loops';
import { findSourceRoot } from './source-root';

/** The profile program of an executable, from its debug file (NAME.debug.json). */
export function executableProfileProgram(exe: Executable, executablePath: string, debugFile: string, sourceRoot?: string): Program {
  const debug = loadDebugFile(debugFile, exe);
  const entry = exe.entrypoints.find((e) => e.kind === 'Bootloader');
  if (entry === undefined) throw new Error(`${executablePath} has no Bootloader entrypoint (Cairn runs that one).`);
  const statements = new Statements(exe, debug, entry.offset, entry.builtins);
  return profileProgram(statements, new Loops(statements, sourceRoot ?? findSourceRoot(dirname(executablePath), debug)));
}

export function profileProgram(statements: Statements, loops: Loops): Program {
  const base = statements.program;
  const places = base.debugInfo!.instructionLocations;
  const locations = new Map<number, InstructionLocation>();
  const identifiers = new Map<string, Identifier>();
  // The header has no source: a location without a line (the profiler counts no line for it).
  const nowhere: Location = { filename: HEADER_NAME, startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
  // Code the debugger's lines leave out (a function's entry, the glue the compiler gives a whole
  // `fn` or loop) counts on the first line of its function or loop.
  const widest = new Map<number, Location>();
  const ownLine = (k: number | undefined): Location => {
    if (k === undefined) return nowhere;
    if (!widest.has(k)) {
      const w = statements.widestPlace(k);
      widest.set(k, w === undefined ? nowhere : { filename: w.file, startLine: w.startLine, startCol: w.startCol, endLine: w.startLine, endCol: w.startCol });
    }
    return widest.get(k)!;
  };
  for (let pc = 0; pc < base.data.length; pc++) {
    const name = functionName(statements, loops, pc);
    const place = places.get(pc);
    const inst = place?.inst ?? (statements.at(pc) === undefined ? nowhere : ownLine(statements.functionAt(pc)));
    locations.set(pc, { inst, hints: [], accessibleScopes: [name], flowTrackingData: undefined });
    if (!identifiers.has(name)) identifiers.set(name, { type: 'function', pc, decorators: [] });
  }
  return { ...base, identifiers, references: [], debugInfo: { instructionLocations: locations, fileContents: {} } };
}

function functionName(statements: Statements, loops: Loops, pc: number): string {
  const s = statements.at(pc);
  if (s === undefined) return HEADER_NAME;
  const k = statements.functionAt(pc);
  const name = (k === undefined ? undefined : statements.functionName(k)) ?? statements.functionOf(s) ?? `<pc ${pc}>`;
  return k !== undefined && loops.isLoop(k) ? `${name} [loop]` : name;
}
