// A Cairo 1 executable behind the debugger's front: the live run (live-run.ts) drives it on
// Cairn's VM as `cairn execute` runs it (Bootloader entrypoint, the Cairo 1 hint processor), so
// run control, breakpoints, stepping, time travel and memory are the Cairo 0 debugger's own.
// What is Cairo 1 here: the program it sees is described by the debug file (statements.ts), and
// the call stack shows Sierra functions and their inlined callees (inlined-frames.ts).
import { basename, dirname, join } from 'node:path';
import { launchExecutable, ExecutableRun } from '../../runner/cairo1/launch';
import { Executable, loadExecutableFile } from '../../runner/cairo1/executable';
import { parseArgumentList, parseArgumentsFile } from '../../runner/cairo1/args';
import type { Arg } from '../../hints/cairo1/hint';
import { VmException } from '../../vm/vm';
import { DebugFront, FrontEvents } from '../front';
import { LiveRun, LaunchOptions, LaunchError } from '../live-run';
import { VarNode } from '../values';
import { loadDebugFile, Cairo1Debug } from './debug-file';
import { Statements, isCorelib } from './statements';
import { findSourceRoot } from './source-root';
import { Cairo1Inspection, NO_VARIABLES } from './inlined-frames';
import { Loops } from './loops';
import { Arguments } from './arguments';
import { SierraTypes } from './sierra-types';
import { SierraValues } from './sierra-values';
import { Locals } from './locals';

export interface Cairo1LaunchOptions extends LaunchOptions {
  /** Cairn's debug file of the executable (statement offsets and annotations); default NAME.debug.json beside it. */
  debugInfo?: string;
  /** The executable's arguments, as `scarb execute --arguments`: "1,2,3" or a list of integers. */
  arguments?: string | (string | number)[];
  /** A JSON list of hex strings, as `--arguments-file`. */
  argumentsFile?: string;
}

const SUFFIX = '.executable.json';

/** Whether launch arguments ask for a Cairo 1 executable. */
export function isCairo1(args: { program?: unknown; debugInfo?: unknown }): boolean {
  return (typeof args.program === 'string' && args.program.endsWith(SUFFIX)) || args.debugInfo !== undefined;
}

/** NAME.debug.json beside NAME.executable.json. */
export function defaultDebugFile(program: string): string {
  const name = basename(program);
  return join(dirname(program), (name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : name.replace(/\.json$/, '')) + '.debug.json');
}

export class Cairo1Run implements DebugFront {
  private readonly live: LiveRun;
  readonly inspect: Cairo1Inspection;
  private readonly debugFile: string;
  private readonly debug: Cairo1Debug;

  constructor(
    readonly options: Cairo1LaunchOptions,
    events: FrontEvents,
  ) {
    const program = options.program;
    if (typeof program !== 'string' || program === '') throw new LaunchError('The launch configuration has no "program": set it to the Cairo 1 executable (target/dev/NAME.executable.json).');
    this.debugFile = typeof options.debugInfo === 'string' && options.debugInfo !== '' ? options.debugInfo : defaultDebugFile(program);
    let exe: Executable;
    let statements: Statements;
    let args: Arg[];
    try {
      exe = loadExecutableFile(program);
      this.debug = loadDebugFile(this.debugFile, exe);
      const entry = exe.entrypoints.find((e) => e.kind === 'Bootloader');
      if (entry === undefined) throw new Error(`${program} has no Bootloader entrypoint (Cairn debugs that one).`);
      statements = new Statements(exe, this.debug, entry.offset, entry.builtins);
      args = userArguments(options);
    } catch (e) {
      throw new LaunchError((e as Error).message);
    }
    const sourceRoot = options.sourceRoot ?? findSourceRoot(dirname(program), this.debug);
    const liveOptions: LaunchOptions = { ...options, sourceRoot, findCairoLang: false };
    const loops = new Loops(statements, sourceRoot);
    const types = new SierraTypes(this.debug.sierra);
    const values = new SierraValues(types, this.debug.variables?.members);
    const params = new Arguments(statements, types, loops, values);
    const locals = this.debug.variables === undefined ? undefined : new Locals(statements, this.debug.variables, types, values, (k) => loops.isLoop(k));
    params.declare(statements.program);
    this.live = new LiveRun(liveOptions, events, () => {
      const run = launchExecutable({ executable: exe, args, layout: typeof options.layout === 'string' ? options.layout : 'all_cairo', trace: true, print: (t) => events.output(t, 'stdout') });
      const runner = run.runner;
      return {
        program: statements.program,
        runner,
        report: (e) => failureText(run, e),
        finish: () => run.finish(),
        folding: (timeline) => loops.folding(timeline, runner.mem, runner.programBase.segment),
        frameNames: (frame, step) => {
          const k = frame.pc.segment === runner.programBase.segment ? statements.functionAt(frame.pc.offset) : undefined;
          return k === undefined || locals === undefined ? undefined : locals.names(this.live.timeline, step, k, frame.fp, this.live.timeline.memoryAt(step));
        },
      };
    });
    const live = this.live;
    this.inspect = new Cairo1Inspection(live.inspect, statements, live.places, live.code, () => ({ step: live.cursor, latest: live.timeline.latest }), params, () => live.timeline.memoryAt(live.cursor), loops, locals === undefined ? undefined : { of: locals, timeline: live.timeline });
  }

  get control() {
    return this.live.control;
  }

  get breakpoints() {
    return this.live.breakpoints;
  }

  get banner(): string {
    const map = this.live.places.sourceMap;
    const missing = map.files.filter((f, i) => map.paths[i] === undefined && !isCorelib(f));
    const version = this.debug.compilerVersion ? `, Cairo ${this.debug.compilerVersion}` : '';
    let text = `Cairn: Cairo 1 executable ${this.options.program} with ${this.debugFile} (layout ${this.live.layout}, ${this.debug.statementOffsets.length} Sierra statements${version}).\n`;
    if (missing.length) text += `Source files not found (set sourceRoot): ${missing.join(', ')}\n`;
    return this.debug.variables === undefined ? text + NO_VARIABLES + '\n' : text;
  }

  whoWrote(target: string, frame: number, move?: boolean): VarNode {
    return this.live.whoWrote(target, this.inspect.fpFrame(frame), move);
  }

  dispose(): void {
    this.live.dispose();
  }
}

function userArguments(options: Cairo1LaunchOptions): Arg[] {
  const a = options.arguments;
  if (a !== undefined && options.argumentsFile !== undefined) throw new Error('Give "arguments" or "argumentsFile", not both.');
  if (typeof options.argumentsFile === 'string') return parseArgumentsFile(options.argumentsFile);
  if (a === undefined) return [];
  if (typeof a === 'string') return parseArgumentList(a);
  if (Array.isArray(a) && a.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v)))) return parseArgumentList(a.join(','));
  throw new Error('"arguments" must be a list of integers or a string such as "1,2,3".');
}

/** What cairo-execute prints for a failed run: the panic (if the program panicked) and the VM error under it. */
function failureText(run: ExecutableRun, e: VmException): string {
  const panic = run.panic();
  return `Error: ${panic ?? 'Failed running program.'}\n\nCaused by:\n    ${ExecutableRun.vmErrorText(e).trimEnd().split('\n').join('\n    ')}`;
}
