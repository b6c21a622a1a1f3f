// What the CLI prints for an error that is Cairn's own bug: one line that says so and where to
// report it; the JavaScript stack only when asked for (--debug_error or CAIRN_DEBUG=1).

export const REPORT_HINT = 'please report it to the Cairn developers with the command line and the program file';

/** True when the user asked for stacks: CAIRN_DEBUG=1 or --debug_error on the command line. */
export function wantsStack(argv: readonly string[] = process.argv): boolean {
  return process.env.CAIRN_DEBUG === '1' || argv.includes('--debug_error');
}

export function internalErrorText(e: unknown, stack = wantsStack()): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const line = `Error: internal error in Cairn (a bug in Cairn, not in your program): ${what.split('\n')[0]}. ` +
    `This is a bug: ${REPORT_HINT}${stack ? '.' : ' (CAIRN_DEBUG=1 shows the stack).'}`;
  return stack && e instanceof Error && e.stack ? `${line}\n${e.stack}` : line;
}
