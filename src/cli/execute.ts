// `cairn execute`: runs a Cairo 1 executable (NAME.executable.json, as Scarb and cairo-execute
// write it) on Cairn's VM, with the flags of `scarb execute` / `cairo-execute --prebuilt`.
// A panic is printed as cairo-execute prints it (anyhow's `Error: ...` with the VM error as its
// cause) and exits 1; println! text goes to stdout as the program runs.
import { launchExecutable, ExecutableRun } from '../runner/cairo1/launch';
import { parseArgumentList, parseArgumentsFile } from '../runner/cairo1/args';
import { writeMemoryByAddress } from '../runner/cairo1/memory-file';
import { executionResources, resourcesText } from '../runner/cairo1/resources';
import { airPublicInput, airPrivateInput } from '../runner/air-input';
import { writeTrace } from '../runner/relocate';
import { writeOutputFile, writeOutputPieces } from '../runner/fs-errors';
import { VmException } from '../vm/vm';
import { VmError, ProgramError } from '../vm/errors';
import { toSigned } from '../vm/felt';
import { splitFlag, UsageError } from './args';
import { internalErrorText } from './internal-error';
import type { Io } from './io';
import { existsSync } from 'node:fs';
import { Executable, loadExecutableFile } from '../runner/cairo1/executable';
import { Cairo1DebugError } from '../debug/cairo1/debug-file';
import type { Program } from '../vm/program';
import type { RunProfile } from '../debug/profile/collector';
import { attachProfiler } from '../debug/profile/attach';
import { executableProfileProgram } from '../debug/cairo1/profile-program';
import { defaultDebugFile } from '../debug/cairo1/cairo1-run';

export interface ExecuteArgs {
  executable: string;
  arguments?: string;
  argumentsFile?: string;
  layout: string;
  printProgramOutput: boolean;
  printResourceUsage: boolean;
  traceFile?: string;
  memoryFile?: string;
  /** The Standalone entrypoint, a proof-mode run (cairo-execute --standalone). */
  standalone: boolean;
  /** A Standalone run's AIR inputs for a prover (cairo-execute's JSON). */
  airPublicInput?: string;
  airPrivateInput?: string;
  /** undefined: on, off for --standalone (as cairo-execute). */
  secureRun?: boolean;
}

export function executeHelp(): string {
  return `usage: cairn execute EXECUTABLE.json [--arguments 1,2,3 | --arguments-file args.json] [--layout all_cairo]
                     [--print-program-output] [--print-resource-usage] [--trace-file F] [--memory-file F]
                     [--standalone [--air-public-input F] [--air-private-input F]]

Runs the Bootloader entrypoint of a Cairo 1 executable (scarb build's target/dev/NAME.executable.json)
as cairo-execute does on the Rust VM; trace and memory files are byte-identical to its.
  --arguments LIST         the executable's arguments, comma-separated integers (alias --args)
  --arguments-file FILE    a JSON list of hex strings, ["0x1", "0x2"] (alias --args-file)
  --layout NAME            default all_cairo
  --print-program-output   print the output builtin's cells (alias --print-outputs)
  --print-resource-usage   print steps, memory and builtins used, as scarb execute does
  --trace-file FILE, --memory-file FILE   the relocated trace and memory (cairo-vm's format)
  --standalone             run the Standalone entrypoint instead: a proof-mode run (trace padded to a power of 2)
  --air-public-input FILE, --air-private-input FILE   a Standalone run's AIR inputs for a prover
  --no-secure-run          skip the secure-run checks after the run (off with --standalone)
`;
}

const FLAG_ALIASES: Record<string, string> = {
  '--args': '--arguments', '--args-file': '--arguments-file', '--print-outputs': '--print-program-output',
  '--trace_file': '--trace-file', '--memory_file': '--memory-file',
};

export function parseExecuteArgs(argv: string[]): ExecuteArgs {
  const a: Partial<ExecuteArgs> = { layout: 'all_cairo', printProgramOutput: false, printResourceUsage: false, standalone: false };
  for (let i = 0; i < argv.length; i++) {
    let [flag, value] = splitFlag(argv[i]);
    flag = FLAG_ALIASES[flag] ?? flag;
    const take = () => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--arguments': a.arguments = take(); break;
      case '--arguments-file': a.argumentsFile = take(); break;
      case '--layout': a.layout = take(); break;
      case '--trace-file': a.traceFile = take(); break;
      case '--memory-file': a.memoryFile = take(); break;
      case '--print-program-output': a.printProgramOutput = true; break;
      case '--print-resource-usage': a.printResourceUsage = true; break;
      case '--no-secure-run': a.secureRun = false; break;
      case '--standalone': a.standalone = true; break;
      case '--air-public-input': a.airPublicInput = take(); break;
      case '--air-private-input': a.airPrivateInput = take(); break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown flag ${flag}.`);
        if (a.executable !== undefined) throw new UsageError(`one executable only (got ${a.executable} and ${flag}).`);
        a.executable = flag;
    }
  }
  if (a.executable === undefined) throw new UsageError('the executable file is missing (NAME.executable.json).');
  if (a.arguments !== undefined && a.argumentsFile !== undefined) throw new UsageError('--arguments and --arguments-file cannot be used together.');
  checkAirFlags(a as ExecuteArgs);
  return a as ExecuteArgs;
}

/** The AIR inputs describe a proof-mode run; the private one names the trace and memory files. */
export function checkAirFlags(a: ExecuteArgs): void {
  if ((a.airPublicInput !== undefined || a.airPrivateInput !== undefined) && !a.standalone) throw new UsageError('--air-public-input and --air-private-input need --standalone (a proof-mode run).');
  if (a.airPrivateInput !== undefined && (a.traceFile === undefined || a.memoryFile === undefined)) throw new UsageError('--air-private-input needs --trace-file and --memory-file.');
}

/** The profile's function names come from Cairn's debug file beside the executable. */
function profileProgramOf(exe: Executable, path: string): Program {
  const debugFile = defaultDebugFile(path);
  if (!existsSync(debugFile)) throw new ProgramError(`Profiling names functions from Cairn's debug file of the executable, ${debugFile}, which does not exist.`);
  return executableProfileProgram(exe, path, debugFile);
}

const twoSpaces = (json: string) => JSON.stringify(JSON.parse(json), null, 2);

/** anyhow's `{:?}` of an error with one cause: the cause's lines indented by four spaces. */
function anyhowText(context: string, cause: string): string {
  return `Error: ${context}\n\nCaused by:\n    ${cause.split('\n').join('\n    ')}\n`;
}

/** Called after a profiled run with its profile (named by Sierra function) and where the program segment was relocated to. */
export type OnExecutableProfile = (program: Program, profile: RunProfile, programBase: number) => void;

export function executeCommand(args: ExecuteArgs, io: Io, onProfile?: OnExecutableProfile): number {
  let run: ExecutableRun | undefined;
  try {
    const userArgs = args.argumentsFile !== undefined ? parseArgumentsFile(args.argumentsFile) : parseArgumentList(args.arguments ?? '');
    const exe = loadExecutableFile(args.executable);
    // Profiling names functions from the debug file beside the executable, read before the run.
    const profiled = onProfile === undefined ? undefined : profileProgramOf(exe, args.executable);
    run = launchExecutable({ executable: exe, args: userArgs, layout: args.layout, kind: args.standalone ? 'Standalone' : 'Bootloader', trace: args.traceFile !== undefined || args.printResourceUsage, print: (t) => io.out(t) });
    const runner = run.runner;
    const profiler = profiled === undefined ? undefined : attachProfiler(runner);
    let offsets: number[];
    try {
      runner.runToEnd();
      offsets = run.finish(args.secureRun);
    } catch (e) {
      if (!(e instanceof VmException)) throw e;
      const panic = run.panic();
      io.err(anyhowText(panic ?? 'Failed running program.', ExecutableRun.vmErrorText(e, runner.mem)));
      return 1;
    }
    let text = '';
    if (args.printProgramOutput) {
      text += 'Program Output:\n';
      for (const v of runner.output() ?? []) text += `${v === undefined ? '<missing>' : typeof v === 'object' ? String(v) : toSigned(v)}\n`;
    }
    if (args.printResourceUsage) text += resourcesText(executionResources(runner, offsets));
    io.out(text);
    if (args.traceFile !== undefined) writeOutputPieces(args.traceFile, (sink) => writeTrace(runner.vm.trace!, offsets, sink), 'trace file');
    if (args.memoryFile !== undefined) writeOutputPieces(args.memoryFile, (sink) => writeMemoryByAddress(runner.mem, offsets, sink), 'memory file');
    // cairo-vm's JSON (serde's two-space pretty print), the same fields and values as cairo-run's
    if (args.airPublicInput !== undefined) writeOutputFile(args.airPublicInput, twoSpaces(airPublicInput(runner, args.layout)), 'AIR public input');
    if (args.airPrivateInput !== undefined) writeOutputFile(args.airPrivateInput, twoSpaces(airPrivateInput(runner, args.traceFile!, args.memoryFile!)), 'AIR private input');
    if (profiler !== undefined) onProfile!(profiled!, profiler.result(), offsets[runner.programBase.segment]);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) io.err(`cairn execute: error: ${e.message}\n`);
    else if (e instanceof ProgramError || e instanceof VmError || e instanceof Cairo1DebugError) io.err(`Error: ${e.message}\n`);
    else io.err(internalErrorText(e) + '\n');
    return 1;
  }
}
