// The hint code strings a test can rely on: StarkWare's whitelists (../shared/corpus/hint-whitelists)
// and the hints of the corpus programs and examples, exactly as cairo-compile wrote them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT, shared } from './shared';

let cached: string[] | undefined;

/** Every distinct hint code string of the whitelists, the corpus programs and the examples. */
export function knownHintCodes(): string[] {
  if (cached) return cached;
  const codes = new Set<string>();
  const wl = shared('corpus', 'hint-whitelists');
  for (const f of readdirSync(wl).filter((f) => f.endsWith('.json')).sort()) {
    for (const e of JSON.parse(readFileSync(join(wl, f), 'utf8')).allowed_reference_expressions_for_hint) codes.add(e.hint_lines.join('\n'));
  }
  const files: string[] = [];
  const corpus = shared('corpus', 'cairo0');
  for (const d of readdirSync(corpus).sort()) {
    const p = join(corpus, d, 'program.json');
    files.push(existsSync(p) ? p : p + '.gz');
  }
  for (const f of readdirSync(join(ROOT, 'examples', 'build')).sort()) files.push(join(ROOT, 'examples', 'build', f));
  for (const f of files) {
    let bytes = readFileSync(f);
    if (f.endsWith('.gz')) bytes = gunzipSync(bytes);
    for (const list of Object.values<{ code: string }[]>(JSON.parse(bytes.toString('utf8')).hints ?? {})) for (const h of list) codes.add(h.code);
  }
  return (cached = [...codes]);
}

/** The one known hint code containing every fragment; fails when none or several match. */
export function hintCode(...fragments: string[]): string {
  const found = knownHintCodes().filter((c) => fragments.every((f) => c.includes(f)));
  if (found.length !== 1) throw new Error(`${found.length} known hints contain ${JSON.stringify(fragments)}`);
  return found[0];
}
