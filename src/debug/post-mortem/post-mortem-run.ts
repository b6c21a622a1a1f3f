// A finished run behind the debugger's front: the program JSON plus cairo-run's relocated trace
// and memory files, with no VM. The same run control, breakpoints and inspection as a live run
// read the recording; what a recording cannot know is said where it would be shown.
import { dirname } from 'node:path';
import { loadProgramFile } from '../../runner/load-program';
import { Program } from '../../vm/program';
import { Relocatable } from '../../vm/relocatable';
import { Scope } from '../../vm/vm';
import { DebugFront, FrontEvents, Failure, WriterNode } from '../front';
import { SourceMap, SourceOptions } from '../source-map';
import { Code } from '../code';
import { Places } from '../places';
import { Stepping } from '../stepping';
import { BreakpointSetter } from '../breakpoint-setter';
import { Controller } from '../run-control';
import { Inspector, Subject } from '../inspection';
import { whoWrote } from '../writer-node';
import { HintStops } from '../hint-stops';
import { Recording } from './recording';
import { RecordingError } from './files';

export interface PostMortemOptions extends SourceOptions {
  /** The compiled JSON of the program that ran. */
  program: string;
  /** cairo-run's (or `cairn run`'s) --trace_file. */
  traceFile: string;
  /** cairo-run's (or `cairn run`'s) --memory_file. */
  memoryFile: string;
}

/** What a post-mortem session cannot show, and why (the console says it at the start). */
export const POST_MORTEM_LIMITS =
  'Hints are not run again, so there are no hint scopes; memory cells cannot be set; segments added by hints show as one segment ' +
  '(a relocated file keeps no borders between them); a cell a hint wrote shows from the first step that used it.';

export class PostMortemRun implements DebugFront, Subject {
  readonly control: Controller;
  readonly inspect: Inspector;
  readonly breakpoints: BreakpointSetter;
  readonly code: Code;
  readonly places: Places;
  readonly timeline: Recording;
  readonly program: Program;
  readonly failure: Failure | undefined = undefined;
  private readonly hintStops = new HintStops();

  constructor(
    readonly options: PostMortemOptions,
    events: FrontEvents,
  ) {
    for (const key of ['program', 'traceFile', 'memoryFile'] as const) {
      if (typeof options[key] !== 'string' || options[key] === '') throw new RecordingError(`A post-mortem launch needs "${key}" (the program JSON, and the --trace_file and --memory_file of its run).`);
    }
    this.program = loadProgramFile(options.program);
    this.timeline = new Recording(this.program, options.traceFile, options.memoryFile);
    const sourceMap = new SourceMap(this.program, { ...options, sourceRoot: options.sourceRoot ?? dirname(options.program) });
    this.code = new Code(0, this.program.data);
    this.places = new Places(sourceMap, this.program);
    // Stops before a hint are shown at the hint, as in a live run (the hint itself is not run).
    const stepping = new Stepping(this.timeline, this.code, sourceMap.stepKeyOfPc, { has: (pc) => sourceMap.hasHint(pc), stops: this.hintStops });
    this.inspect = new Inspector(this);
    this.breakpoints = new BreakpointSetter(this.code, this.places, this.timeline, (step) => this.inspect.env(0, step), events, this.hintStops);
    this.control = new Controller(this.timeline, stepping, this.breakpoints, undefined, events);
  }

  get cursor(): number {
    return this.control.cursor;
  }

  get banner(): string {
    return `Cairn post-mortem: ${this.options.program} from ${this.options.traceFile} and ${this.options.memoryFile} (${this.timeline.latest + 1} steps recorded, ${this.timeline.mem.size} memory cells).\n${POST_MORTEM_LIMITS}\n`;
  }

  whoWrote(target: string, frame: number, move = true): WriterNode {
    return whoWrote(this, target, frame, move);
  }

  dispose(): void {
    this.control.dispose();
  }

  hintShown(step: number): number | undefined {
    return this.hintStops.at(step);
  }

  hintScopes(): { scopes: Scope[]; note?: string } {
    return { scopes: [], note: 'A post-mortem run has no hint scopes: hints are not run again from a trace.' };
  }

  segmentNames(): Map<number, string> {
    return new Map(this.timeline.layout.spans.map((s) => [s.segment, s.name]));
  }

  writeCell(_addr: Relocatable): string {
    throw new Error('A post-mortem run is a recording: its memory cannot be set.');
  }
}

/** Whether launch arguments ask for a post-mortem session. */
export function isPostMortem(args: { traceFile?: unknown; memoryFile?: unknown }): boolean {
  return args.traceFile !== undefined || args.memoryFile !== undefined;
}

/**
 * The launch configuration that opens a finished run in the debugger (for `cairn run --tracer`
 * and any editor): give it to VS Code's debug API or write it into a launch.json.
 */
export function postMortemConfiguration(program: string, traceFile: string, memoryFile: string): Record<string, unknown> {
  return { type: 'cairn', request: 'launch', name: 'Cairn: post-mortem', program, traceFile, memoryFile, stopOnEntry: true };
}
