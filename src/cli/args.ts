// cairo-run compatible flags for `cairn run`.
export interface RunArgs {
  program?: string;
  programInput?: string;
  layout: string;
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
  secureRun: boolean;
  proofMode: boolean;
  debugError: boolean;
  cairoPath: string[];
  /** The Python (with cairo-lang) that runs hints Cairn has no TypeScript for (--python). */
  python?: string;
  /** --no_python_hints: such hints stop the run instead. */
  noPythonHints: boolean;
}

export class UsageError extends Error {}

const BOOL_FLAGS: Record<string, keyof RunArgs> = {
  '--print_output': 'printOutput',
  '--print_info': 'printInfo',
  '--print_memory': 'printMemory',
  '--print_segments': 'printSegments',
  '--relocate_prints': 'relocatePrints',
  '--proof_mode': 'proofMode',
  '--debug_error': 'debugError',
  '--no_python_hints': 'noPythonHints',
};

export function parseRunArgs(argv: string[]): RunArgs {
  const a: RunArgs = {
    layout: 'plain', printOutput: false, printInfo: false, printMemory: false, printSegments: false,
    relocatePrints: false, secureRun: true, proofMode: false, debugError: false, cairoPath: [], noPythonHints: false,
  };
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    const take = (): string => {
      if (value !== undefined) return value;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`argument ${flag}: expected one argument`);
      return v;
    };
    const int = (): number => {
      const t = take();
      if (!/^[0-9]+$/.test(t)) throw new UsageError(`argument ${flag}: invalid int value: '${t}'`);
      return Number(t);
    };
    if (flag in BOOL_FLAGS) {
      (a as unknown as Record<string, boolean>)[BOOL_FLAGS[flag]] = true;
      continue;
    }
    switch (flag) {
      case '--program': a.program = take(); break;
      case '--program_input': a.programInput = take(); break;
      case '--layout': a.layout = take(); break;
      case '--steps': a.steps = int(); break;
      case '--min_steps': a.minSteps = int(); break;
      case '--max_steps': a.maxSteps = int(); break;
      case '--entrypoint': a.entrypoint = take(); break;
      case '--trace_file': a.traceFile = take(); break;
      case '--memory_file': a.memoryFile = take(); break;
      case '--secure_run': a.secureRun = true; break;
      case '--no_secure_run': a.secureRun = false; break;
      case '--python': a.python = take(); break;
      case '--cairo_path': a.cairoPath.push(...take().split(':').filter(Boolean)); break;
      default:
        throw new UsageError(`unrecognized arguments: ${argv[i]}`);
    }
  }
  if (a.program === undefined) throw new UsageError('the following arguments are required: --program');
  return a;
}
