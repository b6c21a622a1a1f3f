// The VM's scoreboard: every corpus program and every example, compared with the reference VM.
// A program may fail only if it is listed in conformance-known-gaps.json with the hint it lacks,
// and fails for exactly that reason; a listed program that now passes must leave the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { cairoRun } from './support/reference';
import { corpusCases, exampleCases, runCase, compare, ROOT, Case } from './support/corpus';

const GAPS_FILE = join(ROOT, 'test', 'conformance-known-gaps.json');
const gaps: Record<string, string> = JSON.parse(readFileSync(GAPS_FILE, 'utf8'));

/** Error programs whose text differs from cairo-run's, and why (each must still differ). */
const KNOWN_TEXT_GAPS: Record<string, string> = {
  // Python 3.9 (the installed reference) says "integer division or modulo by zero"; the corpus was
  // recorded where Python said "integer modulo by zero", and Cairn's hints print the corpus's text.
  ec_recover_div_mod_n_packed_n_zero: 'ZeroDivisionError message of another Python version',
  ec_recover_product_mod_m_zero: 'ZeroDivisionError message of another Python version',
};

function missingHint(error: string | undefined): string | undefined {
  const m = /Unknown hint \(Cairn has no implementation for it\) at pc=[^\n]*\n%\{\n([^\n]*)/.exec(error ?? '');
  return m ? m[1].trim() : undefined;
}

test('conformance with the reference VM', { timeout: 14 * 60_000 }, () => {
  const cases: Case[] = [...exampleCases(), ...corpusCases()].filter((c) => c.expected.status !== 'timeout');
  let matched = 0;
  const byCause = new Map<string, string[]>();
  const unexpected: string[] = [];
  const newGaps: Record<string, string> = {};
  for (const c of cases) {
    const outcome = runCase(c);
    const causes = compare(c.expected, outcome);
    if (causes.length === 0) {
      matched++;
      if (c.name in gaps) unexpected.push(`${c.name}: passes now, remove it from conformance-known-gaps.json`);
      continue;
    }
    const hint = missingHint(outcome.error);
    const cause = hint !== undefined ? `missing hint: ${hint}` : causes[0].replace(/\d+/g, 'N').slice(0, 80);
    byCause.set(cause, [...(byCause.get(cause) ?? []), c.name]);
    if (hint !== undefined) newGaps[c.name] = hint;
    if (!(c.name in gaps) || hint === undefined) unexpected.push(`${c.name}: ${causes.join('; ').slice(0, 300)}`);
  }
  console.log(`conformance: ${matched} of ${cases.length} match`);
  for (const [cause, names] of [...byCause].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${names.length} x ${cause}: ${names.join(', ')}`);
  }
  if (process.env.UPDATE_KNOWN_GAPS === '1') writeFileSync(GAPS_FILE, JSON.stringify(newGaps, null, 2) + '\n');
  assert.deepEqual(unexpected, [], 'mismatches outside the known gaps');
});

/**
 * cairo-run's own Python stack (frames in files of its install, by absolute path) is not part of
 * what a drop-in can print. A run that ends in an uncaught Python exception is compared by the
 * exception's text (after the last frame); in a hint's traceback, frames inside cairo-lang's
 * Python are left out. Everything else is compared as printed.
 */
function withoutPythonInternals(stderr: string): string {
  const lines = stderr.split('\n');
  if (/^Traceback \(most recent call last\):\n {2}File "\//.test(stderr)) {
    let i = lines.map((l) => l.startsWith('  File ')).lastIndexOf(true) + 1;
    if (lines[i]?.startsWith('    ')) i++;
    return lines.slice(i).join('\n');
  }
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('  File "/')) {
      if (lines[i + 1]?.startsWith('    ')) i++;
      continue;
    }
    out.push(lines[i]);
  }
  return out.join('\n');
}

test('error runs print the whole text cairo-run prints, line by line', { timeout: 10 * 60_000 }, () => {
  const cases = [...exampleCases(), ...corpusCases()].filter((c) => c.expected.status === 'error');
  const dir = mkdtempSync(join(tmpdir(), 'cairn-errors-'));
  let same = 0;
  const differing: string[] = [];
  for (const c of cases) {
    let program = c.programPath;
    if (program.endsWith('.gz')) {
      program = join(dir, `${c.name.replace(/\W/g, '_')}.json`);
      writeFileSync(program, gunzipSync(readFileSync(c.programPath)));
    }
    // Both read source files from the program's folder, as a user running it there would.
    const ref = cairoRun(program, ['--layout', c.expected.layout], [], { cwd: dirname(c.programPath) });
    const expected = withoutPythonInternals(ref.stderr);
    const mine = (runCase(c).error ?? '') + '\n';
    if (mine === expected) {
      same++;
      continue;
    }
    const a = expected.split('\n');
    const b = mine.split('\n');
    const i = a.findIndex((l, k) => l !== b[k]);
    differing.push(`${c.name}: line ${i + 1}: cairo-run ${JSON.stringify(a[i])}, Cairn ${JSON.stringify(b[i])}`);
  }
  console.log(`error texts: ${same} of ${cases.length} identical to cairo-run`);
  for (const d of differing) console.log(`  ${d}`);
  assert.deepEqual(differing.filter((d) => !(d.split(':')[0] in KNOWN_TEXT_GAPS)), []);
  for (const name of Object.keys(KNOWN_TEXT_GAPS)) {
    assert.ok(differing.some((d) => d.startsWith(`${name}:`)), `${name} matches now: remove it from KNOWN_TEXT_GAPS`);
  }
});
