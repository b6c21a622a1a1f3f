// Where the relative source names of a Cairo 1 debug file start: the executable's folder or the
// nearest one above it that holds the first of the user's files (Scarb writes absolute names,
// which need none). Loop detection (loops.ts) reads the sources from there.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { Cairo1Debug } from './debug-file';
import { isCorelib } from './statements';

export function findSourceRoot(from: string, debug: Cairo1Debug): string | undefined {
  const first = debug.locations.flatMap((c) => c ?? []).find((l) => !isCorelib(l.file) && !isAbsolute(l.file));
  if (first === undefined) return undefined;
  for (let dir = from, i = 0; i < 6; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, first.file))) return dir;
    if (dirname(dir) === dir) break;
  }
  return undefined;
}
