// Helpers for the uint-dict tests: running corpus programs, and running one hint by its code
// string on a small hand-made VM (a frame segment holding the ids, a fake `ids` that maps names
// to cells), so a hint's effects and its Python errors can be checked one by one.
import assert from 'node:assert/strict';
import '../../src/hints/all';
import { findHint, HintContext } from '../../src/hints/hint';
import { HintError } from '../../src/hints/errors';
import type { Ids } from '../../src/hints/ids';
import { Memory } from '../../src/vm/memory';
import { VirtualMachine } from '../../src/vm/vm';
import { Program, HintDef, Identifier } from '../../src/vm/program';
import { Relocatable, Value } from '../../src/vm/relocatable';
import * as F from '../../src/vm/felt';

/** A struct member reached through a pointer cell: `ptr.member` is at [ptr] + offset. */
export interface Member {
  ptr: string;
  offset: number;
}

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
 * A VM with segment 0 (program), 1 (the frame holding `vars`, one cell each, in order) and the
 * given extra segments; `members` are ids reached through a pointer; `consts` are `ids.NAME`.
 */
export function bench(
  vars: Record<string, Value | bigint | undefined>,
  opts: { members?: Record<string, Member>; consts?: Record<string, bigint>; extraSegments?: number } = {},
): Bench {
  const mem = new Memory();
  mem.addSegment();
  const frame = mem.addSegment();
  for (let i = 0; i < (opts.extraSegments ?? 0); i++) mem.addSegment();
  const vm = new VirtualMachine(mem, 0);
  vm.setFp(frame);
  vm.setAp(frame.add(100));
  const cells = new Map<string, Relocatable>();
  Object.entries(vars).forEach(([name, v], i) => {
    const a = frame.add(i);
    cells.set(name, a);
    if (v !== undefined) mem.writeAt(a, typeof v === 'bigint' ? F.toFelt(v) : v);
  });
  const addr = (name: string): Relocatable => {
    const cell = cells.get(name);
    if (cell !== undefined) return cell;
    const m = opts.members?.[name];
    if (m === undefined) throw new Error(`test bench: unknown id ${name}`);
    const p = mem.readAt(addr(m.ptr));
    assert.ok(p instanceof Relocatable);
    return p.add(m.offset);
  };
  const ids = {
    get: (name: string) => mem.readAt(addr(name)),
    big: (name: string) => F.big(mem.readAt(addr(name)) as F.Felt),
    ptr: (name: string) => mem.readAt(addr(name)) as Relocatable,
    addr,
    set: (name: string, v: Value | bigint) => mem.writeAt(addr(name), typeof v === 'bigint' ? F.toFelt(v) : v),
    has: (name: string) => cells.has(name),
    const: (name: string) => {
      const c = opts.consts?.[name];
      if (c === undefined) throw new Error(`test bench: unknown const ${name}`);
      return c;
    },
  } as unknown as Ids;
  const identifiers = new Map<string, Identifier>([
    ['starkware.cairo.common.dict_access.DictAccess', { type: 'struct', fullName: 'starkware.cairo.common.dict_access.DictAccess', members: {}, size: 3 }],
  ]);
  const program = { identifiers } as unknown as Program;
  return {
    vm,
    mem,
    addr,
    get: (name) => mem.getAt(addr(name)),
    reset(name, v) {
      const a = cells.get(name);
      assert.ok(a, `test bench: ${name} is not a frame cell`);
      mem.segments[a.segment][a.offset] = typeof v === 'bigint' ? F.toFelt(v) : v;
    },
    run(code: string) {
      const impl = findHint(code);
      assert.ok(impl, `no hint registered for:\n${code}`);
      const hint: HintDef = { code, accessibleScopes: ['starkware.cairo.common.dict_access', '__main__'], flowTrackingData: undefined as never };
      const ctx: HintContext = { vm, mem, ids, program, hint, builtins: new Map(), scope: vm.scope };
      impl(ctx);
    },
  };
}

/** Asserts that `fn` raises the Python exception `pyType: message`. */
export function raises(fn: () => void, pyType: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof HintError, `expected a HintError, got ${String(e)}`);
    assert.equal(`${e.pyType}: ${e.message}`, `${pyType}: ${message}`);
    return true;
  });
}
