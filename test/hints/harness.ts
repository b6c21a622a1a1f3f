// The one hint-context harness of the hint unit tests: a real Memory and VirtualMachine, `ids`
// that are named cells of the frame segment (or members reached through a pointer cell), the
// constants, scope variables and builtins a hint sees, and a log of what the hint wrote. A hint
// runs by its code string through the registry, as the processor would find it.
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

const BASE86 = 1n << 86n;

/** A struct member reached through a pointer cell: `ptr.member` is at [ptr] + offset. */
export interface Member {
  ptr: string;
  offset: number;
}

/** Memory that logs the writes a hint makes outside `ids` (`[segment:offset]`, value). */
class LoggingMemory extends Memory {
  log: [string, Value][] | undefined;

  override write(segment: number, offset: number, v: Value): void {
    super.write(segment, offset, v);
    this.log?.push([`[${segment}:${offset}]`, v]);
  }
}

export interface BenchOptions {
  /** Segments added after the program (0) and frame (1) segments. */
  extraSegments?: number;
  /** Where ap points (default 1:100); fp is 1:0. */
  ap?: number;
  /** The frame offset of the first id cell (default 0). */
  idsAt?: number;
  /** Builtin runners by name (default: none). */
  builtins?: Map<string, unknown>;
  /** Struct identifiers `ids.Struct.SIZE` resolves (full name -> size). */
  structs?: Record<string, number>;
  /** The hint's accessible scopes (for struct names). */
  accessibleScopes?: string[];
  /** An id the hint sets or takes the address of without the test declaring it gets a new cell. */
  open?: boolean;
}

export class HintBench {
  readonly mem = new LoggingMemory();
  readonly vm: VirtualMachine;
  readonly consts = new Map<string, bigint>();
  readonly builtins: Map<string, unknown>;
  /** What hints wrote, in order: `ids` names with their felt value, other cells as `[s:o]`. */
  readonly writes: [string, Value][] = [];
  private readonly cells = new Map<string, Relocatable>();
  private readonly values = new Map<string, Value>();
  private readonly members = new Map<string, Member>();
  private next = 0;
  private readonly program: Program;
  private readonly accessibleScopes: string[];
  private readonly open: boolean;

  constructor(opts: BenchOptions = {}) {
    this.mem.addSegment();
    const frame = this.mem.addSegment();
    for (let i = 0; i < (opts.extraSegments ?? 0); i++) this.mem.addSegment();
    this.vm = new VirtualMachine(this.mem, 0);
    this.vm.setFp(frame);
    this.vm.setAp(frame.add(opts.ap ?? 100));
    this.builtins = opts.builtins ?? new Map();
    const identifiers = new Map<string, Identifier>(Object.entries(opts.structs ?? {}).map(([fullName, size]) => [
      fullName, { type: 'struct', fullName, members: {}, size } as Identifier,
    ]));
    this.program = { identifiers } as unknown as Program;
    this.accessibleScopes = opts.accessibleScopes ?? ['__main__'];
    this.next = opts.idsAt ?? 0;
    this.open = opts.open ?? false;
  }

  /** Declares an id cell of the frame, written with `v` unless undefined (ints reduced mod P). */
  felt(name: string, v?: Value | bigint): Relocatable {
    const a = new Relocatable(1, this.next++);
    this.cells.set(name, a);
    if (v !== undefined) this.mem.writeAt(a, toValue(v));
    return a;
  }

  /** Declares several id cells in order. */
  felts(vals: Record<string, Value | bigint | undefined | null>): this {
    for (const [name, v] of Object.entries(vals)) this.felt(name, v ?? undefined);
    return this;
  }

  /** Declares a BigInt3 `name.d0..d2` holding `v` in base 2^86 (or the given limbs). */
  bigint3(name: string, v?: bigint | readonly bigint[]): Relocatable {
    const limbs = v === undefined ? [undefined, undefined, undefined] : typeof v === 'bigint' ? [v % BASE86, (v / BASE86) % BASE86, v / BASE86 / BASE86] : v;
    const a = this.felt(`${name}.d0`, limbs[0]);
    this.felt(`${name}.d1`, limbs[1]);
    this.felt(`${name}.d2`, limbs[2]);
    this.cells.set(name, a);
    return a;
  }

  /** Binds an id to a value that lives in no cell (read-only: the hint only reads it). */
  value(name: string, v: Value | bigint): this {
    this.values.set(name, toValue(v));
    return this;
  }

  /** Binds (or rebinds) an id to a given cell. */
  cellAt(name: string, addr: Relocatable): this {
    this.cells.set(name, addr);
    return this;
  }

  /** Declares an id reached through a pointer id (`ptr.member`). */
  member(name: string, m: Member): this {
    this.members.set(name, m);
    return this;
  }

  /** Declares constants (`ids.NAME`). */
  constants(c: Record<string, bigint>): this {
    for (const [k, v] of Object.entries(c)) this.consts.set(k, v);
    return this;
  }

  /** Binds exec-scope variables. */
  bind(vars: Record<string, unknown> | Map<string, unknown>): this {
    for (const [k, v] of vars instanceof Map ? vars : Object.entries(vars)) this.vm.scope.set(k, v);
    return this;
  }

  /** Where an id lives. */
  addr(name: string): Relocatable {
    const cell = this.cells.get(name);
    if (cell !== undefined) return cell;
    const m = this.members.get(name);
    if (m === undefined && this.open) return this.felt(name);
    if (m === undefined) throw new Error(`hint bench: no ids.${name}`);
    const p = this.mem.getAt(this.addr(m.ptr));
    assert.ok(p instanceof Relocatable, `hint bench: ids.${m.ptr} is not a pointer`);
    return p.add(m.offset);
  }

  /** An id's value after the hint (undefined if never written). */
  get(name: string): Value | undefined {
    return this.mem.getAt(this.addr(name));
  }

  /** An id's felt value. */
  read(name: string): bigint {
    const v = this.get(name);
    assert.ok(v !== undefined && typeof v !== 'object', `hint bench: ids.${name} is not a felt`);
    return F.big(v);
  }

  /** A BigInt3 id's value. */
  readBigint3(name: string): bigint {
    return this.read(`${name}.d0`) + this.read(`${name}.d1`) * BASE86 + this.read(`${name}.d2`) * BASE86 * BASE86;
  }

  /** Replaces an id cell's value (set-up between runs only: memory is write-once). */
  reset(name: string, v: Value | bigint): void {
    const a = this.cells.get(name);
    assert.ok(a, `hint bench: ${name} is not a frame cell`);
    this.mem.segments[a.segment][a.offset] = toValue(v);
  }

  /** memory[ap]. */
  ap(): Value | undefined {
    return this.mem.getAt(this.vm.apValue());
  }

  /** An exec-scope variable. */
  scope(name: string): unknown {
    return this.vm.scope.get(name);
  }

  /** The context a hint sees. */
  ctx(code = ''): HintContext {
    const get = (name: string): Value => {
      if (!this.cells.has(name) && this.values.has(name)) return this.values.get(name)!;
      if (!this.cells.has(name) && !this.members.has(name) && this.consts.has(name)) return F.toFelt(this.consts.get(name)!);
      const v = this.mem.getAt(this.addr(name));
      if (v === undefined) throw new Error(`hint bench: ids.${name} unset`);
      return v;
    };
    const ids = {
      get,
      big: (name: string) => {
        const v = get(name);
        if (typeof v === 'object') throw new Error(`hint bench: ids.${name} is an address`);
        return F.big(v);
      },
      ptr: (name: string) => get(name) as Relocatable,
      addr: (name: string) => this.addr(name),
      set: (name: string, v: Value | bigint) => {
        const value = toValue(v);
        const log = this.mem.log;
        this.mem.log = undefined; // logged by name below
        try {
          this.mem.writeAt(this.addr(name), value);
        } finally {
          this.mem.log = log;
        }
        this.writes.push([name, value]);
      },
      has: (name: string) => this.cells.has(name) || this.values.has(name) || this.members.has(name) || this.consts.has(name),
      const: (name: string) => {
        const c = this.consts.get(name);
        if (c === undefined) throw new Error(`hint bench: no const ${name}`);
        return c;
      },
    } as unknown as Ids;
    const hint: HintDef = { code, accessibleScopes: this.accessibleScopes, flowTrackingData: undefined as never };
    return { vm: this.vm, mem: this.mem, ids, program: this.program, hint, builtins: this.builtins as HintContext['builtins'], scope: this.vm.scope };
  }

  /** Runs the hint registered for `code` (fails the test if there is none). */
  run(code: string): void {
    const impl = findHint(code);
    assert.ok(impl, `hint not registered:\n${code}`);
    this.mem.log = this.writes;
    try {
      impl(this.ctx(code));
    } finally {
      this.mem.log = undefined;
    }
  }

  /** The writes as [name, bigint] (felts only), for comparing with expected values. */
  feltWrites(): [string, bigint][] {
    return this.writes.map(([n, v]) => {
      assert.ok(typeof v !== 'object', `hint bench: ${n} was written an address`);
      return [n, F.big(v)];
    });
  }
}

function toValue(v: Value | bigint): Value {
  return typeof v === 'bigint' ? F.toFelt(v) : v;
}

/** Asserts that `fn` raises the Python exception `pyType: message` (a RegExp matches the message). */
export function raises(fn: () => void, pyType: string, message: string | RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof HintError, `expected a HintError, got ${String(e)}`);
    assert.equal(e.pyType, pyType, `${e.pyType}: ${e.message}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}
