// The one place tests find the shared data that sits beside the checkout (`../shared/`, as the
// README says): the reference corpus, the real-world programs, the examples written for Cairn.
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const SHARED = resolve(ROOT, '../shared');

/** A path under ../shared; fails loudly (no silent skip) when the folder is not there. */
export function shared(...parts: string[]): string {
  if (!existsSync(SHARED)) throw new Error(`the shared test data is missing: expected ${SHARED} beside the checkout`);
  return join(SHARED, ...parts);
}

export const CORPUS_DIR = () => shared('corpus');
export const REALWORLD_DIR = () => shared('realworld');
