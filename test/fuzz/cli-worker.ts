// Runs fuzz cases [from, to) of a seed through `cairn run` in this process and prints one JSON
// line per case: {"i", "start": true} before it, then {"i", "outcome", "code", "message"}.
// The parent (cli.test.ts) watches the lines, so a hang or a crash signal is pinned on its case.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunArgs } from '../../src/cli/args';
import { runCommand } from '../../src/cli/run';
import { makeCase } from './mutate';

/** What a user must never see: a JS stack frame, or the internal-error line. */
export const CRASH = /internal error|\n\s+at .+:\d+:\d+\)?$|^\s+at .+\(.*:\d+:\d+\)$/m;

export function caseArgs(i: number, dir: string, layout: string): string[] {
  const args = ['--program', join(dir, 'program.json'), '--layout', layout, '--print_output', '--print_info', '--max_steps', '300000'];
  if (i % 3 === 0) args.push('--trace_file', join(dir, 'trace.bin'), '--memory_file', join(dir, 'memory.bin'));
  if (i % 7 === 0) args.push('--print_memory', '--relocate_prints');
  if (i % 11 === 0) args.push('--print_segments', '--no_secure_run');
  return args;
}

if (require.main === module) {
  const [seed, from, to] = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'cairn-fuzz-'));
  const say = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
  for (let i = from; i < to; i++) {
    say({ i, start: true });
    const c = makeCase(seed, i);
    writeFileSync(join(dir, 'program.json'), c.text);
    let out = '';
    let err = '';
    let code: number;
    try {
      code = runCommand(parseRunArgs(caseArgs(i, dir, c.seed.layout)), { out: (t) => (out += t), err: (t) => (err += t) });
    } catch (e) {
      say({ i, outcome: 'crashed', code: -1, message: `escaped runCommand: ${(e as Error)?.stack ?? String(e)}`, seed: c.seed.name, what: c.what });
      continue;
    }
    const crashed = CRASH.test(err) || (code !== 0 && code !== 1) || (code === 1 && err.trim() === '');
    say({ i, outcome: crashed ? 'crashed' : 'ok', code, message: crashed ? err : err.split('\n')[0], seed: c.seed.name, what: c.what });
  }
  rmSync(dir, { recursive: true, force: true });
}
