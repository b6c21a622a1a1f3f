// What a Cairo 1 hint implementation is: cairo-lang-casm hints are structured JSON (an enum tag
// and its fields), so each family registers a compiler per tag that reads the fields once, at
// load, and returns the code to run at each visit of the pc.
import { randomBytes } from 'node:crypto';
import type { VirtualMachine } from '../../vm/vm';
import type { Felt } from '../../vm/felt';
import type { Relocatable } from '../../vm/relocatable';
import { CellRef, ResOperand, parseCell, parseRes, HintFormatError, parseBigInt } from './operands';
import type { DictManager } from './dict-manager';
import type { SquashState } from './squash-state';

/** A run argument (cairo-lang-runner's Arg): a felt, or an array written to a new segment. */
export type Arg = { value: Felt } | { array: Arg[] };

/** What the hints of one run share (cairo-lang-runner's CairoHintProcessor and exec scopes). */
export class Cairo1State {
  /** The run's parameters, by WriteRunParam index (cairo-execute passes one: the args array). */
  userArgs: Arg[][] = [];
  /** The arrays AddMarker recorded; the last one is the panic data of a failed run. */
  readonly markers: Felt[][] = [];
  /** The (pc, fp) chain AddTrace recorded on a panic. */
  panicTraceback: [Relocatable, Relocatable][] = [];
  dicts: DictManager | undefined;
  squash: SquashState | undefined;
  /** AllocConstantSize's segment and its next free address. */
  constNext: Relocatable | undefined;
  /** AssertLeFindSmallArcs' choice, read by the two hints after it. */
  excludedArc: number | undefined;
  /** Where DebugPrint (println!) writes: stdout for cairo-execute. */
  print: (text: string) => void = (t) => process.stdout.write(t);
  /** Random source of RandomEcPoint: 31 random bytes. */
  randomBytes: (n: number) => Uint8Array = (n) => randomBytes(n);
}

export type HintRun = (vm: VirtualMachine, state: Cairo1State) => void;

/** Reads the fields of one hint's JSON body. */
export class Fields {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly where: string,
  ) {}
  private get(name: string): unknown {
    if (!(name in this.body)) throw new HintFormatError(`${this.where}: missing field "${name}"`);
    return this.body[name];
  }
  cell(name: string): CellRef {
    return parseCell(this.get(name), `${this.where}.${name}`);
  }
  res(name: string): ResOperand {
    return parseRes(this.get(name), `${this.where}.${name}`);
  }
  bigint(name: string): bigint {
    return parseBigInt(this.get(name), `${this.where}.${name}`);
  }
}

export type HintCompiler = (f: Fields) => HintRun;

const registry = new Map<string, HintCompiler>();

export function defineCairo1Hint(tag: string, compile: HintCompiler): void {
  if (registry.has(tag)) throw new Error(`Cairo 1 hint registered twice: ${tag}`);
  registry.set(tag, compile);
}

export function findCairo1Hint(tag: string): HintCompiler | undefined {
  return registry.get(tag);
}

export function cairo1HintTags(): string[] {
  return [...registry.keys()];
}
