// The real-world programs (../shared/realworld/, runs.tsv: id, layout, input) run by cairo-run
// (cached) and by `cairn run` with the Python hint bridge on the reference's Python: same exit
// code, output and steps. Used by realworld.test.ts (a fast selection) and by
// scripts/realworld-bridge.ts (all of them).
import { readFileSync } from 'node:fs';
import { shared, realworldProgram } from '../support/shared';
import { cairoRun } from '../support/reference';
import { parseRunArgs } from '../../src/cli/args';
import { runCommand } from '../../src/cli/run';
import { bridgePython, normalize } from './support';

export interface RealworldRun {
  id: string;
  layout: string;
  input: string | undefined;
}

export function realworldRuns(): RealworldRun[] {
  return readFileSync(shared('realworld', 'runs.tsv'), 'utf8').trim().split('\n').map((l) => {
    const [id, layout, input] = l.split('\t');
    return { id, layout, input: input === '-' ? undefined : shared('realworld', input) };
  });
}


export interface RealworldResult {
  id: string;
  /** cairo-run's exit code. */
  refCode: number;
  cairnCode: number;
  /** Same exit code, output and steps. */
  same: boolean;
  refSteps?: string;
  cairnSteps?: string;
  /** The last line of a failure, Cairn's or the reference's. */
  note: string;
  seconds: { ref: number; cairn: number };
}

const steps = (t: string) => /Number of steps: (\d+)/.exec(t)?.[1];
const output = (t: string) => /Program output:\n([\s\S]*?)\nNumber of steps/.exec(t)?.[1] ?? '';
const lastLine = (t: string) => t.trim().split('\n').pop() ?? '';

/** `timeoutMs` bounds cairo-run (default 10 minutes); a run past it counts as one cairo-run cannot do. */
export function runRealworld(r: RealworldRun, opts: { python?: boolean; timeoutMs?: number } = {}): RealworldResult {
  const program = realworldProgram(r.id);
  const args = ['--layout', r.layout, '--print_output', '--print_info'];
  if (r.input !== undefined) args.push('--program_input', r.input);
  let t = Date.now();
  let ref: { code: number; stdout: string; stderr: string };
  try {
    ref = cairoRun(program, args, [], { timeoutMs: opts.timeoutMs ?? 600_000 });
  } catch (e) {
    // The Python VM did not finish in time (the biggest programs): nothing to compare with.
    ref = { code: -1, stdout: '', stderr: `cairo-run did not finish: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const refSec = (Date.now() - t) / 1000;
  let stdout = '';
  let stderr = '';
  t = Date.now();
  const flags = opts.python === false ? ['--no_python_hints'] : ['--python', bridgePython()];
  const code = runCommand(parseRunArgs(['--program', program, ...args, ...flags]), { out: (x) => (stdout += x), err: (x) => (stderr += x) });
  const cairnSec = (Date.now() - t) / 1000;
  const mine = normalize(stdout).trimEnd();
  const theirs = normalize(ref.stdout).trimEnd();
  const same = code === ref.code && (code !== 0 || (output(mine) === output(theirs) && steps(mine) === steps(theirs) && mine === theirs));
  return {
    id: r.id, refCode: ref.code, cairnCode: code, same,
    refSteps: steps(ref.stdout), cairnSteps: steps(stdout),
    note: code !== 0 ? `cairn: ${lastLine(stderr)}` : ref.code !== 0 ? `cairo-run: ${lastLine(ref.stderr)}` : same ? '' : 'output or steps differ',
    seconds: { ref: refSec, cairn: cairnSec },
  };
}
