// The assertion every hint family's program tests share: a corpus program (or an example) run
// through Cairn must match the reference run byte for byte (status, output, steps, registers,
// trace and memory), and an error program must also end with the reference's exception line.
// expectReferenceMatch does the same for a source of the project's own, against a live cairo-run.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { corpusCases, exampleCases, runCase, compare, Case, Expected, Outcome } from './corpus';
import { compileCairo, cairoRun, referencePython, CompileOptions, RefRun } from './reference';

let cases: Map<string, Case> | undefined;

/** A case by name: a corpus program (`uint384`) or an example (`examples/structs`). */
export function findCase(name: string): Case {
  cases ??= new Map<string, Case>([...exampleCases(), ...corpusCases()].map((c) => [c.name, c]));
  const c = cases.get(name);
  assert.ok(c, `corpus program ${name} not found`);
  return c;
}

/**
 * Runs the program and asserts it matches the reference run. With `status`, the reference run
 * must also have ended with that status.
 */
export function expectMatch(name: string, opts: { status?: 'ok' | 'error' } = {}): void {
  const c = findCase(name);
  if (opts.status !== undefined) assert.equal(c.expected.status, opts.status);
  const outcome = runCase(c);
  assert.deepEqual(compare(c.expected, outcome), [], `${name}: ${outcome.error ?? ''}`);
}

/**
 * Runs a program the reference fails: Cairn must fail too, match the reference run, and its error
 * report must end with `lastLine` (the Python exception). With `inHint` (the default) the report
 * must also say the exception was raised by a hint.
 */
export function expectFailure(name: string, lastLine: string, opts: { inHint?: boolean } = {}): void {
  expectFailureReport(name, lastLine, opts);
}

/** expectFailure, returning the error report for further checks. */
export function expectFailureReport(name: string, lastLine: string, opts: { inHint?: boolean } = {}): string {
  const c = findCase(name);
  assert.equal(c.expected.status, 'error');
  const outcome = runCase(c);
  assert.equal(outcome.status, 'error');
  assert.deepEqual(compare(c.expected, outcome), [], outcome.error);
  const lines = (outcome.error ?? '').trim().split('\n');
  assert.equal(lines[lines.length - 1], lastLine);
  if (opts.inHint ?? true) assert.match(outcome.error ?? '', /Got an exception while executing a hint\./);
  return outcome.error ?? '';
}

/** What a cairo-run with `--print_output --print_info --trace_file --memory_file` recorded. */
export function referenceExpected(run: RefRun, layout: string): Expected {
  if (run.code !== 0) return { status: 'error', layout, error: `${run.stdout}${run.stderr}` };
  const out = run.stdout;
  const output = /Program output:\n((?:  [^\n]*\n)*)/.exec(out)?.[1].split('\n').filter((l) => l !== '').map((l) => l.trim()) ?? [];
  const num = (re: RegExp) => {
    const m = re.exec(out);
    assert.ok(m, `cairo-run printed no ${re.source}:\n${out}`);
    return Number(m[1]);
  };
  const reg = (name: string) => new RegExp(`^${name} = (\\S+)$`, 'm').exec(out)?.[1] ?? '?';
  const file = (f: string) => createHash('sha256').update(readFileSync(run.files[f])).digest('hex');
  return {
    status: 'ok',
    layout,
    output,
    steps: num(/Number of steps: (\d+)/),
    used_cells: num(/Used memory cells: (\d+)/),
    final: { pc: reg('pc'), ap: reg('ap'), fp: reg('fp') },
    trace_sha256: file('trace_file'),
    memory_sha256: file('memory_file'),
  };
}

export interface LiveOptions extends CompileOptions {
  /** cairo-run's layout (default `small`). */
  layout?: string;
  /** The reference run must end with this status (default `ok`). */
  status?: 'ok' | 'error';
}

/**
 * Compiles a Cairo 0 source of the project's own with the reference's cairo-compile, runs it with
 * cairo-run and with Cairn, and asserts the two runs match: status, output, steps, used cells,
 * final registers, the relocated trace and memory files (or, for an error, its location and
 * exception). The program's own hints run in the reference's Python through the hint bridge.
 * Returns both sides for further checks.
 */
export function expectReferenceMatch(source: string, opts: LiveOptions = {}): { expected: Expected; outcome: Outcome } {
  const layout = opts.layout ?? 'small';
  const programPath = compileCairo(source, opts);
  const run = cairoRun(programPath, ['--layout', layout, '--print_output', '--print_info'], ['trace_file', 'memory_file']);
  const expected = referenceExpected(run, layout);
  assert.equal(expected.status, opts.status ?? 'ok', `cairo-run: ${expected.error ?? ''}`);
  // A hint Cairn has no TypeScript for runs in the reference's own Python, through the bridge.
  const outcome = runCase({ name: opts.name ?? 'prog', programPath, expected, kind: 'test' }, { python: { python: referencePython() } });
  assert.deepEqual(compare(expected, outcome), [], outcome.error ?? '');
  return { expected, outcome };
}
