// The executable Scarb and cairo-execute write (`NAME.executable.json`, cairo-lang-executable's
// Executable): program.bytecode (hex felts), program.hints ([pc, [hint, ...]]), entrypoints
// ({builtins, offset, kind: "Bootloader" | "Standalone"}), debug_info. Read and checked field
// by field; anything wrong is one ProgramError line.
import { readFileSync } from 'node:fs';
import { ProgramError } from '../../vm/errors';
import { Felt, PRIME, toFelt } from '../../vm/felt';
import { fsErrorText } from '../fs-errors';

export type EntryPointKind = 'Bootloader' | 'Standalone';

export interface ExecutableEntryPoint {
  builtins: string[];
  offset: number;
  kind: EntryPointKind;
}

export interface Executable {
  bytecode: Felt[];
  /** [pc, hints as their JSON]: the hint processor reads them. */
  hints: [number, unknown[]][];
  entrypoints: ExecutableEntryPoint[];
  debugInfo: unknown;
}

const fail = (what: string): never => {
  throw new ProgramError(`Invalid executable: ${what}.`);
};

const describe = (j: unknown) => (j === null ? 'null' : Array.isArray(j) ? 'a list' : typeof j);

function isObject(j: unknown): j is Record<string, unknown> {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

function index(j: unknown, what: string): number {
  if (typeof j !== 'number' || !Number.isSafeInteger(j) || j < 0) fail(`${what}: expected a non-negative integer, got ${JSON.stringify(j)}`);
  return j as number;
}

/** True when the JSON looks like an executable rather than a Cairo 0 program. */
export function isExecutableJson(j: unknown): boolean {
  return isObject(j) && isObject(j.program) && Array.isArray(j.program.bytecode) && Array.isArray(j.entrypoints);
}

export function parseExecutable(text: string): Executable {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return fail(`the file is not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(j)) return fail(`expected a JSON object, got ${describe(j)}`);
  if (!isObject(j.program)) {
    if ('data' in j && 'prime' in j) fail('this is a compiled Cairo 0 program, not a Cairo 1 executable: run it with `cairn run --program`');
    fail(`program: expected an object, got ${describe(j.program)}`);
  }
  const program = j.program as Record<string, unknown>;
  if (!Array.isArray(program.bytecode) || program.bytecode.length === 0) fail('program.bytecode: expected a non-empty list of felts');
  const bytecode = (program.bytecode as unknown[]).map((b, i) => {
    // BigIntAsHex: signed (immediates such as -0x1f are written negative).
    if (typeof b !== 'string' || !/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(b)) return fail(`program.bytecode[${i}]: expected a hex felt, got ${JSON.stringify(b)}`);
    const v = b.startsWith('-') ? -BigInt(b.slice(1)) : BigInt(b);
    if (v >= PRIME || v <= -PRIME) fail(`program.bytecode[${i}]: ${b} is not a felt (beyond the field prime)`);
    return toFelt(v);
  });
  const hintsJson = program.hints ?? [];
  if (!Array.isArray(hintsJson)) fail(`program.hints: expected a list, got ${describe(hintsJson)}`);
  const hints = (hintsJson as unknown[]).map((h, i): [number, unknown[]] => {
    if (!Array.isArray(h) || h.length !== 2 || !Array.isArray(h[1])) return fail(`program.hints[${i}]: expected [pc, [hint, ...]]`);
    const pc = index(h[0], `program.hints[${i}][0]`);
    if (pc >= bytecode.length) fail(`program.hints[${i}]: pc ${pc} is past the bytecode (${bytecode.length} felts)`);
    return [pc, h[1] as unknown[]];
  });
  if (!Array.isArray(j.entrypoints) || j.entrypoints.length === 0) fail('entrypoints: expected a non-empty list');
  const entrypoints = (j.entrypoints as unknown[]).map((e, i): ExecutableEntryPoint => {
    if (!isObject(e)) return fail(`entrypoints[${i}]: expected an object, got ${describe(e)}`);
    if (e.kind !== 'Bootloader' && e.kind !== 'Standalone') fail(`entrypoints[${i}].kind: expected "Bootloader" or "Standalone", got ${JSON.stringify(e.kind)}`);
    if (!Array.isArray(e.builtins) || !e.builtins.every((b) => typeof b === 'string')) fail(`entrypoints[${i}].builtins: expected a list of builtin names`);
    const offset = index(e.offset, `entrypoints[${i}].offset`);
    if (offset >= bytecode.length) fail(`entrypoints[${i}].offset: ${offset} is past the bytecode (${bytecode.length} felts)`);
    return { builtins: e.builtins as string[], offset, kind: e.kind as EntryPointKind };
  });
  return { bytecode, hints, entrypoints, debugInfo: j.debug_info };
}

export function loadExecutableFile(path: string): Executable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProgramError(`Cannot read executable ${path}: ${fsErrorText(e)}.`);
  }
  return parseExecutable(text);
}
