// Small helpers shared by the math family: Python-like reads of ids, exec-scope variables and
// memory, with the exception types and messages the reference hints raise.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { VmError } from '../../../vm/errors';
import { Relocatable, Value, valueToString } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';

/** Python's str() of a memory value: a felt in decimal, an address as `segment:offset`. */
export function pyStr(v: Value | bigint): string {
  return typeof v === 'bigint' ? v.toString() : valueToString(v);
}

/** Python's hex(): `0x...` in lower case, `-0x...` for negatives. */
export function pyHex(v: bigint): string {
  return v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}

/** `ids.name` used in integer arithmetic: a felt as a bigint; an address raises TypeError. */
export function intId(ctx: HintContext, name: string, op = '%'): bigint {
  const v = ctx.ids.get(name);
  if (typeof v === 'object') {
    if (op === 'int()') throw new HintError('TypeError', "int() argument must be a string, a bytes-like object or a number, not 'RelocatableValue'");
    throw new HintError('TypeError', `unsupported operand type(s) for ${op}: 'RelocatableValue' and 'int'`);
  }
  return F.big(v);
}

/**
 * Python's `a < b` between ints and RelocatableValues: ints are below every address, addresses
 * compare by (segment, offset) (relocatable.py).
 */
export function pyLt(a: Value | bigint, b: Value | bigint): boolean {
  if (typeof a === 'object') {
    if (typeof b !== 'object') return false;
    return a.segment < b.segment || (a.segment === b.segment && a.offset < b.offset);
  }
  if (typeof b === 'object') return true;
  return (typeof a === 'bigint' ? a : F.big(a)) < (typeof b === 'bigint' ? b : F.big(b));
}

/** `ids.name % PRIME` as Python computes it: a felt as a bigint, an address stays one. */
export function modPrime(ctx: HintContext, name: string): Value | bigint {
  const v = ctx.ids.get(name);
  return typeof v === 'object' ? v : F.big(v);
}

/** cairo-lang's assert_integer(ids.name): AssertionError `Expected integer, found: ...`. */
export function integerId(ctx: HintContext, name: string, codeLine = `assert_integer(ids.${name})`): bigint {
  const v = ctx.ids.get(name);
  if (typeof v === 'object') throw new HintError('AssertionError', `Expected integer, found: ${v}.`, codeLine);
  return F.big(v);
}

/** `range_check_builtin.bound`; NameError when the program has no range_check builtin. */
export function rcBound(ctx: HintContext): bigint {
  const rc = ctx.builtins.get('range_check');
  if (rc === undefined) throw nameError('range_check_builtin');
  const bound = (rc as unknown as { bound?: unknown }).bound;
  return typeof bound === 'bigint' ? bound : typeof bound === 'number' ? BigInt(bound) : 1n << 128n;
}

export function nameError(name: string): HintError {
  return new HintError('NameError', `name '${name}' is not defined`);
}

/** A Python local of the hint's exec scope; NameError when it was never set. */
export function scopeVar<T = unknown>(ctx: HintContext, name: string): T {
  if (!ctx.scope.has(name)) throw nameError(name);
  return ctx.scope.get(name) as T;
}

/** A scope variable holding a Python int (stored as bigint or number by whichever hint set it). */
export function scopeInt(ctx: HintContext, name: string): bigint {
  return toBigInt(scopeVar(ctx, name), name);
}

export function toBigInt(v: unknown, what: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw new HintError('TypeError', `${what} is not an integer: ${String(v)}`);
}

/** A list held in a scope variable (a JS array); TypeError otherwise. */
export function scopeList(ctx: HintContext, name: string): unknown[] {
  const v = scopeVar(ctx, name);
  if (!Array.isArray(v)) throw new HintError('TypeError', `${name} is not a list`);
  return v;
}

/** `memory[addr]` in a hint: the stored value, or UnknownMemoryError. */
export function readMem(ctx: HintContext, addr: Relocatable): Value {
  const v = ctx.mem.getAt(addr);
  if (v === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${addr}.`);
  return v;
}

/** `memory.get_range(addr, size)`. */
export function readRange(ctx: HintContext, addr: Relocatable, size: number): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < size; i++) out.push(readMem(ctx, addr.add(i)));
  return out;
}

/** `memory[ap] = v`. */
export function writeAp(ctx: HintContext, v: Value | bigint): void {
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, typeof v === 'bigint' ? F.toFelt(v) : v);
}

/** `segments.gen_arg(list)` for a flat list: a new segment holding the values. */
export function genArg(ctx: HintContext, values: readonly (Value | bigint)[]): Relocatable {
  const base = ctx.mem.addSegment();
  ctx.mem.load(base, values.map((v) => (typeof v === 'bigint' ? F.toFelt(v) : v)));
  return base;
}

/** Any Python int / felt / address from a scope variable, as a memory value. */
export function asValue(v: unknown, what: string): Value {
  if (v instanceof Relocatable) return v;
  return F.toFelt(toBigInt(v, what));
}

/** Joins lines: hint code strings are written one line per array entry. */
export function code(...lines: string[]): string {
  return lines.join('\n');
}
