// Reads a compiled program from disk (plain or gzipped JSON), and the program input file.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseProgram, Program } from '../vm/program';
import { ProgramError } from '../vm/errors';
import { fsErrorText } from './fs-errors';
import { parsePreciseJson } from './precise-json';
import { isExecutableJson } from './cairo1/executable';

/** The program file is a Cairo 1 executable (`cairn run` then runs it as `cairn execute`). */
export class Cairo1ExecutableError extends ProgramError {
  constructor(readonly path: string) {
    super(`${path} is a Cairo 1 executable, not a compiled Cairo 0 program: run it with \`cairn execute ${path}\`.`);
  }
}

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ProgramError(`Cannot read ${what} ${path}: ${fsErrorText(e)}.`);
  }
}

/** Cairo source rather than JSON: a .cairo name, or text that starts as Cairo 0 code does. */
function looksLikeSource(path: string, text: string): boolean {
  if (path.endsWith('.cairo')) return true;
  const head = text.trimStart();
  return !head.startsWith('{') && /^(%builtins|%lang|from\s+\S+\s+import|func\s|namespace\s|struct\s|const\s|\/\/)/m.test(head.slice(0, 4000));
}

/** The JSON text of each program read here (the Python hint bridge hands it to cairo-lang). */
const sources = new WeakMap<Program, string>();

export function programSource(program: Program): string | undefined {
  return sources.get(program);
}

export function loadProgramFile(path: string): Program {
  let bytes = readBytes(path, 'program file');
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new ProgramError(`Cannot read program file ${path}: broken gzip data.`);
    }
  }
  const text = bytes.toString('utf8');
  try {
    const program = parseProgram(text);
    sources.set(program, text);
    return program;
  } catch (e) {
    if (e instanceof ProgramError && /not valid JSON/.test(e.message) && looksLikeSource(path, text)) {
      throw new ProgramError(`${path} looks like a Cairo source file, not a compiled program. Compile it first ` +
        `(cairo-compile ${path} --output program.json) and pass the JSON to --program.`);
    }
    if (e instanceof ProgramError && /not valid JSON/.test(e.message)) {
      throw new ProgramError(`${e.message} Did you compile the code before running it?`);
    }
    if (e instanceof ProgramError && isExecutableText(text)) throw new Cairo1ExecutableError(path);
    throw e;
  }
}

function isExecutableText(text: string): boolean {
  try {
    return isExecutableJson(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * The JSON of a program input file (cairo-run's --program_input): hints read it as the dict
 * `program_input`, so the top level must be a JSON object.
 */
/** The program input's object, and its text (Python reads dict keys in the file's order). */
export function loadProgramInput(path: string): { value: Record<string, unknown>; text: string } {
  const text = readBytes(path, 'program input').toString('utf8');
  let j: unknown;
  try {
    j = parsePreciseJson(text);
  } catch (e) {
    throw new ProgramError(`Invalid program input ${path}: the file is not valid JSON (${(e as Error).message}).`);
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) {
    const got = j === null ? 'null' : Array.isArray(j) ? 'a list' : typeof j;
    throw new ProgramError(`Invalid program input ${path}: expected a JSON object (hints read program_input["name"]), got ${got}.`);
  }
  return { value: j as Record<string, unknown>, text };
}
