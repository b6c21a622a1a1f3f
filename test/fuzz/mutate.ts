// Deterministic mutations of real compiled programs (the examples and corpus programs) for the
// CLI fuzz test: case i of seed s is always the same input. A mutation targets one section of
// the program (debug_info, reference_manager, hints and their flow-tracking data, identifiers,
// data, builtins, attributes, the top level) or the text itself (truncated JSON, flipped bytes).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT, shared } from '../support/shared';

/** A small, fast PRNG (mulberry32): the same seed gives the same cases on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Seed {
  name: string;
  text: string;
  layout: string;
}

/** Corpus programs that run in milliseconds: hints of most families, builtins, failing runs. */
const CORPUS_SEEDS = [
  'dict_squash', 'assert_nn', 'bigint', 'compare_greater_array', 'keccak_add_uint256', 'ec_recover', 'pointers',
  'integration', 'poseidon_hash', 'memset', 'is_zero_pack', 'find_element',
  'bad_dict_update', 'bad_usort', 'error_msg_attr', 'ec_op_not_in_curve',
];

let cachedSeeds: Seed[] | undefined;
export function seeds(): Seed[] {
  if (cachedSeeds) return cachedSeeds;
  const out: Seed[] = [];
  const ex = join(ROOT, 'examples', 'build');
  for (const f of readdirSync(ex).sort()) {
    const name = f.replace(/\.json$/, '');
    const layout = JSON.parse(readFileSync(join(ROOT, 'examples', 'expected', name, 'expected.json'), 'utf8')).layout;
    out.push({ name: `examples/${name}`, text: readFileSync(join(ex, f), 'utf8'), layout });
  }
  for (const name of CORPUS_SEEDS) {
    const dir = shared('corpus', 'cairo0', name);
    const p = join(dir, 'program.json');
    const text = existsSync(p) ? readFileSync(p, 'utf8') : gunzipSync(readFileSync(p + '.gz')).toString('utf8');
    out.push({ name: `corpus/${name}`, text, layout: 'starknet_with_keccak' });
  }
  return (cachedSeeds = out);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ODD_VALUES: Json[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 4294967296, '', '0x', '0xg1', '-0x1', '0x' + 'f'.repeat(80),
  '1'.repeat(100), 'NaN', '__main__', '[ap + (-1)]', '[cast(fp + (-3), felt*)]', 'cast([fp], felt**)', '[[fp + 1000000]]',
  '((', 'felt*****', '%{ %}', 'x'.repeat(500), [], [null], [[]], {}, { type: 'function' }, { a: null },
  { group: -1, offset: 'x' }, { ap_tracking: null }, { start_line: null },
];

/** The top-level section a mutation aims at, with its weight. */
const SECTIONS: [string, number][] = [
  ['debug_info', 5], ['reference_manager', 3], ['hints', 5], ['identifiers', 5], ['data', 3], ['builtins', 2],
  ['attributes', 2], ['prime', 1], ['main_scope', 1], ['compiler_version', 1], ['', 1],
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function pickSection(r: () => number): string {
  const total = SECTIONS.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [name, w] of SECTIONS) if ((x -= w) < 0) return name;
  return '';
}

function children(v: Json): (string | number)[] {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (v !== null && typeof v === 'object') return Object.keys(v);
  return [];
}

/** A random value of another kind, sometimes one that looks almost right. */
function oddValue(r: () => number, old: Json): Json {
  if (r() < 0.15 && typeof old === 'number') return pick(r, [old + 2 ** 40, -old - 1, old * 1e300, old + 0.5]);
  if (r() < 0.15 && typeof old === 'string') return old.slice(0, Math.floor(r() * old.length));
  return structuredClone(pick(r, ODD_VALUES));
}

/** A value of the same kind that still passes a shape check but may mean nonsense. */
function sameKind(r: () => number, old: Json, strings: string[]): Json {
  if (typeof old === 'number') return pick(r, [0, 1, old + 1, old - 1, Math.floor(r() * 1000), 2 ** 31, 2 ** 40, Math.floor(r() * 20)]);
  if (typeof old === 'string') {
    if (/^0x[0-9a-f]+$/i.test(old)) return '0x' + Math.floor(r() * 2 ** 52).toString(16);
    return r() < 0.6 ? pick(r, strings) : pick(r, ODD_VALUES.filter((v): v is string => typeof v === 'string'));
  }
  if (Array.isArray(old)) return r() < 0.5 ? old.slice(0, Math.floor(r() * old.length)) : [...old].reverse();
  if (old !== null && typeof old === 'object') {
    const copy = { ...old };
    const ks = Object.keys(copy);
    if (ks.length > 0) delete copy[pick(r, ks)];
    return copy;
  }
  return old;
}

/** Some of the program's own strings (names, types, expressions, hint code). */
function harvest(r: () => number, v: Json, out: string[]): void {
  if (typeof v === 'string') {
    if (out.length < 300 && r() < 0.05) out.push(v);
  } else if (Array.isArray(v)) v.forEach((x) => harvest(r, x, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
    if (out.length < 300 && r() < 0.02) out.push(k);
    harvest(r, x, out);
  }
}

/** One mutation somewhere under a section: replace, delete, wrap, empty, or duplicate. */
function mutateTree(r: () => number, root: { [k: string]: Json }, strings: string[]): string {
  const section = pickSection(r);
  let parent: Json = root;
  let key: string | number = section;
  const path: (string | number)[] = [];
  if (section === '') {
    key = pick(r, Object.keys(root));
  }
  path.push(key);
  // Walk down a random number of levels.
  for (let depth = Math.floor(r() * 8); depth > 0; depth--) {
    const here: Json = (parent as Record<string, Json>)[key as string];
    const ks = children(here);
    if (ks.length === 0) break;
    parent = here;
    key = pick(r, ks);
    path.push(key);
  }
  const container = parent as Record<string | number, Json>;
  const old = container[key];
  const op = r();
  if (op < 0.45) container[key] = sameKind(r, old, strings);
  else if (op < 0.55 && !Array.isArray(container)) delete container[key];
  else if (op < 0.3) container[key] = Array.isArray(old) ? [] : old !== null && typeof old === 'object' ? {} : oddValue(r, old);
  else if (op < 0.38) container[key] = [old];
  else if (op < 0.45 && Array.isArray(old) && old.length > 0) old.push(old[0]);
  else container[key] = oddValue(r, old);
  return path.join('.');
}

/** Case i: a seed program and what was done to it. */
export function makeCase(seed: number, i: number): { seed: Seed; text: string; what: string } {
  const r = rng(seed * 1_000_003 + i);
  const all = seeds();
  const s = all[i % all.length];
  const kind = r();
  if (kind < 0.08) {
    const cut = Math.floor(r() * s.text.length);
    return { seed: s, text: s.text.slice(0, cut), what: `truncated at ${cut}` };
  }
  if (kind < 0.14) {
    const chars = s.text.split('');
    const n = 1 + Math.floor(r() * 5);
    for (let k = 0; k < n; k++) chars[Math.floor(r() * chars.length)] = pick(r, ['"', '{', ']', ',', '0', 'x', '\\', '\u0000', '9']);
    return { seed: s, text: chars.join(''), what: `${n} bytes changed` };
  }
  // Big constants stay exact as text (the loader reads them the same way).
  const j = JSON.parse(s.text.replace(/("value":\s*)(-?\d{16,})/g, '$1"$2"')) as { [k: string]: Json };
  const n = 1 + Math.floor(r() * 3);
  const paths: string[] = [];
  const strings: string[] = ['main', '__main__.main', 'felt', 'felt*'];
  harvest(r, j, strings);
  for (let k = 0; k < n; k++) paths.push(mutateTree(r, j, strings));
  return { seed: s, text: JSON.stringify(j), what: paths.join(' ; ') };
}
