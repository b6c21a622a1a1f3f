// Runs a Cairo 1 executable as cairo-execute does (cairo-lang-execute-utils'
// program_and_hints_from_executable, then cairo-vm's cairo_run_program, not in proof mode):
// the Bootloader entrypoint is a function taking the builtins, run by Cairn's CairoRunner like a
// Cairo 0 main (builtin segments, [builtins..., return fp, end] stack, run to end, end_run,
// read_return_values, secure-run checks, relocation). Only the hints differ: the Cairo 1 hint
// processor replaces the Cairo 0 one.
//
//   const run = launchExecutable({ executable: 'prog.executable.json', args: [...] });
//   run.runner.runToEnd(); run.finish();   // on a VmException: run.panic() or run.errorText(e)
import { CairoRunner } from '../cairo-runner';
import { Program, Identifier } from '../../vm/program';
import { PRIME } from '../../vm/felt';
import { ProgramError } from '../../vm/errors';
import { VmException } from '../../vm/vm';
import type { Memory } from '../../vm/memory';
import { tracebackEntries } from '../error-report';
import { Cairo1State, Arg } from '../../hints/cairo1/hint';
import { compileCairo1Hints, Cairo1HintError } from '../../hints/cairo1/processor';
import { formatForPanic } from '../../hints/cairo1/format';
import { Executable, EntryPointKind, loadExecutableFile } from './executable';

export interface ExecuteOptions {
  /** A path to `NAME.executable.json`, or an executable already read. */
  executable: string | Executable;
  /** The user arguments (one array parameter of the executable function). */
  args?: Arg[];
  /** cairo-execute's --layout; the fixtures use all_cairo. */
  layout?: string;
  trace?: boolean;
  /** Bootloader (default, as cairo-execute without --standalone); Standalone runs in proof mode. */
  kind?: EntryPointKind;
  /** Where println! (DebugPrint) text goes; stdout by default. */
  print?: (text: string) => void;
}

/**
 * The Program CairoRunner runs: the bytecode with `main` at the entrypoint's offset. The
 * Standalone entrypoint is a proof-mode program (cairo-lang-execute-utils' new_for_proof): it
 * starts at the offset and ends at the `jmp rel 0` four cells after it.
 */
function programOf(exe: Executable, offset: number, builtins: string[], kind: EntryPointKind): Program {
  const identifiers = new Map<string, Identifier>([['__main__.main', { type: 'function', pc: offset, decorators: [] }]]);
  if (kind === 'Standalone') {
    identifiers.set('__main__.__start__', { type: 'label', pc: offset });
    identifiers.set('__main__.__end__', { type: 'label', pc: offset + 4 });
  }
  return {
    prime: PRIME,
    data: exe.bytecode,
    builtins,
    hints: new Map(),
    identifiers,
    references: [],
    attributes: [],
    debugInfo: undefined,
    mainScope: '__main__',
    compilerVersion: undefined,
  };
}

export class ExecutableRun {
  constructor(
    readonly executable: Executable,
    readonly runner: CairoRunner,
    readonly state: Cairo1State,
  ) {}

  /**
   * cairo_run_program's end: end_run, read_return_values, verify_secure_runner, relocate. In
   * proof mode (Standalone), end_run pads the trace and the segments are finalized; the secure-run
   * checks are off by default, as there.
   */
  finish(secureRun = !this.runner.proofMode): number[] {
    const r = this.runner;
    r.endRun(!r.proofMode);
    r.readReturnValues();
    if (r.proofMode) r.finalizeSegments();
    if (secureRun) r.verifySecure();
    return r.relocate();
  }

  /** The panic line when the run failed after the wrapper recorded panic data (AddMarker). */
  panic(): string | undefined {
    const m = this.state.markers[this.state.markers.length - 1];
    return m === undefined ? undefined : formatForPanic(m);
  }

  /** The panic data felts, if any. */
  panicData(): readonly (number | bigint)[] | undefined {
    return this.state.markers[this.state.markers.length - 1];
  }

  /**
   * The error text of cairo-vm for a failed run (`Error at pc=0:15:\n...\n`); with the run's
   * memory, its Cairo traceback too (a Standalone run's header calls the code that failed; a
   * Bootloader run's entry has no caller). An executable has no debug info: no locations.
   */
  static vmErrorText(e: VmException, mem?: Memory): string {
    let text = `Error at pc=${e.pc}:\n${e.inner.message}\n`;
    const calls = mem === undefined ? [] : tracebackEntries(mem, e.fp);
    if (calls.length > 0) text += `Cairo traceback (most recent call last):\n${calls.map(([, pc]) => `Unknown location (pc=${pc})\n`).join('')}`;
    return text;
  }
}

export function launchExecutable(opts: ExecuteOptions): ExecutableRun {
  const exe = typeof opts.executable === 'string' ? loadExecutableFile(opts.executable) : opts.executable;
  const kind = opts.kind ?? 'Bootloader';
  const entry = exe.entrypoints.find((e) => e.kind === kind);
  if (entry === undefined) throw new ProgramError(`${kind} entrypoint not found`);
  const runner = new CairoRunner(programOf(exe, entry.offset, entry.builtins, kind), { layout: opts.layout ?? 'all_cairo', trace: opts.trace, proofMode: kind === 'Standalone' });
  const state = new Cairo1State();
  state.userArgs = [[{ array: opts.args ?? [] }]];
  if (opts.print !== undefined) state.print = opts.print;
  let hints;
  try {
    hints = compileCairo1Hints(exe.hints, state);
  } catch (e) {
    if (e instanceof Cairo1HintError) throw new ProgramError(e.message);
    throw e;
  }
  runner.initialize();
  runner.vm.hints = hints;
  return new ExecutableRun(exe, runner, state);
}
