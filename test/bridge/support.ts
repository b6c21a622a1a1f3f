// Differential runs for the Python hint bridge: a program of our own, compiled by the reference,
// run by cairo-run and by `cairn run` with the reference's Python as the bridge's interpreter;
// the two runs' exit code, printed text (hint prints, output, steps), error report, trace and
// memory files must be identical.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCairo, cairoRun, referenceBin } from '../support/reference';
import { shebangInterpreter } from '../../src/hints/bridge/find-python';
import { parseRunArgs } from '../../src/cli/args';
import { runCommand } from '../../src/cli/run';

export interface BridgeCase {
  source: string;
  input?: unknown;
  layout?: string;
  name?: string;
  /** Extra cairn flags (such as --no_python_hints). */
  cairnFlags?: string[];
}

export interface BothRuns {
  ref: { code: number; stdout: string; stderr: string; trace?: Buffer; memory?: Buffer };
  cairn: { code: number; stdout: string; stderr: string; trace?: Buffer; memory?: Buffer };
}

/** cairo-run prints `Number of steps: N (originally, N)`, Cairn `Number of steps: N `. */
export function normalize(text: string): string {
  return text.replace(/^(Number of steps: \d+) .*$/m, '$1');
}

/**
 * The bridge's interpreter as a user with the reference on the PATH gets it: cairo-run's `#!`
 * line (the same files as cairo-run's, so library frames of a traceback read the same).
 */
export function bridgePython(): string {
  const py = shebangInterpreter(join(referenceBin(), 'cairo-run'));
  assert.ok(py, 'cairo-run of the reference has no #! interpreter');
  return py;
}

export function runBoth(c: BridgeCase): BothRuns {
  const program = compileCairo(c.source, { name: c.name ?? 'prog.cairo' });
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bridge-test-'));
  try {
    const args = ['--layout', c.layout ?? 'small', '--print_output', '--print_info'];
    if (c.input !== undefined) {
      writeFileSync(join(dir, 'input.json'), JSON.stringify(c.input));
      args.push('--program_input', join(dir, 'input.json'));
    }
    const r = cairoRun(program, args, ['trace_file', 'memory_file']);
    const ref = {
      code: r.code, stdout: r.stdout, stderr: r.stderr,
      trace: r.files.trace_file ? readFileSync(r.files.trace_file) : undefined,
      memory: r.files.memory_file ? readFileSync(r.files.memory_file) : undefined,
    };
    let stdout = '';
    let stderr = '';
    const code = runCommand(
      parseRunArgs(['--program', program, ...args, '--trace_file', join(dir, 'trace'), '--memory_file', join(dir, 'memory'), '--python', bridgePython(), ...(c.cairnFlags ?? [])]),
      { out: (t) => (stdout += t), err: (t) => (stderr += t) },
    );
    const read = (f: string) => { try { return readFileSync(join(dir, f)); } catch { return undefined; } };
    return { ref, cairn: { code, stdout, stderr, trace: read('trace'), memory: read('memory') } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Both runs succeed with the same text, trace and memory. */
export function expectSameRun(c: BridgeCase): BothRuns {
  const b = runBoth(c);
  assert.equal(b.ref.code, 0, `cairo-run failed:\n${b.ref.stderr}`);
  assert.equal(b.cairn.code, 0, `cairn failed:\n${b.cairn.stderr}`);
  assert.equal(normalize(b.cairn.stdout), normalize(b.ref.stdout));
  assert.ok(b.ref.trace && b.cairn.trace && b.ref.trace.equals(b.cairn.trace), 'trace files differ');
  assert.ok(b.ref.memory && b.cairn.memory && b.ref.memory.equals(b.cairn.memory), 'memory files differ');
  return b;
}

/** Both runs fail with the same report (hint prints included). */
export function expectSameFailure(c: BridgeCase): BothRuns {
  const b = runBoth(c);
  assert.notEqual(b.ref.code, 0, 'cairo-run succeeded');
  assert.equal(b.cairn.code, b.ref.code);
  assert.equal(b.cairn.stdout, b.ref.stdout);
  assert.equal(b.cairn.stderr.trimEnd(), b.ref.stderr.trimEnd());
  return b;
}
