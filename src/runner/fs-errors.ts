// File-system errors in words a user can act on (`no such file or folder (ENOENT)`), for the
// program file, the program input and the output files.
import { writeFileSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
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

/**
 * Writes a file piece by piece as `write` hands the pieces over (a large file never sits whole in
 * memory). File-system errors become a one-line OutputFileError; an error of `write` itself
 * (a cell that cannot be relocated) leaves the file empty, as the CLI created it, and is thrown as it is.
 */
export function writeOutputPieces(path: string, write: (sink: (piece: Uint8Array) => void) => void, what: string): void {
  const failed = (e: unknown) => new OutputFileError(`Cannot write the ${what} ${path}: ${fsErrorText(e)}.`);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw failed(e);
  }
  let ioError: unknown;
  try {
    write((piece) => {
      try {
        for (let at = 0; at < piece.length; ) at += writeSync(fd, piece, at);
      } catch (e) {
        ioError = e;
        throw e;
      }
    });
  } catch (e) {
    if (e !== ioError) ftruncateSync(fd, 0);
    closeSync(fd);
    if (e === ioError) throw failed(e);
    throw e;
  }
  try {
    closeSync(fd);
  } catch (e) {
    throw failed(e);
  }
}
