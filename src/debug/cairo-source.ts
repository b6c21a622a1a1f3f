// A launch whose "program" is a Cairo source (`.cairo`), as editors other than VS Code send it:
// compile it with cairo-compile (the launch's `cairoCompile`, else the one on the PATH) into a
// temporary folder, run in the source's folder so debug_info names resolve beside it; without a
// compiler, say so and what to do instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, isAbsolute, join, resolve } from 'node:path';

export function isCairoSource(program: string): boolean {
  return program.endsWith('.cairo');
}

/** cairo-compile: the given path, or the first on the PATH. */
export function findCompiler(given: unknown): string | undefined {
  if (typeof given === 'string' && given !== '') return existsSync(given) ? given : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const c = join(dir, process.platform === 'win32' ? 'cairo-compile.exe' : 'cairo-compile');
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Compiles `source`; returns the compiled JSON's path, or throws an Error whose message says what went wrong. */
export function compileSource(source: string, opts: { compiler?: unknown; cairoPath?: string[] }): string {
  const file = resolve(source);
  if (!existsSync(file)) throw new Error(`Cannot read program file ${source}: ENOENT.`);
  const compiler = findCompiler(opts.compiler);
  if (compiler === undefined) {
    const which = typeof opts.compiler === 'string' && opts.compiler !== '' ? `"cairoCompile" (${opts.compiler}) does not exist` : 'cairo-compile is not on the PATH';
    throw new Error(`${basename(file)} is a Cairo source and Cairn debugs compiled programs, but ${which}. Compile it (cairo-compile ${basename(file)} --output ${basename(file, '.cairo')}.json) and launch the JSON, or install cairo-lang (or set "cairoCompile").`);
  }
  const out = join(mkdtempSync(join(tmpdir(), 'cairn-compile-')), basename(file, '.cairo') + '.json');
  const paths = [dirname(file), ...(opts.cairoPath ?? []).filter((p) => typeof p === 'string').map((p) => (isAbsolute(p) ? p : resolve(p)))];
  const r = spawnSync(compiler, [basename(file), '--output', out, '--cairo_path', paths.join(':')], { cwd: dirname(file), encoding: 'utf8', timeout: 300_000 });
  if (r.error !== undefined) throw new Error(`Cannot run ${compiler}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`cairo-compile could not compile ${basename(file)}:\n${(r.stderr || r.stdout).trim()}`);
  return out;
}
