// Reads a compiled program from disk (plain or gzipped JSON).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseProgram, Program } from '../vm/program';
import { ProgramError } from '../vm/errors';

export function loadProgramFile(path: string): Program {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ProgramError(`Cannot read program file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new ProgramError(`Cannot read program file ${path}: broken gzip data.`);
    }
  }
  return parseProgram(bytes.toString('utf8'));
}
