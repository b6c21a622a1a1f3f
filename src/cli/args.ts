// cairo-run compatible flags for `cairn run`: cairo-run 0.14.0.1's own list (its --help), plus
// Cairn's --max_steps, --cairo_path and a Cairo 1 executable's --arguments(_file). FLAGS is the one table: the parser and --help use it.
export interface RunArgs {
  program?: string;
  programInput?: string;
  layout: string;
  /** Whether --layout was given (a Cairo 1 executable's default is all_cairo, not plain). */
  layoutGiven?: boolean;
  steps?: number;
  minSteps?: number;
  /** Cairn's guard against runaway programs when --steps is not given. */
  maxSteps?: number;
  entrypoint?: string;
  printOutput: boolean;
  printInfo: boolean;
  printMemory: boolean;
  printSegments: boolean;
  relocatePrints: boolean;
  traceFile?: string;
  memoryFile?: string;
  /** undefined: cairo-run's default (on, off in proof mode). */
  secureRun?: boolean;
  proofMode: boolean;
  debugError: boolean;
  noEnd: boolean;
  airPublicInput?: string;
  airPrivateInput?: string;
  cairoPieOutput?: string;
  runFromCairoPie?: string;
  mergeExtraSegments: boolean;
  debugInfoFile?: string;
  layoutParamsFile?: string;
  /** undefined: cairo-run's default (on in proof mode). */
  allowMissingBuiltins?: boolean;
  tracer: boolean;
  showTrace: boolean;
  flavor?: string;
  pythonDependencies?: string;
  profileOutput?: string;
  cairoPath: string[];
  /** A Cairo 1 executable's arguments (`cairn run` of an executable runs it as `cairn execute`). */
  arguments?: string;
  argumentsFile?: string;
  /** The Python (with cairo-lang) that runs hints Cairn has no TypeScript for (--python). */
  python?: string;
  /** --no_python_hints: such hints stop the run instead. */
  noPythonHints: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const LAYOUT_CHOICES = ['plain', 'small', 'dex', 'recursive', 'starknet', 'recursive_large_output', 'all_solidity', 'starknet_with_keccak', 'dynamic', 'recursive_with_poseidon'];

interface Flag {
  name: string;
  /** Metavariable of a flag that takes a value. */
  value?: string;
  help: string;
  set(a: RunArgs, v: string | undefined, flag: string): void;
}

const int = (flag: string, t: string): number => {
  if (!/^-?[0-9]+$/.test(t.trim())) throw new UsageError(`argument ${flag}: invalid int value: '${t}'`);
  return Number(t);
};
const choice = (flag: string, t: string, choices: string[]): string => {
  if (!choices.includes(t)) throw new UsageError(`argument ${flag}: invalid choice: '${t}' (choose from ${choices.map((c) => `'${c}'`).join(', ')})`);
  return t;
};

export const FLAGS: Flag[] = [
  { name: '--program', value: 'PROGRAM', help: 'The name of the program json file.', set: (a, v) => (a.program = v) },
  { name: '--program_input', value: 'PROGRAM_INPUT', help: 'Path to a json file representing the (private) input of the program.', set: (a, v) => (a.programInput = v) },
  { name: '--steps', value: 'STEPS', help: 'The number of instructions to perform. If steps is not given, runs the program until the __end__ instruction, and then continues until the number of steps is a power of 2.', set: (a, v, f) => (a.steps = int(f, v!)) },
  { name: '--min_steps', value: 'MIN_STEPS', help: 'The minimal number of instructions to perform. This can be used to guarantee that there will be enough builtin instances for the program.', set: (a, v, f) => (a.minSteps = int(f, v!)) },
  { name: '--debug_error', help: 'If there is an error during the execution, stop the execution, but produce the partial outputs.', set: (a) => (a.debugError = true) },
  { name: '--no_end', help: "Don't check that the program ended successfully.", set: (a) => (a.noEnd = true) },
  { name: '--print_memory', help: 'Show the values on the memory after the execution.', set: (a) => (a.printMemory = true) },
  { name: '--relocate_prints', help: 'Print memory and info after memory relocation.', set: (a) => (a.relocatePrints = true) },
  { name: '--secure_run', help: 'Verify that the run is secure and can be run safely using the bootloader (the default).', set: (a) => (a.secureRun = true) },
  { name: '--no_secure_run', help: "Don't verify that the run is secure (see --secure_run).", set: (a) => (a.secureRun = false) },
  { name: '--print_info', help: 'Print information on the execution of the program.', set: (a) => (a.printInfo = true) },
  { name: '--print_segments', help: 'Print the segment relocation table.', set: (a) => (a.printSegments = true) },
  { name: '--print_output', help: 'Prints the program output (if the output builtin is used).', set: (a) => (a.printOutput = true) },
  { name: '--memory_file', value: 'MEMORY_FILE', help: 'Output file name for the memory.', set: (a, v) => (a.memoryFile = v) },
  { name: '--trace_file', value: 'TRACE_FILE', help: 'Output file name for the execution trace.', set: (a, v) => (a.traceFile = v) },
  { name: '--run_from_cairo_pie', value: 'RUN_FROM_CAIRO_PIE', help: 'Runs a Cairo PIE file, instead of a program. This flag can be used with --secure_run to verify the correctness of a Cairo PIE file.', set: (a, v) => (a.runFromCairoPie = v) },
  { name: '--cairo_pie_output', value: 'CAIRO_PIE_OUTPUT', help: 'Output file name for the CairoPIE object.', set: (a, v) => (a.cairoPieOutput = v) },
  { name: '--merge_extra_segments', help: 'Merge extra memory segments in the output CairoPIE object.', set: (a) => (a.mergeExtraSegments = true) },
  { name: '--debug_info_file', value: 'DEBUG_INFO_FILE', help: 'Output file name for debug information created at run time.', set: (a, v) => (a.debugInfoFile = v) },
  { name: '--air_public_input', value: 'AIR_PUBLIC_INPUT', help: 'Output file name for the public input json file of the Cairo AIR.', set: (a, v) => (a.airPublicInput = v) },
  { name: '--air_private_input', value: 'AIR_PRIVATE_INPUT', help: 'Output file name for the private input json file of the Cairo AIR.', set: (a, v) => (a.airPrivateInput = v) },
  { name: '--layout', value: `{${LAYOUT_CHOICES.join(',')}}`, help: 'The layout of the Cairo AIR. (Cairn also accepts all_cairo.)', set: (a, v, f) => ((a.layoutGiven = true), (a.layout = v === 'all_cairo' ? v : choice(f, v!, LAYOUT_CHOICES))) },
  { name: '--cairo_layout_params_file', value: 'CAIRO_LAYOUT_PARAMS_FILE', help: 'Path to a json file representing a CairoLayoutParams object. Must be given for dynamic layouts only.', set: (a, v) => (a.layoutParamsFile = v) },
  { name: '--tracer', help: "Run the tracer. [Cairn: serves a page of the run on 127.0.0.1 (step, registers, source, memory) and prints the launch configuration that opens it in VS Code's debugger]", set: (a) => (a.tracer = true) },
  { name: '--profile_output', value: 'PROFILE_OUTPUT', help: 'A path to an output file to write profile data to. Can be opened in pprof. Usually "profile.pb.gz".', set: (a, v) => (a.profileOutput = v) },
  { name: '--proof_mode', help: 'Prepare a provable execution trace.', set: (a) => (a.proofMode = true) },
  { name: '--show_trace', help: 'Print the full Python error trace in case of an internal error. [Cairn: accepted; Cairn has no Python trace to add]', set: (a) => (a.showTrace = true) },
  { name: '--flavor', value: '{Debug,Release,RelWithDebInfo}', help: 'Build flavor. [Cairn: accepted; no effect]', set: (a, v, f) => (a.flavor = choice(f, v!, ['Debug', 'Release', 'RelWithDebInfo'])) },
  { name: '--allow_missing_builtins', value: '[{None,True,False}]', help: 'Allow cairo_run to run without all the builtins.', set: () => undefined },
  { name: '--python_dependencies', value: 'PYTHON_DEPENDENCIES', help: 'Output the starkware python modules this file depends on as a CMake file. [Cairn: not supported (Cairn is not built from those modules); says so and exits 1]', set: (a, v) => (a.pythonDependencies = v) },
  { name: '--python', value: 'PYTHON', help: '[Cairn] The Python (with cairo-lang) that runs hints Cairn has no TypeScript implementation for.', set: (a, v) => (a.python = v) },
  { name: '--no_python_hints', help: '[Cairn] Such hints stop the run instead of running in Python.', set: (a) => (a.noPythonHints = true) },
  { name: '--entrypoint', value: 'NAME', help: '[Cairn] The function to run instead of main.', set: (a, v) => (a.entrypoint = v) },
  { name: '--max_steps', value: 'N', help: '[Cairn] Without --steps, stop a runaway program with an error after N steps (default 2^30).', set: (a, v, f) => (a.maxSteps = int(f, v!)) },
  { name: '--arguments', value: 'LIST', help: "[Cairn] A Cairo 1 executable's arguments, comma-separated integers (as cairn execute --arguments).", set: (a, v) => (a.arguments = v) },
  { name: '--arguments_file', value: 'FILE', help: "[Cairn] A Cairo 1 executable's arguments as a JSON list of hex strings (as cairn execute --arguments-file).", set: (a, v) => (a.argumentsFile = v) },
  { name: '--cairo_path', value: 'DIRS', help: '[Cairn] Colon-separated folders where the error report looks for source files.', set: (a, v) => a.cairoPath.push(...v!.split(':').filter(Boolean)) },
];

const BY_NAME = new Map(FLAGS.map((f) => [f.name, f]));

/** `cairn run --help`: every flag, cairo-run's text, with what Cairn does where it differs. */
export function runHelp(): string {
  let text = 'usage: cairn run [-h] [-v] --program PROGRAM [flags]\n\nRuns a compiled Cairo 0 program on Cairn\'s VM, as cairo-run 0.14.0.1 does.\n\noptions:\n';
  text += '  -h, --help            show this help message and exit\n';
  text += "  -v, --version         show program's version number and exit\n";
  for (const f of FLAGS) {
    const head = `  ${f.name}${f.value ? ' ' + f.value : ''}`;
    text += head.length < 24 ? head.padEnd(24) + f.help + '\n' : `${head}\n${' '.repeat(24)}${f.help}\n`;
  }
  return text;
}

/** `--flag=value` as [flag, value]; any other argument as [argument, undefined]. */
export function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

export function parseRunArgs(argv: string[]): RunArgs {
  const a: RunArgs = {
    layout: 'plain', printOutput: false, printInfo: false, printMemory: false, printSegments: false,
    relocatePrints: false, proofMode: false, debugError: false, noEnd: false, mergeExtraSegments: false,
    tracer: false, showTrace: false, cairoPath: [], help: false, version: false, noPythonHints: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let [flag, value] = splitFlag(argv[i]);
    if (flag === '-h' || flag === '--help') {
      a.help = true;
      continue;
    }
    if (flag === '-v' || flag === '--version') {
      a.version = true;
      continue;
    }
    const f = BY_NAME.get(flag);
    if (f === undefined) throw new UsageError(`unrecognized arguments: ${argv[i]}`);
    if (f.name === '--allow_missing_builtins') {
      // nargs='?': an optional True/False/None value; the bare flag means True.
      const next = value ?? (['True', 'False', 'None'].includes(argv[i + 1]) ? argv[++i] : undefined);
      if (next !== undefined && !['True', 'False'].includes(next)) throw new UsageError(`argument --allow_missing_builtins: invalid <lambda> value: '${next}'`);
      a.allowMissingBuiltins = next === undefined ? true : next === 'True';
      continue;
    }
    if (f.value !== undefined && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`argument ${flag}: expected one argument`);
    } else if (f.value === undefined && value !== undefined) {
      throw new UsageError(`argument ${flag}: ignored explicit argument '${value}'`);
    }
    f.set(a, value, flag);
  }
  if (a.program === undefined && a.runFromCairoPie === undefined && !a.help && !a.version) {
    throw new UsageError('the following arguments are required: --program');
  }
  return a;
}
