// Runs programs of the reference corpus (../shared/corpus) and the examples through Cairn's
// runner and compares every recorded result: status, output, steps, registers, used cells and
// the sha256 of the relocated trace and memory files.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, Launch, LaunchOptions } from '../../src/runner/launch';
import { traceBytes, memoryBytes } from '../../src/runner/relocate';
import { describeError } from '../../src/cli/run';
import { toSigned } from '../../src/vm/felt';
import { Value } from '../../src/vm/relocatable';

import { ROOT, shared } from './shared';
export { ROOT };
export const CORPUS = shared('corpus');

export interface IndexRow {
  name: string;
  kind: 'test' | 'benchmark' | 'bad';
  status: 'ok' | 'error' | 'timeout';
  steps: number | null;
  layout: string;
  builtins: string[];
  program_file: string;
}

export interface Expected {
  status: 'ok' | 'error' | 'timeout';
  layout: string;
  output?: string[];
  steps?: number;
  used_cells?: number;
  final?: { pc: string; ap: string; fp: string };
  trace_sha256?: string;
  memory_sha256?: string;
  memory_sorted_sha256?: string;
  error?: string;
}

export interface Case {
  name: string;
  programPath: string;
  expected: Expected;
  kind: string;
}

export function corpusCases(): Case[] {
  const rows: IndexRow[] = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8'));
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind,
    programPath: join(CORPUS, 'cairo0', r.name, r.program_file),
    expected: JSON.parse(readFileSync(join(CORPUS, 'cairo0', r.name, 'expected.json'), 'utf8')),
  }));
}

export function exampleCases(): Case[] {
  const dir = join(ROOT, 'examples');
  const names = ['fib', 'structs', 'hash_chain', 'dict_counter', 'assert_fail', 'multi_main', 'long_loop'];
  return names
    .filter((n) => existsSync(join(dir, 'build', `${n}.json`)))
    .map((n) => ({
      name: `examples/${n}`,
      kind: n === 'long_loop' ? 'benchmark' : 'test',
      programPath: join(dir, 'build', `${n}.json`),
      expected: JSON.parse(readFileSync(join(dir, 'expected', n, 'expected.json'), 'utf8')),
    }));
}

export interface Outcome {
  status: 'ok' | 'error';
  output?: string[];
  steps?: number;
  usedCells?: number;
  final?: { pc: string; ap: string; fp: string };
  traceSha?: string;
  memorySha?: string;
  memorySortedSha?: string;
  error?: string;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function sortedMemorySha(mem: Buffer): string {
  const recs: Buffer[] = [];
  for (let i = 0; i < mem.length; i += 40) recs.push(mem.subarray(i, i + 40));
  recs.sort((a, b) => Number(a.readBigUInt64LE(0) - b.readBigUInt64LE(0)));
  return sha(Buffer.concat(recs));
}

const show = (v: Value) => (typeof v === 'object' ? v.toString() : toSigned(v).toString());

/** Runs a program as `cairo-run --print_output --print_info --trace_file --memory_file` would. */
export function runCase(c: Case, opts: Partial<LaunchOptions> = {}): Outcome {
  let run: Launch | undefined;
  try {
    run = launch({ ...opts, program: c.programPath, layout: c.expected.layout, trace: true });
    const runner = run.runner;
    runner.runToEnd();
    const offsets = run.finish();
    const mem = memoryBytes(runner.mem, offsets);
    const vm = runner.vm;
    return {
      status: 'ok',
      output: runner.output()?.map((v) => (v === undefined ? '<missing>' : show(v))) ?? [],
      steps: vm.currentStep,
      usedCells: runner.mem.size,
      final: { pc: vm.pcValue().toString(), ap: vm.apValue().toString(), fp: vm.fpValue().toString() },
      traceSha: sha(traceBytes(vm.trace!, offsets)),
      memorySha: sha(mem),
      memorySortedSha: sortedMemorySha(mem),
    };
  } catch (e) {
    return { status: 'error', error: describeError(e, run) };
  }
}

/** The last line of an error text (the exception itself, e.g. `AssertionError: ...`). */
function errorCore(text: string): string {
  const lines = text.trim().split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1].replace(/^starkware\.cairo\.lang\.vm\.vm_exceptions\.SecurityError: /, '').replace(/^Error: /, '');
}

function errorHead(text: string): string | undefined {
  return /Error at pc=\d+:\d+:\n[^\n]*/.exec(text)?.[0];
}

/** Every way the outcome differs from the reference, as short causes; empty when it matches. */
export function compare(expected: Expected, got: Outcome): string[] {
  const causes: string[] = [];
  if (expected.status === 'error') {
    if (got.status !== 'error') return ['status: expected an error, the run succeeded'];
    const exp = expected.error ?? '';
    const mine = got.error ?? '';
    if (errorHead(exp) !== undefined && errorHead(exp) !== errorHead(mine)) causes.push(`error location/message: expected ${JSON.stringify(errorHead(exp))}, got ${JSON.stringify(errorHead(mine) ?? mine.split('\n')[0])}`);
    if (!mine.includes(errorCore(exp))) causes.push(`error text: expected ${JSON.stringify(errorCore(exp))}, got ${JSON.stringify(errorCore(mine))}`);
    const expMsgs = exp.split('\n').filter((l) => l.startsWith('Error message:'));
    const myMsgs = mine.split('\n').filter((l) => l.startsWith('Error message:'));
    if (expMsgs.join('\n') !== myMsgs.join('\n')) causes.push('error message attributes differ');
    return causes;
  }
  if (got.status !== 'ok') return [`status: ${errorCore(got.error ?? '')}`];
  if (JSON.stringify(expected.output ?? []) !== JSON.stringify(got.output)) causes.push('output');
  if (expected.steps !== got.steps) causes.push(`steps ${got.steps} != ${expected.steps}`);
  if (expected.used_cells !== got.usedCells) causes.push(`used cells ${got.usedCells} != ${expected.used_cells}`);
  if (expected.final && JSON.stringify(expected.final) !== JSON.stringify(got.final)) causes.push('final registers');
  if (expected.trace_sha256 && expected.trace_sha256 !== got.traceSha) causes.push('trace');
  if (expected.memory_sha256 && expected.memory_sha256 !== got.memorySha) {
    causes.push(expected.memory_sorted_sha256 && expected.memory_sorted_sha256 === got.memorySortedSha ? 'memory order only' : 'memory content');
  }
  return causes;
}
