// Differential test against the installed reference (cairo-lang 0.14.0.1's cairo-run): Cairn's
// own Cairo programs, compiled by cairo-compile (with --proof_mode for proof runs), run by both
// with the same flags. Everything must be identical: stdout, stderr, exit code, the trace and
// memory files, the Cairo PIE (entry by entry) and the debug info file in normal mode, and in
// proof mode the AIR public and private inputs (the private input names each run's own trace and
// memory paths, so those two fields are compared by file name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { compileCairo, cairoRun } from '../support/reference';
import { runCommand } from '../../src/cli/run';
import { parseRunArgs } from '../../src/cli/args';
import { PROGRAMS } from './programs';
import { readZip } from '../../src/runner/zip';

interface Case {
  label: string;
  mode: 'normal' | 'proof';
  program: string;
  args: string[];
  outputs: string[];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const p of PROGRAMS) {
    const normal = compileCairo(p.source, { name: `${p.name}.cairo` });
    for (const layout of p.layouts) {
      out.push({
        label: `${p.name} (${layout})`, mode: 'normal', program: normal,
        args: ['--layout', layout, '--print_output', '--print_info', '--print_segments', ...(p.flags ?? []), ...(p.normalFlags ?? [])],
        outputs: ['trace_file', 'memory_file', 'cairo_pie_output', 'debug_info_file'],
      });
    }
    if (p.proofLayouts.length === 0) continue;
    const proof = compileCairo(p.source, { name: `${p.name}.cairo`, proofMode: true });
    for (const layout of p.proofLayouts) {
      out.push({
        label: `${p.name} (${layout}, proof mode)`, mode: 'proof', program: proof,
        args: ['--layout', layout, '--proof_mode', '--print_output', '--print_info', '--print_segments', ...(p.flags ?? [])],
        outputs: ['trace_file', 'memory_file', 'air_public_input', 'air_private_input'],
      });
    }
  }
  return out;
}

/** The private input with its two paths reduced to file names (each run writes its own). */
function privateInput(text: string): string {
  if (text === '') return text; // a failed run leaves the file empty
  const j = JSON.parse(text);
  j.trace_path = basename(j.trace_path);
  j.memory_path = basename(j.memory_path);
  return JSON.stringify(j, null, 4);
}

/** PIE zips are compared entry by entry, by content (the zip bytes hold timestamps and packing). */
function pieDifference(theirs: Buffer, mine: Buffer): string | undefined {
  if (theirs.length === 0 || mine.length === 0) return theirs.length === mine.length ? undefined : 'only one of them is empty';
  const a = readZip(theirs);
  const b = readZip(mine);
  if ([...a.keys()].join() !== [...b.keys()].join()) return `entries ${[...b.keys()]} != ${[...a.keys()]}`;
  for (const [name, data] of a) if (!data.equals(b.get(name)!)) return `${name} differs`;
  return undefined;
}

/** The first difference between the reference and Cairn, or undefined when identical. */
function difference(c: Case): string | undefined {
  const ref = cairoRun(c.program, c.args, c.outputs);
  const dir = mkdtempSync(join(tmpdir(), 'cairn-diff-'));
  let stdout = '';
  let stderr = '';
  const files = c.outputs.flatMap((o) => [`--${o}`, join(dir, o)]);
  const code = runCommand(parseRunArgs(['--program', c.program, ...c.args, ...files]), { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  const firstLine = (a: string, b: string) => {
    const x = a.split('\n');
    const y = b.split('\n');
    const i = x.findIndex((l, k) => l !== y[k]);
    return `line ${i + 1}: reference ${JSON.stringify(x[i])}, Cairn ${JSON.stringify(y[i])}`;
  };
  if (ref.stdout !== stdout) return `stdout ${firstLine(ref.stdout, stdout)}`;
  if (ref.stderr !== stderr) return `stderr ${firstLine(ref.stderr, stderr)}`;
  if (ref.code !== code) return `exit code ${code} != ${ref.code}`;
  for (const o of c.outputs) {
    const theirs = ref.files[o];
    const mine = join(dir, o);
    if ((theirs === undefined) !== !existsSync(mine)) return `${o}: written by only one of them`;
    if (theirs === undefined) continue;
    if (o === 'cairo_pie_output') {
      const d = pieDifference(readFileSync(theirs), readFileSync(mine));
      if (d !== undefined) return `${o}: ${d}`;
    } else if (o === 'air_private_input') {
      const a = privateInput(readFileSync(theirs, 'utf8'));
      const b = privateInput(readFileSync(mine, 'utf8'));
      if (a !== b) return `${o} ${firstLine(a, b)}`;
    } else if (!readFileSync(theirs).equals(readFileSync(mine))) {
      return o.startsWith('air') ? `${o} ${firstLine(readFileSync(theirs, 'utf8'), readFileSync(mine, 'utf8'))}` : `${o} differs`;
    }
  }
  return undefined;
}

test('Cairn and the reference cairo-run are identical on Cairn\'s own programs, in both modes', { timeout: 15 * 60_000 }, () => {
  const all = cases();
  const failures: string[] = [];
  for (const mode of ['normal', 'proof'] as const) {
    const mine = all.filter((c) => c.mode === mode);
    let same = 0;
    for (const c of mine) {
      const d = difference(c);
      if (d === undefined) same++;
      else failures.push(`${c.label}: ${d}`);
    }
    console.log(`reference: ${same} of ${mine.length} identical (${mode} mode)`);
  }
  assert.deepEqual(failures, []);
});
