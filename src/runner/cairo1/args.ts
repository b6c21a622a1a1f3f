// The executable's arguments as cairo-execute and `scarb execute` take them: a list of integers
// (`--arguments 1,2,0x3`) or a file holding a JSON list of hex strings (`--arguments-file`).
// They reach the program as one array parameter (cairo-execute's `Arg::Array(user_args)`).
import { readFileSync } from 'node:fs';
import { ProgramError } from '../../vm/errors';
import { toFelt } from '../../vm/felt';
import type { Arg } from '../../hints/cairo1/hint';
import { fsErrorText } from '../fs-errors';

function integer(text: string, what: string): bigint {
  const t = text.trim();
  if (!/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(t)) throw new ProgramError(`Invalid ${what}: ${JSON.stringify(text)} is not an integer.`);
  return t.startsWith('-') ? -BigInt(t.slice(1)) : BigInt(t);
}

/** `1, 2, 3` (commas, blanks ignored): the format of --arguments and of the fixtures' .args files. */
export function parseArgumentList(text: string): Arg[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => ({ value: toFelt(integer(s, 'argument')) }));
}

/** A JSON list of hex strings (BigUintAsHex), as --arguments-file reads it. */
export function parseArgumentsFile(path: string): Arg[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ProgramError(`Cannot read arguments file ${path}: ${fsErrorText(e)}.`);
  }
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new ProgramError(`Invalid arguments file ${path}: the file is not valid JSON (${(e as Error).message}).`);
  }
  if (!Array.isArray(j)) throw new ProgramError(`Invalid arguments file ${path}: expected a JSON list of hex strings.`);
  return j.map((v, i) => {
    if (typeof v !== 'string' || !/^0x[0-9a-fA-F]+$/.test(v)) {
      throw new ProgramError(`Invalid arguments file ${path}: item ${i} (${JSON.stringify(v)}) is not a hex string such as "0x1f".`);
    }
    return { value: toFelt(BigInt(v)) };
  });
}
