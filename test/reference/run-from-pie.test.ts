// --run_from_cairo_pie against the live reference: Cairn writes a PIE of each of its own
// programs, then cairo-run and Cairn both run that PIE (with the secure run, which checks the
// PIE the run makes against the one given) and must print the same output, info and segments
// and write the same trace and memory files. Cairn also runs cairo-run's own PIE of the program,
// and a tampered PIE fails in both with the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCairo, cairoRun } from '../support/reference';
import { runCommand } from '../../src/cli/run';
import { parseRunArgs } from '../../src/cli/args';
import { readZip, writeZip } from '../../src/runner/zip';
import { PROGRAMS } from './programs';
import { parsePreciseJson } from '../../src/runner/precise-json';
import { pyJson } from '../../src/runner/py-json';

const OUT = ['trace_file', 'memory_file'];

function cairn(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCommand(parseRunArgs(args), { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The first difference between cairo-run and Cairn running the PIE, or undefined. */
function difference(pie: string, layout: string): string | undefined {
  const args = ['--layout', layout, '--print_output', '--print_info', '--print_segments'];
  const ref = cairoRun(pie, args, OUT, { programFlag: '--run_from_cairo_pie' });
  const dir = mkdtempSync(join(tmpdir(), 'cairn-pie-run-'));
  const mine = cairn(['--run_from_cairo_pie', pie, ...args, ...OUT.flatMap((o) => [`--${o}`, join(dir, o)])]);
  if (mine.stdout !== ref.stdout) return `stdout: reference ${JSON.stringify(ref.stdout)}, Cairn ${JSON.stringify(mine.stdout)}`;
  if (mine.stderr !== ref.stderr) return `stderr: reference ${JSON.stringify(ref.stderr)}, Cairn ${JSON.stringify(mine.stderr)}`;
  if (mine.code !== ref.code) return `exit code ${mine.code} != ${ref.code}`;
  if (ref.code !== 0) return `the reference failed: ${ref.stderr}`;
  for (const o of OUT) if (!readFileSync(ref.files[o]).equals(readFileSync(join(dir, o)))) return `${o} differs`;
  return undefined;
}

test('cairo-run and Cairn run Cairn\'s PIEs (and Cairn runs cairo-run\'s) identically', { timeout: 10 * 60_000 }, () => {
  const failures: string[] = [];
  let same = 0;
  let total = 0;
  for (const p of PROGRAMS.filter((x) => ['loop', 'output_rc', 'hashes', 'starknet_builtins'].includes(x.name))) {
    const layout = p.layouts[0];
    const program = compileCairo(p.source, { name: `${p.name}.cairo` });
    const dir = mkdtempSync(join(tmpdir(), 'cairn-pie-'));
    const pie = join(dir, 'cairn.zip');
    const made = cairn(['--program', program, '--layout', layout, '--cairo_pie_output', pie]);
    assert.equal(made.code, 0, made.stderr);
    const theirs = cairoRun(program, ['--layout', layout], ['cairo_pie_output']).files.cairo_pie_output;
    for (const [label, file] of [[`${p.name} (Cairn's PIE)`, pie], [`${p.name} (cairo-run's PIE)`, theirs]]) {
      total++;
      const d = difference(file, layout);
      if (d === undefined) same++;
      else failures.push(`${label}: ${d}`);
    }
  }
  console.log(`run_from_cairo_pie: ${same} of ${total} identical to cairo-run`);
  assert.deepEqual(failures, []);
});

test('a PIE that claims more steps than its run takes fails as in cairo-run', () => {
  const p = PROGRAMS.find((x) => x.name === 'output_rc')!;
  const program = compileCairo(p.source, { name: `${p.name}.cairo` });
  const dir = mkdtempSync(join(tmpdir(), 'cairn-pie-bad-'));
  const pie = join(dir, 'good.zip');
  assert.equal(cairn(['--program', program, '--layout', 'small', '--cairo_pie_output', pie]).code, 0);
  const entries = readZip(readFileSync(pie));
  // The resources claim one step more than the run takes.
  const res = JSON.parse(entries.get('execution_resources.json')!.toString());
  res.n_steps += 1;
  const bad = join(dir, 'bad.zip');
  writeFileSync(bad, writeZip([...entries].map(([n, d]) => [n, n === 'execution_resources.json' ? Buffer.from(JSON.stringify(res).replace(/,/g, ', ').replace(/:/g, ': ')) : d])));
  const ref = cairoRun(bad, ['--layout', 'small'], [], { programFlag: '--run_from_cairo_pie' });
  const mine = cairn(['--run_from_cairo_pie', bad, '--layout', 'small']);
  assert.notEqual(ref.code, 0);
  assert.equal(mine.code, ref.code);
  assert.equal(mine.stderr, ref.stderr);
  assert.match(mine.stderr, /Execution reached the end of the program/);
});

test('a file that is no PIE, and a PIE that fails its validity checks, end as in cairo-run', () => {
  const p = PROGRAMS.find((x) => x.name === 'output_rc')!;
  const program = compileCairo(p.source, { name: `${p.name}.cairo` });
  const dir = mkdtempSync(join(tmpdir(), 'cairn-pie-bad-'));
  const pie = join(dir, 'good.zip');
  assert.equal(cairn(['--program', program, '--layout', 'small', '--cairo_pie_output', pie]).code, 0);
  const entries = readZip(readFileSync(pie));
  const meta = parsePreciseJson(entries.get('metadata.json')!.toString()) as { ret_fp_segment: { size: number } };
  meta.ret_fp_segment.size = 3;
  const bad = join(dir, 'bad.zip');
  writeFileSync(bad, writeZip([...entries].map(([n, d]) => [n, n === 'metadata.json' ? Buffer.from(pyJson(meta)) : d])));
  for (const file of [program, bad]) {
    const ref = cairoRun(file, ['--layout', 'small'], [], { programFlag: '--run_from_cairo_pie' });
    const mine = cairn(['--run_from_cairo_pie', file, '--layout', 'small']);
    assert.equal(ref.code, 1);
    assert.equal(mine.code, 1);
    // cairo-run lets the CairoRunError escape: Python's traceback, then the line Cairn prints.
    assert.equal(mine.stderr, `${ref.stderr.trimEnd().split('\n').pop()}\n`);
  }
});
