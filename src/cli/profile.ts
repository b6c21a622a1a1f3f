// `cairn profile --program P.json [--html out.html] [run flags]`: runs as `cairn run` does and
// writes the run's flame graph as a self-contained HTML file, or prints the functions by steps.
import { parseRunArgs, UsageError } from './args';
import { runCommand, Io } from './run';
import { flameData } from '../debug/profile/flame';
import { flameHtml } from '../debug/profile/html';
import { writeOutputFile } from '../runner/fs-errors';

export const PROFILE_USAGE = 'usage: cairn profile --program PROGRAM.json [--html OUT.html] [cairn run flags]';

export function profileCommand(argv: string[], io: Io): number {
  const rest = [...argv];
  let html: string | undefined;
  const i = rest.findIndex((a) => a === '--html' || a.startsWith('--html='));
  if (i >= 0) {
    if (rest[i].startsWith('--html=')) { html = rest[i].slice(7); rest.splice(i, 1); }
    else {
      html = rest[i + 1];
      if (html === undefined) throw new UsageError('argument --html: expected one argument');
      rest.splice(i, 2);
    }
  }
  const args = parseRunArgs(rest);
  if (args.program === undefined) throw new UsageError('--program is required');
  return runCommand(args, io, (program, profile) => {
    const data = flameData(program, profile);
    if (html !== undefined) {
      writeOutputFile(html, flameHtml(data, { title: `Cairn profile: ${args.program}` }), 'HTML profile');
      return;
    }
    let text = `${data.root.total.steps ?? 0} steps\n${'function'.padEnd(60)} ${'self'.padStart(10)} ${'total'.padStart(10)} ${'calls'.padStart(8)}\n`;
    for (const f of data.functions) text += `${f.name.padEnd(60)} ${String(f.selfSteps).padStart(10)} ${String(f.totalSteps).padStart(10)} ${String(f.calls).padStart(8)}\n`;
    io.out(text);
  });
}
