// Which Python runs bridged hints: the one asked for (--python, cairn.python), else the
// interpreter of cairo-run / cairo-compile on the PATH (their shebang line), else python3 on the
// PATH; each candidate must import cairo-lang. The answer is kept per process.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { delimiter, join, isAbsolute } from 'node:path';

export interface PythonFound {
  path: string;
  /** How it was found, for the debug console. */
  how: string;
  cairoLang: string;
}

export type PythonSearch = PythonFound | { error: string };

const found = new Map<string, PythonSearch>();

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch { /* not here */ }
  }
  return undefined;
}

/** The interpreter a script's `#!` line names (`#!/usr/bin/env python3` resolved on the PATH). */
export function shebangInterpreter(script: string): string | undefined {
  let head: string;
  try {
    const fd = openSync(script, 'r');
    const buf = Buffer.alloc(512);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    head = buf.subarray(0, n).toString('utf8').split('\n')[0];
  } catch {
    return undefined;
  }
  if (!head.startsWith('#!')) return undefined;
  const parts = head.slice(2).trim().split(/\s+/);
  if (parts[0]?.endsWith('/env')) {
    const name = parts.slice(1).find((p) => !p.startsWith('-'));
    return name === undefined ? undefined : onPath(name);
  }
  return parts[0] && existsSync(parts[0]) ? parts[0] : undefined;
}

/** cairo-lang's version as `python` sees it, or why it cannot import it. */
function cairoLangVersion(python: string): { version: string } | { error: string } {
  const r = spawnSync(python, ['-c', 'from starkware.cairo.lang.version import __version__; print(__version__)'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) return { error: `${python}: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}` };
  if (r.status !== 0) return { error: `${python} cannot import cairo-lang (${(r.stderr.trim().split('\n').pop() ?? '').trim()})` };
  return { version: r.stdout.trim() };
}

export function findPython(explicit?: string): PythonSearch {
  const key = explicit ?? '';
  const hit = found.get(key);
  if (hit !== undefined) return hit;
  const result = search(explicit);
  found.set(key, result);
  return result;
}

function search(explicit?: string): PythonSearch {
  if (explicit !== undefined && explicit !== '') {
    const path = isAbsolute(explicit) || explicit.includes('/') ? explicit : onPath(explicit) ?? explicit;
    const v = cairoLangVersion(path);
    return 'error' in v ? { error: `the Python given (${explicit}) does not work: ${v.error}` } : { path, how: 'as configured', cairoLang: v.version };
  }
  const tried: string[] = [];
  for (const tool of ['cairo-run', 'cairo-compile']) {
    const script = onPath(tool);
    if (script === undefined) continue;
    const py = shebangInterpreter(script);
    if (py === undefined) continue;
    const v = cairoLangVersion(py);
    if ('version' in v) return { path: py, how: `the interpreter of ${script}`, cairoLang: v.version };
    tried.push(v.error);
  }
  for (const name of process.platform === 'win32' ? ['python', 'python3'] : ['python3', 'python']) {
    const py = onPath(name);
    if (py === undefined) continue;
    const v = cairoLangVersion(py);
    if ('version' in v) return { path: py, how: `${name} on the PATH`, cairoLang: v.version };
    tried.push(v.error);
  }
  return { error: tried.length ? `no Python with cairo-lang was found (${tried.join('; ')})` : 'no Python was found on the PATH' };
}
