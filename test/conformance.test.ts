// The VM's scoreboard: every corpus program and every example, compared with the reference VM.
// A program may fail only if it is listed in conformance-known-gaps.json with the hint it lacks,
// and fails for exactly that reason; a listed program that now passes must leave the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusCases, exampleCases, runCase, compare, ROOT, Case } from './support/corpus';

const GAPS_FILE = join(ROOT, 'test', 'conformance-known-gaps.json');
const gaps: Record<string, string> = JSON.parse(readFileSync(GAPS_FILE, 'utf8'));

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
