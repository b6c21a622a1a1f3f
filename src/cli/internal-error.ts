// What the CLI prints for an error that is Cairn's own bug: one line that says so and where to
// report it; the JavaScript stack only when asked for (CAIRN_DEBUG=1). --debug_error is
// cairo-run's flag (stop at a VM error but still write the partial outputs) and has no say here.

export const REPORT_HINT = 'please report it to the Cairn developers with the command line and the program file';

/** True when the user asked for JavaScript stacks: CAIRN_DEBUG=1. */
export function wantsStack(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CAIRN_DEBUG === '1';
}

export function internalErrorText(e: unknown, stack = wantsStack()): string {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const line = `Error: internal error in Cairn (a bug in Cairn, not in your program): ${what.split('\n')[0]}. ` +
    `This is a bug: ${REPORT_HINT}${stack ? '.' : ' (CAIRN_DEBUG=1 shows the stack).'}`;
  return stack && e instanceof Error && e.stack ? `${line}\n${e.stack}` : line;
}
