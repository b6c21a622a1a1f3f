// The debugger's front: what an adapter may ask of a debugged run, answered in runtime shapes
// (no protocol types; lines and columns start at 1). Three parts, as a person uses them: run
// control, inspection, breakpoints. A live run (live-run.ts) is one implementation; a post-mortem
// trace or a Cairo 1 executable can be others behind the same interface.
import { VarNode } from './values';
import { Completions } from './completions';

export type StopReason = 'entry' | 'step' | 'breakpoint' | 'function breakpoint' | 'instruction breakpoint' | 'data breakpoint' | 'pause' | 'exception';
export type Granularity = 'line' | 'instruction';

/** What the front tells its adapter without being asked. */
export interface FrontEvents {
  stopped(reason: StopReason, detail: { text?: string; breakpointIds?: number[] }): void;
  output(text: string, category: 'console' | 'stdout' | 'stderr'): void;
  ended(exitCode: number): void;
  /** A breakpoint's state changed during the run (verified when a hint loaded the task program it is in). */
  breakpointChanged?(b: RuntimeBreakpoint): void;
  /** The run moves outside a run-control request ("who wrote", go there): a stop follows. */
  resumed?(): void;
}

/** A source file the program's debug info names. */
export interface SourceFile {
  /** As debug_info writes it (`starkware/cairo/common/math.cairo`, `fib.cairo`). */
  name: string;
  /** Where it is on this disk, when found. */
  path?: string;
  /** The common library, or any file that cannot be shown: the editor plays it down. */
  library: boolean;
}

/** Where an instruction is in the sources. */
export interface Place {
  file: SourceFile;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RuntimeFrame extends Partial<Place> {
  /** 0 is the innermost frame. */
  index: number;
  name: string;
  /** The instruction reference of a pc in the program's code (`0x1c`); undefined elsewhere. */
  pc?: string;
  library: boolean;
}

export interface RuntimeBreakpoint extends Partial<Place> {
  id?: number;
  verified: boolean;
  message?: string;
  /** Instruction breakpoints: the pc they stop at. */
  pc?: string;
}

export interface LineSpec {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}
export interface FunctionSpec {
  name: string;
  condition?: string;
  hitCondition?: string;
}
export interface InstructionSpec {
  reference: string;
  offset?: number;
  condition?: string;
  hitCondition?: string;
}

/** A cell a data breakpoint can watch. */
export interface DataTarget {
  /** The cell (`s:o`), or undefined when the thing is not one memory cell. */
  dataId?: string;
  description: string;
}

export type ScopeKind = 'locals' | 'registers' | 'hints' | 'memory';
export interface RuntimeScope {
  name: string;
  kind: ScopeKind;
  /** Costly to list: the editor shows it collapsed. */
  expensive: boolean;
}

export interface MemoryBytes {
  /** The first byte read, as a memory reference. */
  address: string;
  bytes: Uint8Array;
  /** Bytes after `bytes` that cannot be read (unwritten cells, no such segment). */
  unreadable: number;
}

export interface DisassemblyRow extends Partial<Place> {
  address: string;
  text: string;
  /** Padding beyond the ends of the code. */
  invalid: boolean;
  encoding?: string;
  /** The function that starts here. */
  symbol?: string;
}

export interface Failure {
  /** The VM's error kind (AssertEq, UnknownHint, StepLimit, ...). */
  kind: string;
  message: string;
  /** cairo-run's full report: location, error message attributes, Cairo traceback. */
  text: string;
}

export interface RunControl {
  /** After the editor has sent its breakpoints: stop at the entry or run. */
  start(stopOnEntry: boolean): void;
  readonly running: boolean;
  readonly ended: boolean;
  continue(): Promise<void>;
  next(g: Granularity): Promise<void>;
  stepIn(g: Granularity): Promise<void>;
  stepOut(): Promise<void>;
  stepBack(g: Granularity): void;
  reverseContinue(): void;
  pause(): void;
}

export interface Inspection {
  /** Frames `start` to `start + count` (innermost first; at most a page of them), and how many there are in all. */
  frames(start: number, count: number): { frames: RuntimeFrame[]; total: number };
  scopes(frame: number): RuntimeScope[];
  variables(frame: number, scope: ScopeKind): VarNode[];
  evaluate(expression: string, frame: number): VarNode;
  /** Completions of `text` with the caret at `caret` (0-based). */
  completions(text: string, caret: number, frame: number): Completions;
  /** Writes an unwritten cell (memory is write-once); returns the value as shown. */
  setCell(node: VarNode, text: string): string;
  readMemory(reference: string, offset: number, count: number): MemoryBytes;
  disassemble(reference: string, offset: number, instructionOffset: number, count: number): DisassemblyRow[];
  /** The VM error the run stopped at, if it failed. */
  failure(): Failure | undefined;
  /** Every source file of the program. */
  sources(): SourceFile[];
  /** The text of a source file that is not on disk (embedded in debug_info, or a note saying so). */
  sourceText(name: string): string;
}

export interface Breakpoints {
  setLines(path: string, specs: LineSpec[]): RuntimeBreakpoint[];
  setFunctions(specs: FunctionSpec[]): RuntimeBreakpoint[];
  setInstructions(specs: InstructionSpec[]): RuntimeBreakpoint[];
  /** Stop at VM errors (on) or end the run with them (off). */
  setExceptions(on: boolean): void;
  /** Lines of a file that can take a breakpoint, between two lines. */
  locations(path: string, from: number, to: number): number[];
  /** Whether a cell (a memory reference) can be watched, and what to call it. */
  dataTarget(address: string | undefined, label: string): DataTarget;
  /** Watches cells: going forward stops after the step that writes one, going back at the step that wrote it. */
  setData(dataIds: string[]): RuntimeBreakpoint[];
}

/** "Who wrote this?" in the REPL: the writing step and its place, its operands as children. */
export interface WriterNode extends VarNode {
  /** The step that wrote the cell; undefined when it was written before the run started. */
  step?: number;
}

export interface DebugFront {
  readonly control: RunControl;
  readonly inspect: Inspection;
  readonly breakpoints: Breakpoints;
  /** One line for the console: what is being debugged and what is missing. */
  readonly banner: string;
  /**
   * "Who wrote this?": the step that wrote a cell (an expression or `s:o`), the instruction and its
   * operands with their own writers; the cursor moves to that step (a stop follows), unless
   * `move` is false (an editor asking before it offers to go there).
   */
  whoWrote(target: string, frame: number, move?: boolean): WriterNode;
  /** Stops the run for good (disconnect, restart). */
  dispose(): void;
}
