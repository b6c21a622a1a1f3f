// The hint code strings of cairo-lang's own Cairo library, read from the installed reference's
// sources (`starkware/cairo/common/**/*.cairo`, ...) as the compiler turns them into program hints:
// `%{ ... %}` blocks normalized, and `nondet %{ e %}` as the hint the compiler writes for it
// (`memory[ap] = to_felt_or_relocatable(e)`, or `memory[fp + k] = ...` for a `local x = nondet`,
// where k is the local's offset in its frame and so depends on the function).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { normalizeHintCode } from '../../src/hints/hint';
import { referenceBin } from '../support/reference';

export interface LibraryHint {
  /** The normalized code, as a compiled program carries it (a `local` nondet: with `fp + {k}`). */
  code: string;
  /** Library files (relative to site-packages) that hold it. */
  files: string[];
  /** A `local x = nondet %{ e %}`: the code's `memory[fp + k]` offset varies with the function. */
  localNondet?: boolean;
}

/** The reference's site-packages folder. */
export function sitePackages(): string {
  const lib = join(referenceBin(), '..', 'lib');
  const py = readdirSync(lib).find((d) => d.startsWith('python'));
  if (py === undefined) throw new Error(`no python folder in ${lib}`);
  return join(lib, py, 'site-packages');
}

function cairoFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) cairoFiles(p, out);
    else if (p.endsWith('.cairo')) out.push(p);
  }
  return out;
}

/** Blanks the Cairo `//` comments (which may mention `%{`), leaving hints (Python `//`) alone. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('%{', i)) {
      const end = text.indexOf('%}', i);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += text[i++];
    }
  }
  return out;
}

/** Every distinct hint of the library folders `dirs` (relative to `root`, the reference's site-packages). */
export function libraryHints(dirs: readonly string[], root = sitePackages()): LibraryHint[] {
  const byCode = new Map<string, LibraryHint>();
  const add = (code: string, file: string, localNondet = false) => {
    let h = byCode.get(code);
    if (h === undefined) byCode.set(code, (h = { code, files: [], localNondet: localNondet || undefined }));
    if (!h.files.includes(file)) h.files.push(file);
  };
  for (const d of dirs) {
    const dir = join(root, d);
    if (!existsSync(dir)) throw new Error(`the reference has no ${d}`);
    for (const f of cairoFiles(dir)) {
      const rel = relative(root, f);
      const text = withoutComments(readFileSync(f, 'utf8'));
      for (const m of text.matchAll(/(local\s+\w+(?:\s*:\s*[\w.*]+)?\s*=\s*)?(nondet\s*)?%\{([\s\S]*?)%\}/g)) {
        const body = normalizeHintCode(m[3]);
        if (m[2] === undefined) add(body, rel);
        else if (m[1] !== undefined) add(`memory[fp + {k}] = to_felt_or_relocatable(${body})`, rel, true);
        else add(`memory[ap] = to_felt_or_relocatable(${body})`, rel);
      }
    }
  }
  return [...byCode.values()];
}

/** Whether `has(code)` holds for the hint (a `local` nondet: for some frame offset). */
export function implemented(h: LibraryHint, has: (code: string) => boolean): boolean {
  if (!h.localNondet) return has(h.code);
  for (let k = 0; k < 64; k++) if (has(h.code.replace('{k}', String(k)))) return true;
  return false;
}
