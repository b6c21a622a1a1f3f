// The `cairn` command: `cairn run` (a drop-in for cairo-run) and `cairn dap` (the debug adapter
// on stdin/stdout).
import { parseRunArgs, UsageError } from './args';
import { runCommand } from './run';

const USAGE = `usage: cairn run --program PROGRAM.json [--layout LAYOUT] [--print_output] [--print_info]
                 [--trace_file FILE] [--memory_file FILE] [--steps N] [--entrypoint NAME]
                 [--max_steps N (default 2^30: stop a runaway program without --steps)] ...
       cairn dap          (Debug Adapter Protocol server on stdin/stdout)`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'run') {
    let args;
    try {
      args = parseRunArgs(rest);
    } catch (e) {
      if (e instanceof UsageError) {
        process.stderr.write(`${USAGE}\ncairn run: error: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    return runCommand(args, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
  }
  if (cmd === 'dap') {
    const { startAdapter } = await import('../adapter/main');
    startAdapter();
    return -1; // keeps running
  }
  process.stderr.write(USAGE + '\n');
  return cmd === undefined || cmd === '--help' || cmd === '-h' ? 0 : 2;
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
