// --layout dynamic with --cairo_layout_params_file, against the live reference: the layout is
// the params' (ratios, rc units, memory units, diluted pool), so builtin usage, proof-mode
// padding and the AIR inputs follow them. Cairn's own programs run in both modes with the same
// params file; everything printed and written must be identical. Bad params files end with
// cairo-run's text. A Python hint (run by the bridge) sees the params' builtin runners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, basename } from 'node:path';
import { compileCairo, cairoRun, referencePython } from '../support/reference';
import { runCommand } from '../../src/cli/run';
import { parseRunArgs } from '../../src/cli/args';
import { readZip } from '../../src/runner/zip';
import { PROGRAMS } from './programs';

const PARAMS = {
  cpu_component_step: 1, rc_units: 4, memory_units_per_step: 8, log_diluted_units_per_step: 4,
  uses_pedersen_builtin: 1, pedersen_ratio: 32, uses_range_check_builtin: 1, range_check_ratio: 16,
  uses_ecdsa_builtin: 1, ecdsa_ratio: 2048, uses_bitwise_builtin: 1, bitwise_ratio: 64,
  uses_ec_op_builtin: 1, ec_op_ratio: 1024, uses_keccak_builtin: 0, keccak_ratio: 0,
  uses_poseidon_builtin: 1, poseidon_ratio: 32, uses_range_check96_builtin: 0, range_check96_ratio: 0,
  range_check96_ratio_den: 1, uses_add_mod_builtin: 0, add_mod_ratio: 0, add_mod_ratio_den: 1,
  uses_mul_mod_builtin: 0, mul_mod_ratio: 0, mul_mod_ratio_den: 1,
};

function cairn(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCommand(parseRunArgs(args), { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function paramsFile(params: unknown): string {
  const f = join(mkdtempSync(join(tmpdir(), 'cairn-dyn-')), 'params.json');
  writeFileSync(f, JSON.stringify(params));
  return f;
}

const normalize = (o: string, data: Buffer): string => {
  if (o === 'air_private_input' && data.length > 0) {
    const j = JSON.parse(data.toString());
    j.trace_path = basename(j.trace_path);
    j.memory_path = basename(j.memory_path);
    return JSON.stringify(j);
  }
  if (o === 'cairo_pie_output' && data.length > 0) return [...readZip(data)].map(([n, d]) => `${n}:${d.toString('hex')}`).join('\n');
  return data.toString('hex');
};

function difference(program: string, args: string[], outputs: string[], cairnOnly: string[] = []): string | undefined {
  const ref = cairoRun(program, args, outputs);
  const dir = mkdtempSync(join(tmpdir(), 'cairn-dyn-run-'));
  const mine = cairn(['--program', program, ...args, ...cairnOnly, ...outputs.flatMap((o) => [`--${o}`, join(dir, o)])]);
  if (mine.stdout !== ref.stdout) return `stdout: reference ${JSON.stringify(ref.stdout)}, Cairn ${JSON.stringify(mine.stdout)}`;
  if (mine.stderr !== ref.stderr) return `stderr: reference ${JSON.stringify(ref.stderr)}, Cairn ${JSON.stringify(mine.stderr)}`;
  if (mine.code !== ref.code) return `exit code ${mine.code} != ${ref.code}`;
  for (const o of outputs) {
    if ((ref.files[o] === undefined) !== !existsSync(join(dir, o))) return `${o}: written by only one of them`;
    if (ref.files[o] === undefined) continue;
    if (normalize(o, readFileSync(ref.files[o])) !== normalize(o, readFileSync(join(dir, o)))) return `${o} differs`;
  }
  return undefined;
}

test('the dynamic layout of a params file runs as in cairo-run, in both modes', { timeout: 15 * 60_000 }, () => {
  const params = paramsFile(PARAMS);
  const failures: string[] = [];
  let same = 0;
  let total = 0;
  const flags = ['--layout', 'dynamic', '--cairo_layout_params_file', params, '--print_output', '--print_info', '--print_segments'];
  for (const p of PROGRAMS.filter((x) => ['loop', 'output_rc', 'hashes', 'starknet_builtins'].includes(x.name))) {
    const normal = compileCairo(p.source, { name: `${p.name}.cairo` });
    const proof = compileCairo(p.source, { name: `${p.name}.cairo`, proofMode: true });
    for (const [label, program, args, outputs] of [
      [`${p.name} (dynamic)`, normal, flags, ['trace_file', 'memory_file', 'cairo_pie_output']],
      [`${p.name} (dynamic, proof mode)`, proof, [...flags, '--proof_mode'], ['trace_file', 'memory_file', 'air_public_input', 'air_private_input']],
    ] as [string, string, string[], string[]][]) {
      total++;
      const d = difference(program, args, outputs);
      if (d === undefined) same++;
      else failures.push(`${label}: ${d}`);
    }
  }
  console.log(`dynamic layout: ${same} of ${total} identical to cairo-run`);
  assert.deepEqual(failures, []);
});

test('params files CairoLayoutParams refuses end as in cairo-run', () => {
  const program = compileCairo(PROGRAMS[0].source, { name: `${PROGRAMS[0].name}.cairo` });
  const { pedersen_ratio: _drop, ...missing } = PARAMS;
  for (const bad of [{ ...PARAMS, extra_field: 3 }, missing, { ...PARAMS, uses_pedersen_builtin: 0 }]) {
    const args = ['--layout', 'dynamic', '--cairo_layout_params_file', paramsFile(bad)];
    const ref = cairoRun(program, args);
    const mine = cairn(['--program', program, ...args]);
    assert.equal(ref.code, 1);
    assert.equal(mine.code, 1);
    // A TypeError escapes cairo-run as a Python traceback: Cairn prints its last line.
    const expected = ref.stderr.startsWith('Traceback') ? `${ref.stderr.trimEnd().split('\n').pop()}\n` : ref.stderr;
    assert.equal(mine.stderr, expected, JSON.stringify(bad).slice(0, 80));
  }
});

// A hint only cairo-lang runs (the bridge) reads the builtin runners' ratios: the params' own.
const RATIOS = `
%builtins output pedersen range_check

func main(output_ptr: felt*, pedersen_ptr: felt*, range_check_ptr) -> (
    output_ptr: felt*, pedersen_ptr: felt*, range_check_ptr: felt
) {
    %{
        for name, r in sorted(builtin_runners.items()):
            print(name, getattr(r, 'ratio', None), r.included)
    %}
    assert [output_ptr] = 7;
    return (output_ptr=output_ptr + 1, pedersen_ptr=pedersen_ptr, range_check_ptr=range_check_ptr);
}
`;

test('Python hints see the dynamic layout of the params file, in both modes', { timeout: 5 * 60_000 }, () => {
  const params = paramsFile(PARAMS);
  const flags = ['--layout', 'dynamic', '--cairo_layout_params_file', params, '--print_output'];
  for (const proofMode of [false, true]) {
    const program = compileCairo(RATIOS, { name: 'ratios.cairo', proofMode });
    const args = proofMode ? [...flags, '--proof_mode'] : flags;
    assert.equal(difference(program, args, [], ['--python', referencePython()]), undefined, proofMode ? 'proof mode' : 'normal mode');
    assert.match(cairoRun(program, args).stdout, /pedersen_builtin 32 True\n/);
  }
});
