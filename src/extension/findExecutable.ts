// F5 on a Cairo 1 source: the executable Scarb built for its package. Pure path logic (no
// VS Code): the nearest Scarb.toml above the file, then target/dev/*.executable.json there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dialectOf } from '../server/dialect';

export const EXECUTABLE_SUFFIX = '.executable.json';

/** Whether a .cairo file is Cairo 1 (the language server's own test). */
export function isCairo1Source(file: string): boolean {
  try {
    return dialectOf(readFileSync(file, 'utf8'), file) === 'cairo1';
  } catch {
    return false;
  }
}

export type ExecutableFound = { program: string } | { matches: string[] } | { error: string };

export function findExecutable(cairoFile: string, stopAt?: string): ExecutableFound {
  let dir = path.dirname(path.resolve(cairoFile));
  for (let i = 0; i < 16; i++) {
    if (existsSync(path.join(dir, 'Scarb.toml'))) break;
    const up = path.dirname(dir);
    if (up === dir || (stopAt !== undefined && path.relative(path.resolve(stopAt), dir) === '')) {
      return { error: `${path.basename(cairoFile)} is Cairo 1 but no Scarb.toml is above it: set "program" to its NAME.executable.json.` };
    }
    dir = up;
  }
  const target = path.join(dir, 'target', 'dev');
  let list: string[] = [];
  try {
    list = readdirSync(target).filter((f) => f.endsWith(EXECUTABLE_SUFFIX)).map((f) => path.join(target, f));
  } catch {
    // no target/dev yet
  }
  if (list.length === 0) return { error: `No Cairo 1 executable in ${target}: build it with \`scarb build\` (an [executable] target), or set "program".` };
  if (list.length === 1) return { program: list[0] };
  const name = /^\s*name\s*=\s*"([^"]+)"/m.exec(readFileSync(path.join(dir, 'Scarb.toml'), 'utf8'))?.[1];
  const own = list.find((f) => path.basename(f) === `${name}${EXECUTABLE_SUFFIX}`);
  return own !== undefined ? { program: own } : { matches: list };
}
