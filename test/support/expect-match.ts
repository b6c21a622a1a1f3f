// The assertion every hint family's program tests share: a corpus program (or an example) run
// through Cairn must match the reference run byte for byte (status, output, steps, registers,
// trace and memory), and an error program must also end with the reference's exception line.
import assert from 'node:assert/strict';
import { corpusCases, exampleCases, runCase, compare, Case } from './corpus';

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
