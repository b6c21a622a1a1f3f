// The one place tests find the shared data that sits beside the checkout (`../shared/`, as the
// README says): the reference corpus, the real-world programs, the examples written for Cairn.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const ROOT = resolve(__dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');

/** A path under ../shared; fails loudly (no silent skip) when the folder is not there. */
export function shared(...parts: string[]): string {
  if (!existsSync(SHARED)) throw new Error(`the shared test data is missing: expected ${SHARED} beside the checkout`);
  return join(SHARED, ...parts);
}

export const CORPUS_DIR = () => shared('corpus');
export const REALWORLD_DIR = () => shared('realworld');

/**
 * A real-world program as plain JSON (cairo-run does not read gzip), unpacked once into a
 * temporary folder; written under another name and renamed, so two test files running at once
 * never read half a file.
 */
export function realworldProgram(id: string): string {
  const dir = join(tmpdir(), 'cairn-realworld');
  mkdirSync(dir, { recursive: true });
  const p = join(dir, `${id}.json`);
  if (!existsSync(p)) {
    const part = `${p}.${process.pid}`;
    writeFileSync(part, gunzipSync(readFileSync(shared('realworld', 'progs', id, 'program.json.gz'))));
    renameSync(part, p);
  }
  return p;
}
