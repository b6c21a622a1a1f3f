// One way to start a run, shared by the CLI, the debugger, the tests and the bench:
//
//   const run = launch({ program: 'prog.json', layout: 'small', programInput: 'in.json' });
//   run.runner.runToEnd();            // or drive run.runner.runSlice(...) as a debugger does
//   const offsets = run.finish();     // end_run, read_return_values, secure run, relocate
//   ... on a VmException e: run.report(e) is the text cairo-run prints.
//
// launch() throws a ProgramError (unreadable program or program input) or a VmError (unknown
// layout or entrypoint, builtins the layout lacks): typed, one-line messages.
import { dirname } from 'node:path';
import { Program } from '../vm/program';
import { VmException } from '../vm/vm';
import { loadProgramFile, loadProgramInput } from './load-program';
import { CairoRunner, RunnerOptions } from './cairo-runner';
import { ErrorReporter } from './error-report';
import { SourceReader } from './sources';

export interface LaunchOptions extends Omit<RunnerOptions, 'programInput'> {
  /** A compiled program: a path (plain or gzipped JSON) or an already loaded Program. */
  program: string | Program;
  /** A JSON file whose content is the hints' `program_input`. */
  programInput?: string;
  /** Folders where the debug info's source files are looked up (after embedded contents). */
  sourceRoots?: string[];
}

export interface FinishOptions {
  /** cairo-run's --secure_run (default on). */
  secureRun?: boolean;
}

export class Launch {
  readonly sources: SourceReader;
  private reporter: ErrorReporter | undefined;

  constructor(
    readonly program: Program,
    readonly runner: CairoRunner,
    sourceRoots: string[],
  ) {
    this.sources = new SourceReader(program.debugInfo?.fileContents ?? {}, sourceRoots);
  }

  /** cairo-run's finish: end_run, read_return_values, the secure-run checks, relocation. */
  finish(opts: FinishOptions = {}): number[] {
    const runner = this.runner;
    runner.endRun();
    runner.readReturnValues();
    if (opts.secureRun ?? true) runner.verifySecure();
    return runner.relocate();
  }

  /** The text cairo-run prints for a VM exception: location, source, traceback, hint note. */
  report(e: VmException): string {
    this.reporter ??= new ErrorReporter(this.program, this.runner.mem, this.sources, this.runner.vm);
    return this.reporter.format(e);
  }
}

/** Loads a program and its input and returns an initialized runner, ready to step. */
export function launch(opts: LaunchOptions): Launch {
  const { program: source, programInput: inputPath, sourceRoots = [], ...runnerOptions } = opts;
  const program = typeof source === 'string' ? loadProgramFile(source) : source;
  const input = inputPath !== undefined ? loadProgramInput(inputPath) : undefined;
  const roots = typeof source === 'string' ? [dirname(source), ...sourceRoots] : sourceRoots;
  const runner = new CairoRunner(program, { ...runnerOptions, programInput: input?.value, programInputText: input?.text });
  runner.initialize();
  return new Launch(program, runner, roots);
}
