// Every hint code string of StarkWare's whitelists (and every hint a corpus program or example
// carries) must have an implementation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CORPUS, ROOT } from '../support/corpus';
import { findHint, normalizeHintCode } from '../../src/hints/hint';
import '../../src/hints/all';

function whitelistCodes(): Set<string> {
  const dir = join(CORPUS, 'hint-whitelists');
  const codes = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const e of JSON.parse(readFileSync(join(dir, f), 'utf8')).allowed_reference_expressions_for_hint) {
      codes.add(normalizeHintCode(e.hint_lines.join('\n')));
    }
  }
  return codes;
}

function programHintCodes(path: string): string[] {
  let bytes = readFileSync(path);
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  const j = JSON.parse(bytes.toString('utf8'));
  return Object.values<{ code: string }[]>(j.hints ?? {}).flat().map((h) => normalizeHintCode(h.code));
}

test('every whitelisted hint has an implementation', () => {
  const codes = [...whitelistCodes()];
  const missing = codes.filter((c) => findHint(c) === undefined);
  console.log(`hints: ${codes.length - missing.length} of ${codes.length} implemented`);
  assert.deepEqual(missing, []);
});

test('every hint used by a corpus program or an example has an implementation', () => {
  const files: string[] = [];
  for (const d of readdirSync(join(CORPUS, 'cairo0'))) {
    const p = join(CORPUS, 'cairo0', d, 'program.json');
    files.push(existsSync(p) ? p : p + '.gz');
  }
  for (const f of readdirSync(join(ROOT, 'examples', 'build'))) files.push(join(ROOT, 'examples', 'build', f));
  const all = new Set(files.flatMap(programHintCodes));
  const missing = [...all].filter((c) => findHint(c) === undefined);
  console.log(`program hints: ${all.size - missing.length} of ${all.size} implemented`);
  assert.deepEqual(missing, []);
});
