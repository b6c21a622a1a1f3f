// cairo-run's flags that change how a run goes (steps, min steps, no end, secure run, missing
// builtins, debug error, show trace, flavor), one case each on Cairn's own programs against the
// live reference: stdout, stderr, exit code and the trace and memory files must be identical
// (an error cairo-run lets escape as a Python traceback: its last line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCairo, cairoRun } from '../support/reference';
import { runCommand } from '../../src/cli/run';
import { parseRunArgs } from '../../src/cli/args';
import { PROGRAMS } from './programs';

const OUT = ['trace_file', 'memory_file'];

function program(name: string, proofMode = false): string {
  const p = PROGRAMS.find((x) => x.name === name)!;
  return compileCairo(p.source, { name: `${name}.cairo`, proofMode });
}

// [what, program, flags]
const CASES: [string, () => string, string[]][] = [
  ['--steps past the end', () => program('loop'), ['--steps', '200']],
  ['--steps before the end', () => program('loop'), ['--steps', '10']],
  ['--min_steps', () => program('loop'), ['--min_steps', '100', '--print_info']],
  ['--no_end --steps', () => program('loop'), ['--no_end', '--steps', '20', '--print_info']],
  ['--no_end alone', () => program('loop'), ['--no_end']],
  ['--steps with --min_steps', () => program('loop'), ['--steps', '5', '--min_steps', '3']],
  ['--proof_mode --steps (no padding)', () => program('loop', true), ['--proof_mode', '--steps', '200', '--print_info']],
  ['--proof_mode --secure_run', () => program('output_rc', true), ['--proof_mode', '--secure_run', '--layout', 'small', '--print_output']],
  ['--no_secure_run', () => program('output_rc'), ['--no_secure_run', '--layout', 'small', '--print_output']],
  ['--allow_missing_builtins', () => program('output_rc'), ['--allow_missing_builtins', '--layout', 'plain', '--print_output']],
  ['--allow_missing_builtins False', () => program('output_rc', true), ['--proof_mode', '--allow_missing_builtins', 'False', '--layout', 'plain']],
  ['--debug_error', () => program('assert_fail'), ['--debug_error', '--print_info']],
  ['--show_trace --flavor Release', () => program('loop'), ['--show_trace', '--flavor', 'Release', '--print_output']],
];

/**
 * A Python set of strings printed by cairo-run ("Builtins {'range_check', 'output'} are not
 * present") comes out in the order of that process's string hashes, which Python salts anew in
 * each process: the reference itself prints either order. Both texts list such sets sorted.
 */
function sortedSets(text: string): string {
  return text.replace(/\{('[^']*'(?:, '[^']*')+)\}/g, (_, items: string) => `{${items.split(', ').sort().join(', ')}}`);
}

test('a set printed by Python is compared whatever order this process hashed it in', () => {
  assert.equal(sortedSets("Builtins {'range_check', 'output'} x"), sortedSets("Builtins {'output', 'range_check'} x"));
  assert.notEqual(sortedSets("Builtins {'range_check', 'output'} x"), sortedSets("Builtins {'output', 'pedersen'} x"));
});

test('flags that change a run behave as in cairo-run', { timeout: 10 * 60_000 }, () => {
  const failures: string[] = [];
  for (const [what, prog, flags] of CASES) {
    const p = prog();
    const ref = cairoRun(p, flags, OUT);
    const dir = mkdtempSync(join(tmpdir(), 'cairn-run-flags-'));
    let stdout = '';
    let stderr = '';
    const code = runCommand(parseRunArgs(['--program', p, ...flags, ...OUT.flatMap((o) => [`--${o}`, join(dir, o)])]), { out: (t) => (stdout += t), err: (t) => (stderr += t) });
    const diffs: string[] = [];
    if (stdout !== ref.stdout) diffs.push(`stdout ${JSON.stringify(ref.stdout)} != ${JSON.stringify(stdout)}`);
    // An error that escapes cairo-run as a Python traceback: Cairn prints its last line.
    const expected = ref.stderr.startsWith('Traceback') ? `${ref.stderr.trimEnd().split('\n').pop()}\n` : ref.stderr;
    if (sortedSets(stderr) !== sortedSets(expected)) diffs.push(`stderr ${JSON.stringify(ref.stderr)} != ${JSON.stringify(stderr)}`);
    if (code !== ref.code) diffs.push(`exit code ${ref.code} != ${code}`);
    for (const o of OUT) {
      const theirs = ref.files[o] === undefined ? '' : readFileSync(ref.files[o]).toString('hex');
      const mine = existsSync(join(dir, o)) ? readFileSync(join(dir, o)).toString('hex') : '';
      if (theirs !== mine) diffs.push(`${o} differs`);
    }
    if (diffs.length > 0) failures.push(`${what}: ${diffs.join('; ')}`);
  }
  console.log(`run flags: ${CASES.length - failures.length} of ${CASES.length} identical to cairo-run`);
  assert.deepEqual(failures, []);
});
