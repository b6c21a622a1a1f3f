// The Python semantics every hint family relies on: the exec scope (hint locals that outlive the
// hint; NameError for a name never bound), memory reads and writes as a hint's `memory[...]` /
// `segments.write_arg` do them, and the one vocabulary for Python ints: toBigInt (a scope value),
// scopeInt / scopeInts (scope locals by name), pyInt (a memory value, with the TypeError int() or
// an operator raises for an address), idsValue / idsInt (the same for `ids.x`), assertInteger
// (cairo-lang's assert_integer). Number helpers (`%`, `//`, divmod, pow, div_mod, safe_div,
// isqrt, ...) are in ./math-utils; BigInt3 pack/split in ./bigint3.
import type { HintContext } from '../hint';
import { HintError } from '../errors';
import { Memory } from '../../vm/memory';
import { VmError } from '../../vm/errors';
import { Relocatable, Value } from '../../vm/relocatable';
import * as F from '../../vm/felt';

// ---- The exec scope ----

export function nameError(name: string, codeLine?: string): HintError {
  return new HintError('NameError', `name '${name}' is not defined`, codeLine);
}

/** A name of the hint's globals (the innermost exec scope), or Python's NameError. */
export function scopeGet<T = unknown>(ctx: HintContext, name: string, codeLine?: string): T {
  if (!ctx.scope.has(name)) throw nameError(name, codeLine);
  return ctx.scope.get(name) as T;
}

/** Binds hint locals in the exec scope, as the reference's `exec` leaves them in the scope dict. */
export function bindLocals(ctx: HintContext, locals: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(locals)) ctx.scope.set(k, v);
}

/** A Python int held in a scope variable (bigint, or a JS number / boolean another hint stored). */
export function toBigInt(v: unknown, what: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw new HintError('TypeError', `${what} is not an integer: ${String(v)}`);
}

/** A Python int bound by an earlier hint; NameError when it never was. */
export function scopeInt(ctx: HintContext, name: string, codeLine?: string): bigint {
  return toBigInt(scopeGet(ctx, name, codeLine), name);
}

/** Several int locals read in the order Python evaluates them (the first missing one raises). */
export function scopeInts(ctx: HintContext, ...names: string[]): bigint[] {
  return names.map((n) => scopeInt(ctx, n));
}

// ---- Python operators ----

/** int.bit_length(). */
export function bitLength(v: bigint): bigint {
  if (v < 0n) v = -v;
  return v === 0n ? 0n : BigInt(v.toString(2).length);
}

/**
 * A value read from ids or memory as a Python int: passed to int() (`op` 'int()'), or used in
 * integer arithmetic with `op` ('%', '>>', ...). An address is the TypeError Python raises there.
 */
export function pyInt(v: Value, op = 'int()', codeLine?: string): bigint {
  if (typeof v === 'object') {
    throw new HintError('TypeError', op === 'int()'
      ? "int() argument must be a string, a bytes-like object or a number, not 'RelocatableValue'"
      : `unsupported operand type(s) for ${op}: 'RelocatableValue' and 'int'`, codeLine);
  }
  return F.big(v);
}

/** `ids.name` as Python sees it: an int in [0, P), or a RelocatableValue (also `ids.name % PRIME`). */
export function idsValue(ctx: HintContext, name: string): bigint | Relocatable {
  const v = ctx.ids.get(name);
  return typeof v === 'object' ? v : F.big(v);
}

/** `ids.name` as a Python int, as pyInt takes it (`op`: 'int()' or the arithmetic operator). */
export function idsInt(ctx: HintContext, name: string, op = 'int()', codeLine?: string): bigint {
  return pyInt(ctx.ids.get(name), op, codeLine);
}

/** cairo-lang's assert_integer(val): AssertionError `Expected integer, found: {val}.`. */
export function assertInteger(v: Value | bigint, codeLine?: string): bigint {
  if (typeof v === 'object') throw new HintError('AssertionError', `Expected integer, found: ${v.toString()}.`, codeLine);
  return F.big(v);
}

/**
 * Python's ordering of two memory values (RelocatableValue.__lt__ and friends): integers compare
 * as integers, every integer is below every address, addresses compare by (segment, offset).
 * Returns a negative, zero or positive number.
 */
export function pyCompare(a: Value | bigint, b: Value | bigint): number {
  const ra = typeof a === 'object';
  const rb = typeof b === 'object';
  if (ra && rb) return a.segment !== b.segment ? a.segment - b.segment : a.offset - b.offset;
  if (ra) return 1;
  if (rb) return -1;
  const x = F.big(a);
  const y = F.big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---- Memory as a hint sees it ----

/** `memory[addr]` in a hint: no auto-deduction; an unknown cell is UnknownMemoryError. */
export function memGet(mem: Memory, addr: Relocatable): Value {
  const v = addr.offset >= 0 ? mem.getAt(addr) : undefined;
  if (v === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${addr}.`);
  return v;
}

/** `memory.get_range(addr, size)`; a size below 1 gives an empty list, like range(size). */
export function getRange(mem: Memory, addr: Relocatable, size: bigint | number): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < Number(size); i++) out.push(memGet(mem, new Relocatable(addr.segment, addr.offset + i)));
  return out;
}

/** A Python int or a Cairo value as memory takes it (`memory[x] = v` reduces ints modulo P). */
export function toValue(v: bigint | number | Relocatable): Value {
  if (v instanceof Relocatable) return v;
  return F.toFelt(v);
}

/** `segments.write_arg(ptr, values)`: consecutive cells from ptr, ints taken modulo PRIME. */
export function writeArg(mem: Memory, ptr: Value, values: readonly (bigint | Relocatable)[]): void {
  if (!(ptr instanceof Relocatable)) {
    throw new HintError('TypeError', `unsupported operand type(s) for +: 'int' and 'int'`);
  }
  mem.load(ptr, values.map(toValue));
}

/** `memory[ap] = v`. */
export function writeAp(ctx: HintContext, v: Value | bigint): void {
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, typeof v === 'bigint' ? F.toFelt(v) : v);
}

/** Joins hint source lines (keeps the code strings readable in the sources). */
export function code(...lines: string[]): string {
  return lines.join('\n');
}
