// The Cairo 1 hint processor: turns the executable's `program.hints` ([pc, [hint, ...]], each
// hint a cairo-lang-casm enum as serde writes it: {"Tag": {fields}} or "Tag" for a unit
// variant) into the VM's LoadedHints, dispatching on the tag once, at load.
import type { VirtualMachine, LoadedHint } from '../../vm/vm';
import { Cairo1State, Fields, findCairo1Hint } from './hint';
import { HintFormatError } from './operands';
import './math';
import './segments';
import './dict';
import './squash';
import './assert-le';
import './field';
import './circuit';
import './external';

/** A hint Cairn cannot run or read: its pc and why (the loader reports it as one line). */
export class Cairo1HintError extends Error {
  constructor(
    readonly pc: number,
    readonly reason: string,
  ) {
    super(`Invalid executable: program.hints at pc ${pc}: ${reason}.`);
    this.name = 'Cairo1HintError';
  }
}

/** The tag and body of one hint's JSON. */
function tagOf(j: unknown): [string, Record<string, unknown>] {
  if (typeof j === 'string') return [j, {}];
  if (typeof j === 'object' && j !== null && !Array.isArray(j)) {
    const keys = Object.keys(j);
    const body = (j as Record<string, unknown>)[keys[0]];
    if (keys.length === 1 && typeof body === 'object' && body !== null && !Array.isArray(body)) return [keys[0], body as Record<string, unknown>];
  }
  throw new HintFormatError(`expected a hint ({"Tag": {...}}), got ${JSON.stringify(j)?.slice(0, 80)}`);
}

const STARKNET_TAGS = new Set(['SystemCall', 'Cheatcode']);

/** The hints by pc, ready for `vm.hints`; throws Cairo1HintError on an unknown or broken hint. */
export function compileCairo1Hints(hints: readonly (readonly [number, readonly unknown[]])[], state: Cairo1State): (LoadedHint[] | undefined)[] {
  const out: (LoadedHint[] | undefined)[] = [];
  for (const [pc, list] of hints) {
    const loaded: LoadedHint[] = (out[pc] ??= []);
    for (const j of list) {
      let tag: string;
      let run;
      try {
        const [t, body] = tagOf(j);
        tag = t;
        const compile = findCairo1Hint(tag);
        if (compile === undefined) {
          const why = STARKNET_TAGS.has(tag) ? ' (a Starknet syscall: executables run without syscalls)' : '';
          throw new HintFormatError(`unknown hint ${JSON.stringify(tag)}${why}`);
        }
        run = compile(new Fields(body, tag));
      } catch (e) {
        if (e instanceof HintFormatError) throw new Cairo1HintError(pc, e.message);
        throw e;
      }
      const index = loaded.length;
      const impl = run;
      loaded.push({ code: JSON.stringify(j), index, run: (vm: VirtualMachine) => impl(vm, state) });
    }
  }
  return out;
}
