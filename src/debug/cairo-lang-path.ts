// Where the user's cairo-lang keeps its common library: the folder that holds
// `starkware/cairo/common`, so library frames show their real source and take breakpoints.
// Looked for as cairo-compile itself finds it, cheapest first:
//   1. the `cairoPath` setting and the CAIRO_PATH variable (cairo-compile's own search path);
//   2. `cairo-compile` / `cairo-run` on PATH: the site-packages of the virtualenv they sit in, or
//      else the Python their `#!` line names, asked where `starkware` is;
//   3. `python3` on PATH (or `python` where there is no python3), asked the same.
// Asking a Python costs a process start (seconds through pyenv's shims on a busy machine), so
// the debugger asks only when it has to show a library file, and keeps the answer.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

export interface CairoLangSearch {
  /** Folders the user named (the `cairoPath` launch argument). */
  cairoPath?: string[];
  /** The environment to search (PATH, CAIRO_PATH); the process's own by default. */
  env?: NodeJS.ProcessEnv;
}

export interface CairoLangLibrary {
  /** The folder that holds `starkware/cairo/common`. */
  root: string;
  /** How it was found, for the console: `cairoPath`, `CAIRO_PATH`, or the program asked. */
  via: string;
}

const COMMON = join('starkware', 'cairo', 'common');
const ASK = 'import os, starkware.cairo.common as c; print(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(list(c.__path__)[0])))))';

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function holdsLibrary(root: string): boolean {
  return isDir(join(root, COMMON));
}

/** An executable named `name` on PATH (with Windows' extensions), resolved through links. */
export function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const ext of exts) {
      const p = join(dir, name + ext);
      try {
        if (statSync(p).isFile()) return realpathSync(p);
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

/** site-packages of the virtualenv (or prefix) whose bin/ or Scripts/ folder holds `exe`. */
function sitePackagesBeside(exe: string): string[] {
  const prefix = dirname(dirname(exe));
  const out: string[] = [join(prefix, 'Lib', 'site-packages')];
  for (const lib of ['lib', 'lib64']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(prefix, lib));
    } catch {
      continue;
    }
    for (const n of names.filter((x) => /^python\d/.test(x)).sort().reverse()) out.push(join(prefix, lib, n, 'site-packages'));
  }
  return out;
}

/** The interpreter a script's `#!` line names (`#!/usr/bin/env python3` -> python3 on PATH). */
function shebangPython(script: string, env: NodeJS.ProcessEnv): string | undefined {
  let first: string;
  try {
    first = readFileSync(script, 'latin1').slice(0, 512).split('\n')[0];
  } catch {
    return undefined;
  }
  if (!first.startsWith('#!')) return undefined;
  const words = first.slice(2).trim().split(/\s+/);
  if (words[0] !== undefined && /(^|\/)env$/.test(words[0])) {
    const name = words.slice(1).find((w) => !w.startsWith('-'));
    return name === undefined ? undefined : onPath(name, env);
  }
  return words[0] !== undefined && isAbsolute(words[0]) && existsSync(words[0]) ? words[0] : undefined;
}

/** Asks a Python where starkware.cairo.common is; undefined when it has no cairo-lang. */
function askPython(python: string, env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync(python, ['-c', ASK], { env, encoding: 'utf8', timeout: 10_000, windowsHide: true });
  if (r.status !== 0 || typeof r.stdout !== 'string') return undefined;
  const root = r.stdout.trim().split(/\r?\n/).pop();
  return root !== undefined && root !== '' && holdsLibrary(root) ? root : undefined;
}

/** Without starting a process: the named folders, then a virtualenv holding cairo-compile or cairo-run. */
function searchQuick(opts: CairoLangSearch, env: NodeJS.ProcessEnv): CairoLangLibrary | undefined {
  for (const root of opts.cairoPath ?? []) if (typeof root === 'string' && root !== '' && holdsLibrary(root)) return { root, via: 'cairoPath' };
  for (const root of (env.CAIRO_PATH ?? '').split(delimiter)) if (root !== '' && holdsLibrary(root)) return { root, via: 'CAIRO_PATH' };
  for (const tool of ['cairo-compile', 'cairo-run']) {
    const script = onPath(tool, env);
    if (script === undefined) continue;
    for (const site of sitePackagesBeside(script)) if (holdsLibrary(site)) return { root: site, via: script };
  }
  return undefined;
}

/** Asking the Pythons: the one cairo-compile's `#!` names, then python3 (or python) on PATH. */
function searchPythons(env: NodeJS.ProcessEnv): CairoLangLibrary | undefined {
  const pythons: string[] = [];
  for (const tool of ['cairo-compile', 'cairo-run']) {
    const script = onPath(tool, env);
    const python = script === undefined ? undefined : shebangPython(script, env);
    if (python !== undefined) pythons.push(python);
  }
  // `python` only where there is no `python3` (it is then usually the same or a Python 2).
  const python = onPath('python3', env) ?? onPath('python', env);
  if (python !== undefined) pythons.push(python);
  for (const python of new Set(pythons)) {
    const root = askPython(python, env);
    if (root !== undefined) return { root, via: python };
  }
  return undefined;
}

const cache = new Map<string, CairoLangLibrary | null>();

function cached(kind: string, opts: CairoLangSearch, find: (env: NodeJS.ProcessEnv) => CairoLangLibrary | undefined): CairoLangLibrary | undefined {
  const env = opts.env ?? process.env;
  const key = JSON.stringify([kind, opts.cairoPath ?? [], env.PATH ?? env.Path ?? '', env.CAIRO_PATH ?? '']);
  let r = cache.get(key);
  if (r === undefined) {
    r = find(env) ?? null;
    cache.set(key, r);
  }
  return r ?? undefined;
}

/** The common library where finding it starts no process (settings, CAIRO_PATH, a virtualenv's tools). */
export function findCairoLangQuick(opts: CairoLangSearch = {}): CairoLangLibrary | undefined {
  return cached('quick', opts, (env) => searchQuick(opts, env));
}

/** The common library of the user's cairo-lang, asking its Python if need be; undefined when none is installed. */
export function findCairoLang(opts: CairoLangSearch = {}): CairoLangLibrary | undefined {
  return cached('full', opts, (env) => searchQuick(opts, env) ?? searchPythons(env));
}
