// `cairn run --program NAME.executable.json`: a Cairo 1 executable given where cairo-run takes a
// compiled Cairo 0 program runs as `cairn execute` runs it (its printing formats and files). The
// cairo-run flags that mean the same there map onto execute's; any other is refused in one line
// that gives the `cairn execute` command to use instead.
import { RunArgs, UsageError } from './args';
import { ExecuteArgs, executeCommand, checkAirFlags } from './execute';
import type { Io } from './io';
import type { Program } from '../vm/program';
import type { RunProfile } from '../debug/profile/collector';
import { pprofFile } from '../debug/profile/pprof';
import { writeOutputFile } from '../runner/fs-errors';

/** cairo-run flags with no meaning for an executable's Bootloader run: [is it set, the flag]. */
const REFUSED: [(a: RunArgs) => unknown, string][] = [
  [(a) => a.programInput, '--program_input (give the arguments as cairn execute --arguments)'],
  [(a) => a.steps, '--steps'],
  [(a) => a.minSteps, '--min_steps'],
  [(a) => a.maxSteps, '--max_steps'],
  [(a) => a.entrypoint, '--entrypoint'],
  [(a) => a.printMemory, '--print_memory'],
  [(a) => a.printSegments, '--print_segments'],
  [(a) => a.relocatePrints, '--relocate_prints'],
  [(a) => a.debugError, '--debug_error'],
  [(a) => a.noEnd, '--no_end'],
  [(a) => a.cairoPieOutput, '--cairo_pie_output'],
  [(a) => a.mergeExtraSegments, '--merge_extra_segments'],
  [(a) => a.debugInfoFile, '--debug_info_file'],
  [(a) => a.layoutParamsFile, '--cairo_layout_params_file'],
  [(a) => a.allowMissingBuiltins, '--allow_missing_builtins'],
  [(a) => a.tracer, '--tracer'],
  [(a) => a.showTrace, '--show_trace'],
  [(a) => a.flavor, '--flavor'],
  [(a) => a.pythonDependencies, '--python_dependencies'],
];

/**
 * The execute run a `cairn run` of an executable is: --print_output prints the output builtin's
 * cells (as --print-program-output), --print_info the steps and builtins used (as
 * --print-resource-usage), --proof_mode runs the Standalone entrypoint (as --standalone, with
 * --air_public_input and --air_private_input as its AIR inputs); cairo-run's
 * default layout (plain, no builtins) becomes execute's all_cairo. Python flags are ignored (Cairo 1 hints are all Cairn's own).
 */
export function executeArgsOf(args: RunArgs, program: string): ExecuteArgs {
  return {
    executable: program,
    arguments: args.arguments,
    argumentsFile: args.argumentsFile,
    layout: args.layoutGiven ? args.layout : 'all_cairo',
    printProgramOutput: args.printOutput,
    printResourceUsage: args.printInfo,
    traceFile: args.traceFile,
    memoryFile: args.memoryFile,
    standalone: args.proofMode,
    airPublicInput: args.airPublicInput,
    airPrivateInput: args.airPrivateInput,
    secureRun: args.secureRun,
  };
}

/** The `cairn execute` command line that runs the same. */
export function executeCommandLine(e: ExecuteArgs): string {
  const words = ['cairn', 'execute', e.executable];
  if (e.arguments !== undefined) words.push('--arguments', e.arguments);
  if (e.argumentsFile !== undefined) words.push('--arguments-file', e.argumentsFile);
  if (e.layout !== 'all_cairo') words.push('--layout', e.layout);
  if (e.printProgramOutput) words.push('--print-program-output');
  if (e.printResourceUsage) words.push('--print-resource-usage');
  if (e.traceFile !== undefined) words.push('--trace-file', e.traceFile);
  if (e.memoryFile !== undefined) words.push('--memory-file', e.memoryFile);
  if (e.standalone) words.push('--standalone');
  if (e.airPublicInput !== undefined) words.push('--air-public-input', e.airPublicInput);
  if (e.airPrivateInput !== undefined) words.push('--air-private-input', e.airPrivateInput);
  if (e.secureRun === false) words.push('--no-secure-run');
  return words.map(shellWord).join(' ');
}

function shellWord(w: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** Runs an executable given to `cairn run`; a flag it cannot honour is a UsageError naming the execute command. */
export function runExecutable(args: RunArgs, program: string, io: Io, onProfile?: (program: Program, profile: RunProfile) => void): number {
  const exec = executeArgsOf(args, program);
  const refused = REFUSED.filter(([isSet]) => {
    const v = isSet(args);
    return v !== undefined && v !== false;
  }).map(([, flag]) => flag);
  if (args.arguments !== undefined && args.argumentsFile !== undefined) throw new UsageError('--arguments and --arguments_file cannot be used together.');
  checkAirFlags(exec);
  if (refused.length > 0) {
    throw new UsageError(`${refused.join(', ')}: not for a Cairo 1 executable; run it with: ${executeCommandLine(exec)}`);
  }
  const pprofTo = args.profileOutput;
  if (onProfile === undefined && pprofTo === undefined) return executeCommand(exec, io);
  // cairn profile, and --profile_output's pprof file (functions named by Sierra function).
  return executeCommand(exec, io, (p, profile, programBase) => {
    onProfile?.(p, profile);
    if (pprofTo !== undefined) writeOutputFile(pprofTo, pprofFile(p, profile, { programBase }), 'profile');
  });
}
