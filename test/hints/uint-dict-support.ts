// Helpers for the uint-dict tests: one hint run by its code string on the shared hint bench
// (./harness: a frame segment holding the ids), so a hint's effects and its Python errors can be
// checked one by one.
import type { Memory } from '../../src/vm/memory';
import type { VirtualMachine } from '../../src/vm/vm';
import type { Relocatable, Value } from '../../src/vm/relocatable';
import { HintBench, Member } from './harness';

export { raises } from './harness';
export type { Member };

export interface Bench {
  vm: VirtualMachine;
  mem: Memory;
  /** Address of an id's cell. */
  addr(name: string): Relocatable;
  /** The value in an id's cell (undefined if unwritten). */
  get(name: string): Value | undefined;
  /** Replaces the value of an id's cell of the frame (test set-up only: memory is write-once). */
  reset(name: string, v: Value | bigint): void;
  /** Runs the hint registered for `code` (fails the test if there is none). */
  run(code: string): void;
}

/**
 * The shared hint bench with segment 0 (program), 1 (the frame holding `vars`, one cell each, in
 * order) and the given extra segments; `members` are ids reached through a pointer; `consts` are
 * `ids.NAME`; `ids.DictAccess.SIZE` resolves from the dict_access scope.
 */
export function bench(
  vars: Record<string, Value | bigint | undefined>,
  opts: { members?: Record<string, Member>; consts?: Record<string, bigint>; extraSegments?: number } = {},
): Bench {
  const b = new HintBench({
    extraSegments: opts.extraSegments,
    structs: { 'starkware.cairo.common.dict_access.DictAccess': 3 },
    accessibleScopes: ['starkware.cairo.common.dict_access', '__main__'],
  }).felts(vars).constants(opts.consts ?? {});
  for (const [name, m] of Object.entries(opts.members ?? {})) b.member(name, m);
  // A plain object (the tests spread it into their own records).
  return {
    vm: b.vm,
    mem: b.mem,
    addr: (name) => b.addr(name),
    get: (name) => b.get(name),
    reset: (name, v) => b.reset(name, v),
    run: (code) => b.run(code),
  };
}
