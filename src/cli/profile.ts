// `cairn profile --program P.json [--html out.html] [--json out.json] [run flags]`: runs as
// `cairn run` does and writes the run's flame graph as a self-contained HTML file, its flame data
// as JSON (what the VS Code view reads, from its own process), or prints the functions by steps.
import { parseRunArgs, UsageError } from './args';
import { runCommand, Io } from './run';
import { flameData } from '../debug/profile/flame';
import { flameHtml } from '../debug/profile/html';
import { writeOutputFile } from '../runner/fs-errors';

export const PROFILE_USAGE = 'usage: cairn profile --program PROGRAM.json [--html OUT.html] [--json OUT.json] [cairn run flags]';

/** Takes `--NAME F` or `--NAME=F` out of `rest`. */
function takeFlag(rest: string[], name: string): string | undefined {
  const i = rest.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  if (rest[i].startsWith(`--${name}=`)) return rest.splice(i, 1)[0].slice(name.length + 3);
  const v = rest[i + 1];
  if (v === undefined) throw new UsageError(`argument --${name}: expected one argument`);
  rest.splice(i, 2);
  return v;
}

export function profileCommand(argv: string[], io: Io): number {
  const rest = [...argv];
  const html = takeFlag(rest, 'html');
  const json = takeFlag(rest, 'json');
  const args = parseRunArgs(rest);
  if (args.program === undefined) throw new UsageError('--program is required');
  return runCommand(args, io, (program, profile) => {
    const data = flameData(program, profile);
    if (json !== undefined) writeOutputFile(json, JSON.stringify(data), 'JSON profile');
    if (html !== undefined) writeOutputFile(html, flameHtml(data, { title: `Cairn profile: ${args.program}` }), 'HTML profile');
    if (json !== undefined || html !== undefined) return;
    // self and total steps, calls, then the memory holes in the function's own frames
    let text = `${data.root.total.steps ?? 0} steps, ${data.root.total.holes ?? 0} memory holes\n${'function'.padEnd(60)} ${'self'.padStart(10)} ${'total'.padStart(10)} ${'calls'.padStart(8)} ${'holes'.padStart(8)}\n`;
    for (const f of data.functions) text += `${f.name.padEnd(60)} ${String(f.selfSteps).padStart(10)} ${String(f.totalSteps).padStart(10)} ${String(f.calls).padStart(8)} ${String(f.selfHoles).padStart(8)}\n`;
    io.out(text);
  });
}
