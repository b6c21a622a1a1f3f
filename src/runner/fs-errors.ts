// File-system errors in words a user can act on (`no such file or folder (ENOENT)`), for the
// program file, the program input and the output files.
import { writeFileSync } from 'node:fs';
import { ProgramError } from '../vm/errors';

const MEANING: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  EFBIG: 'the file is too large',
};

/** `no such file or folder (ENOENT)`, or the error's own message. */
export function fsErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string') return MEANING[code] ? `${MEANING[code]} (${code})` : code;
  return e instanceof Error ? e.message : String(e);
}

/** A file Cairn was asked to write and could not. */
export class OutputFileError extends ProgramError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFileError';
  }
}

/** writeFileSync that fails with a one-line OutputFileError naming the file and its role. */
export function writeOutputFile(path: string, bytes: Uint8Array | string, what: string): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw new OutputFileError(`Cannot write the ${what} ${path}: ${fsErrorText(e)}.`);
  }
}
