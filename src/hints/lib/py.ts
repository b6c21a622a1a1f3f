// The Python semantics every hint family relies on: the exec scope (hint locals that outlive the
// hint; NameError for a name never bound), Python's `pow` with its errors, int() and the
// TypeErrors Python raises when an address shows up where an integer is expected, memory reads
// and writes as a hint's `memory[...]` / `segments.write_arg` do them. Number helpers (`%`, `//`,
// divmod, div_mod, safe_div, isqrt, ...) are in ./math-utils; BigInt3 pack/split in ./bigint3.
import type { HintContext } from '../hint';
import { HintError } from '../errors';
import { igcdex, mod } from './math-utils';
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

// ---- Python operators ----

/** Python's `pow(base, exp, m)` for ints (a negative exp inverts first), with its errors. */
export function pyPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 0n) throw new HintError('ValueError', 'pow() 3rd argument cannot be 0');
  const am = m < 0n ? -m : m;
  let b = mod(base, am);
  let e = exp;
  if (e < 0n) {
    const [x, , g] = igcdex(b, am);
    if (g !== 1n) throw new HintError('ValueError', 'base is not invertible for the given modulus');
    b = mod(x, am);
    e = -e;
  }
  let r = 1n % am;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % am;
    b = (b * b) % am;
    e >>= 1n;
  }
  // Python gives a result with the sign of the modulus.
  return m < 0n && r !== 0n ? r + m : r;
}

/** int.bit_length(). */
export function bitLength(v: bigint): bigint {
  if (v < 0n) v = -v;
  return v === 0n ? 0n : BigInt(v.toString(2).length);
}

/** Python's int(x) for a value read from ids or memory. */
export function pyInt(v: Value, codeLine?: string): bigint {
  if (typeof v === 'object') {
    throw new HintError('TypeError',
      "int() argument must be a string, a bytes-like object or a number, not 'RelocatableValue'", codeLine);
  }
  return F.big(v);
}

/** A value used in integer arithmetic with `op` (an address there is a TypeError in Python). */
export function intOperand(v: Value, op: string, codeLine?: string): bigint {
  if (typeof v === 'object') {
    throw new HintError('TypeError', `unsupported operand type(s) for ${op}: 'RelocatableValue' and 'int'`, codeLine);
  }
  return F.big(v);
}

/** `ids.name` as Python sees it: an int in [0, P), or a RelocatableValue (also `ids.name % PRIME`). */
export function idsValue(ctx: HintContext, name: string): bigint | Relocatable {
  const v = ctx.ids.get(name);
  return typeof v === 'object' ? v : F.big(v);
}

/** `ids.name` used in integer arithmetic with `op` (`'int()'`: passed to int()). */
export function idsInt(ctx: HintContext, name: string, op: string, codeLine?: string): bigint {
  const v = ctx.ids.get(name);
  return op === 'int()' ? pyInt(v, codeLine) : intOperand(v, op, codeLine);
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
