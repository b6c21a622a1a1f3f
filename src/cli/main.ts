// The `cairn` command: `cairn run` (a drop-in for cairo-run) and `cairn dap` (the debug adapter
// on stdin/stdout). No path ends in a JavaScript stack trace: errors are one line (see
// internal-error.ts), a closed stdout (`cairn run ... | head`) ends the process quietly.
import { parseRunArgs, UsageError } from './args';
import { runCommand } from './run';
import { internalErrorText } from './internal-error';
import { OutputFileError, fsErrorText } from '../runner/fs-errors';

const USAGE = `usage: cairn run --program PROGRAM.json [--layout LAYOUT] [--print_output] [--print_info]
                 [--trace_file FILE] [--memory_file FILE] [--steps N] [--entrypoint NAME]
                 [--max_steps N (default 2^30: stop a runaway program without --steps)]
                 [--python PYTHON (with cairo-lang: runs hints Cairn has no TypeScript for)] [--no_python_hints] ...
       cairn dap          (Debug Adapter Protocol server on stdin/stdout)`;

const isHelp = (a: string | undefined) => a === '--help' || a === '-h';

function writeOut(text: string): void {
  try {
    process.stdout.write(text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw new OutputFileError(`Cannot write to standard output: ${fsErrorText(e)}.`);
  }
}

function writeErr(text: string): void {
  try {
    process.stderr.write(text);
  } catch {
    // Nowhere left to report it.
  }
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'run') {
    if (rest.some(isHelp)) {
      writeOut(USAGE + '\n');
      return 0;
    }
    let args;
    try {
      args = parseRunArgs(rest);
    } catch (e) {
      if (e instanceof UsageError) {
        writeErr(`${USAGE}\ncairn run: error: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return runCommand(args, { out: writeOut, err: writeErr });
  }
  if (cmd === 'dap') {
    if (rest.some(isHelp)) {
      writeOut('usage: cairn dap\n  Serves the Debug Adapter Protocol on stdin/stdout (for nvim-dap, dap-mode, Helix...).\n');
      return 0;
    }
    const { startAdapter } = await import('../adapter/main');
    startAdapter();
    return -1; // keeps running
  }
  if (cmd === undefined || isHelp(cmd)) {
    writeOut(USAGE + '\n');
    return 0;
  }
  writeErr(`${USAGE}\ncairn: error: unknown command ${JSON.stringify(cmd)}\n`);
  return 2;
}

/** The last resort: an error nobody caught is Cairn's bug, reported in one line. */
function fatal(e: unknown): void {
  writeErr(internalErrorText(e) + '\n');
  process.exit(70);
}

// A reader that stops early (`| head`) closes the pipe: the run is done, so end quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  writeErr(`Error: Cannot write to standard output: ${fsErrorText(e)}.\n`);
  process.exit(1);
});
process.stderr.on('error', () => undefined);
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
}, fatal);
