// The `cairn` command: `cairn run` (a drop-in for cairo-run) and `cairn dap` (the debug adapter
// on stdin/stdout). No path ends in a JavaScript stack trace: errors are one line (see
// internal-error.ts), a closed stdout (`cairn run ... | head`) ends the process quietly.
import { parseRunArgs, runHelp, UsageError } from './args';
import { runCommand } from './run';
import { executeCommand, executeHelp, parseExecuteArgs } from './execute';
import { internalErrorText } from './internal-error';
import { OutputFileError, fsErrorText } from '../runner/fs-errors';

/** The package version (esbuild inlines package.json into the bundle). */
function version(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const VERSION_TEXT = () => `cairn ${version()} (cairo-run 0.14.0.1 compatible)\n`;

const USAGE = `usage: cairn run --program PROGRAM.json [--layout LAYOUT] [--print_output] [--print_info] [--proof_mode] ...
                 [--python PYTHON] [--no_python_hints]  (cairo-run 0.14.0.1's flags; \`cairn run --help\` lists them all)
       cairn profile --program PROGRAM.json [--html OUT.html] [run flags]  (flame graph of a run)
       cairn execute NAME.executable.json [--arguments 1,2] ...  (a Cairo 1 executable, as scarb execute)
       cairn dap          (Debug Adapter Protocol server on stdin/stdout)
       cairn --version`;

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
      writeOut(runHelp());
      return 0;
    }
    if (rest.includes('--version') || rest.includes('-v')) {
      writeOut(VERSION_TEXT());
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
    if (args.tracer) {
      const { tracerCommand } = await import('./tracer');
      return tracerCommand(args, { out: writeOut, err: writeErr });
    }
    return runCommand(args, { out: writeOut, err: writeErr });
  }
  if (cmd === 'profile') {
    const { profileCommand, PROFILE_USAGE } = await import('./profile');
    if (rest.some(isHelp)) {
      writeOut(`${PROFILE_USAGE}\n  Runs the program as \`cairn run\` does and writes its flame graph (steps, builtin cells) as one HTML file.\n`);
      return 0;
    }
    try {
      return profileCommand(rest, { out: writeOut, err: writeErr });
    } catch (e) {
      if (e instanceof UsageError) {
        writeErr(`${PROFILE_USAGE}\ncairn profile: error: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }
  if (cmd === 'execute') {
    if (rest.some(isHelp)) {
      writeOut(executeHelp());
      return 0;
    }
    let args;
    try {
      args = parseExecuteArgs(rest);
    } catch (e) {
      if (e instanceof UsageError) {
        writeErr(`${executeHelp()}cairn execute: error: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return executeCommand(args, { out: writeOut, err: writeErr });
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
  if (cmd === '--version' || cmd === '-v') {
    writeOut(VERSION_TEXT());
    return 0;
  }
  if (cmd === undefined || isHelp(cmd)) {
    writeOut(`${USAGE}\n\n${runHelp()}`);
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
