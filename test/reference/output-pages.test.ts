// Output builtin pages and attributes against the live reference: a program of our own whose
// hint (run in cairo-lang by the bridge, as cairo-run runs it) calls output_builtin.add_page and
// add_attribute as program_input says. The PIE's additional data, the AIR public input's pages,
// a rerun of cairo-run's PIE (its pages loaded back) and the errors of bad pages (a page given
// twice in the hint; overlapping and out-of-bounds pages when proof mode finalizes) must all be
// identical to cairo-run's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCairo, cairoRun, referencePython } from '../support/reference';
import { runCommand } from '../../src/cli/run';
import { parseRunArgs } from '../../src/cli/args';
import { readZip } from '../../src/runner/zip';

const SOURCE = `
%builtins output

func main(output_ptr: felt*) -> (output_ptr: felt*) {
    assert output_ptr[0] = 10;
    assert output_ptr[1] = 11;
    assert output_ptr[2] = 12;
    assert output_ptr[3] = 13;
    assert output_ptr[4] = 14;
    %{
        for page_id, start, size in program_input.get('pages', []):
            output_builtin.add_page(page_id=page_id, page_start=ids.output_ptr + start, page_size=size)
        for name, value in program_input.get('attributes', []):
            output_builtin.add_attribute(name, value)
    %}
    return (output_ptr=output_ptr + 5);
}
`;

const dir = mkdtempSync(join(tmpdir(), 'cairn-pages-'));

function input(name: string, value: unknown): string {
  const f = join(dir, `${name}.json`);
  writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
  return f;
}

// Attribute keys like "1" keep their place, big integers every digit.
const OK = input('ok', `{"pages": [[3, 3, 2], [1, 1, 2]], "attributes": [["gps_fact_topology", [2, 1, 0, 2]],
  ["note", {"z": 1, "2": ["x", 1606938044258990275541962092341162602522202993782792835301376]}], ["1", null]]}`);

function cairn(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const all = [...args, '--python', referencePython()];
  const code = runCommand(parseRunArgs(all), { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function sameText(ref: { code: number; stdout: string; stderr: string }, mine: { code: number; stdout: string; stderr: string }, label: string): void {
  assert.equal(mine.stdout, ref.stdout, `${label}: stdout`);
  assert.equal(mine.stderr, ref.stderr, `${label}: stderr`);
  assert.equal(mine.code, ref.code, `${label}: exit code`);
}

const entries = (file: string) => [...readZip(readFileSync(file))].map(([n, d]) => `${n}: ${d.toString('hex')}`);

test('pages and attributes go into the PIE as in cairo-run, and its PIE runs again', () => {
  const program = compileCairo(SOURCE, { name: 'pages.cairo' });
  const args = ['--layout', 'small', '--print_output', '--program_input', OK];
  const ref = cairoRun(program, args, ['cairo_pie_output']);
  const pie = join(dir, 'cairn.zip');
  const mine = cairn(['--program', program, ...args, '--cairo_pie_output', pie]);
  sameText(ref, mine, 'PIE run');
  assert.match(readZip(readFileSync(pie)).get('additional_data.json')!.toString(), /"pages": \{"1": \[1, 2\], "3": \[3, 2\]\}, "attributes": \{"gps_fact_topology"/);
  assert.deepEqual(entries(pie), entries(ref.files.cairo_pie_output));

  // The PIE's pages are loaded back (and the secure run compares them with the run's).
  const rerun = ['--layout', 'small', '--print_output'];
  sameText(cairoRun(ref.files.cairo_pie_output, rerun, [], { programFlag: '--run_from_cairo_pie' }), cairn(['--run_from_cairo_pie', ref.files.cairo_pie_output, ...rerun]), 'PIE rerun');
});

test('pages go into the AIR public input as in cairo-run; bad pages fail as in cairo-run', () => {
  const program = compileCairo(SOURCE, { name: 'pages.cairo', proofMode: true });
  const args = ['--layout', 'small', '--proof_mode', '--program_input', OK];
  const ref = cairoRun(program, args, ['air_public_input']);
  const pub = join(dir, 'public.json');
  const mine = cairn(['--program', program, ...args, '--air_public_input', pub]);
  sameText(ref, mine, 'proof run');
  const text = readFileSync(pub, 'utf8');
  assert.match(text, /"value": "0xd",\n\s+"page": 3/);
  assert.equal(text, readFileSync(ref.files.air_public_input, 'utf8'));

  for (const [name, pages] of [['twice', [[1, 1, 2], [1, 3, 2]]], ['overlap', [[1, 1, 2], [2, 2, 2]]], ['outside', [[1, 4, 2]]]] as const) {
    const bad = ['--layout', 'small', '--proof_mode', '--program_input', input(name, { pages })];
    const r = cairoRun(program, bad);
    assert.equal(r.code, 1, r.stderr);
    sameText(r, cairn(['--program', program, ...bad]), name);
  }
});
