// The bits of Python the secp hints lean on: the exec scope (hint locals and imported names
// persist there between hints, exactly as the reference's `exec` leaves them in the scope dict),
// Python's integer operators with their errors, and cairo_secp's pack/split.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { igcdex, floorDiv } from '../../lib/math-utils';
import { BASE } from '../../lib/bigint3';
import { getPrime } from '../../../vm/felt';
import * as F from '../../../vm/felt';
import { Relocatable, Value } from '../../../vm/relocatable';

/** An imported Python function or module left in the scope (`pack`, `div_mod`, `itertools`). */
export interface PyObject {
  readonly py: string;
}

const objects = new Map<string, PyObject>();
/** The scope value a `from module import name` binds: one frozen object per qualified name. */
export function pyObject(qualified: string): PyObject {
  let o = objects.get(qualified);
  if (o === undefined) {
    o = Object.freeze({ py: qualified });
    objects.set(qualified, o);
  }
  return o;
}

const SECP_UTILS = 'starkware.cairo.common.cairo_secp.secp_utils';
const MATH_UTILS = 'starkware.python.math_utils';
export const PY = {
  pack: pyObject(`${SECP_UTILS}.pack`),
  split: pyObject(`${SECP_UTILS}.split`),
  div_mod: pyObject(`${MATH_UTILS}.div_mod`),
  safe_div: pyObject(`${MATH_UTILS}.safe_div`),
  line_slope: pyObject(`${MATH_UTILS}.line_slope`),
  ec_double_slope: pyObject(`${MATH_UTILS}.ec_double_slope`),
  assert_integer: pyObject('starkware.cairo.common.math_utils.assert_integer'),
  itertools: pyObject('itertools'),
  /** The `def split(num, num_bits_shift=128, length=2)` a uint256 hint defines for itself. */
  split128: pyObject('<hint>.split'),
  /** The `def pack(z, num_bits_shift=128)` a uint256 hint defines for itself. */
  pack128: pyObject('<hint>.pack'),
} as const;

export function nameError(name: string): HintError {
  return new HintError('NameError', `name '${name}' is not defined`);
}

/** Binds names in the hint's exec scope (its locals, which outlive the hint). */
export function bind(ctx: HintContext, locals: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(locals)) ctx.scope.set(k, v);
}

/** A name the hint reads from the scope without binding it; NameError when absent. */
export function lookup(ctx: HintContext, name: string): unknown {
  if (!ctx.scope.has(name)) throw nameError(name);
  return ctx.scope.get(name);
}

/** A Python int bound by an earlier hint. */
export function intLocal(ctx: HintContext, name: string): bigint {
  const v = lookup(ctx, name);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw new HintError('TypeError', `unsupported operand type(s): '${name}' is not an int`);
}

/** Several int locals read in the order Python evaluates them (the first missing one raises). */
export function intLocals(ctx: HintContext, ...names: string[]): bigint[] {
  return names.map((n) => intLocal(ctx, n));
}

/** A function name the hint calls without importing it (bound by an earlier hint). */
export function fnLocal(ctx: HintContext, name: string): unknown {
  return lookup(ctx, name);
}

/** Python's `a % m` on ints. */
export function pyMod(a: bigint, m: bigint): bigint {
  if (m === 0n) throw new HintError('ZeroDivisionError', 'integer modulo by zero');
  const r = a % m;
  return r !== 0n && r < 0n !== m < 0n ? r + m : r;
}

/** Python's `divmod(a, b)`. */
export function pyDivmod(a: bigint, b: bigint): [bigint, bigint] {
  const q = floorDiv(a, b);
  return [q, a - q * b];
}

/** Python's `pow(base, exp, m)` for exp >= 0. */
export function pyPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 0n) throw new HintError('ValueError', 'pow() 3rd argument cannot be 0');
  const am = m < 0n ? -m : m;
  let b = pyMod(base, am);
  let r = 1n % am;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % am;
    b = (b * b) % am;
    e >>= 1n;
  }
  return m < 0n && r !== 0n ? r + m : r;
}

/** Python's `a >> n` (a negative count raises). */
export function pyShr(a: bigint, n: bigint): bigint {
  if (n < 0n) throw new HintError('ValueError', 'negative shift count');
  return a >> n;
}

/** int.bit_length(). */
export function bitLength(v: bigint): bigint {
  if (v < 0n) v = -v;
  return v === 0n ? 0n : BigInt(v.toString(2).length);
}

/** math_utils.div_mod(n, m, p): n / m modulo p; `assert c == 1` when m is not invertible. */
export function divMod(n: bigint, m: bigint, p: bigint, codeLine?: string): bigint {
  const [a, , c] = igcdex(m, p);
  if (c !== 1n) throw new HintError('AssertionError', '', codeLine);
  return pyMod(n * a, p);
}

/** math_utils.safe_div(x, y). */
export function safeDiv(x: bigint, y: bigint, codeLine?: string): bigint {
  if (y === 0n) throw new HintError('AssertionError', '', codeLine);
  if (pyMod(x, y) !== 0n) throw new HintError('AssertionError', `${x} is not divisible by ${y}.`, codeLine);
  return floorDiv(x, y);
}

/** math_utils.line_slope(point1, point2, p). */
export function lineSlope(x0: bigint, y0: bigint, x1: bigint, y1: bigint, p: bigint, codeLine?: string): bigint {
  if (pyMod(x0 - x1, p) === 0n) throw new HintError('AssertionError', '', codeLine);
  return divMod(y0 - y1, x0 - x1, p, codeLine);
}

/** math_utils.ec_double_slope(point, alpha, p). */
export function ecDoubleSlope(x: bigint, y: bigint, alpha: bigint, p: bigint, codeLine?: string): bigint {
  if (pyMod(y, p) === 0n) throw new HintError('AssertionError', '', codeLine);
  return divMod(3n * x * x + alpha, 2n * y, p, codeLine);
}

/** A felt of `ids` as Python sees it: an int in [0, P), or a relocatable. */
export function idsValue(ctx: HintContext, name: string): bigint | Relocatable {
  const v: Value = ctx.ids.get(name);
  return typeof v === 'object' ? v : F.big(v);
}

/** assert_integer(val): `Expected integer, found: {val}.` for an address. */
export function assertInteger(v: bigint | Relocatable, codeLine?: string): bigint {
  if (typeof v !== 'bigint') throw new HintError('AssertionError', `Expected integer, found: ${v.toString()}.`, codeLine);
  return v;
}

/** An `ids` felt used in integer arithmetic (an address there is a TypeError in Python). */
export function idsInt(ctx: HintContext, name: string, codeLine?: string): bigint {
  const v = idsValue(ctx, name);
  if (typeof v !== 'bigint') throw new HintError('TypeError', `unsupported operand type(s) for an address: ${v.toString()}`, codeLine);
  return v;
}

/** secp_utils.pack(ids.<name>, PRIME): signed limbs d0, d1, d2 in base 2^86. */
export function pack(ctx: HintContext, name: string, codeLine?: string): bigint {
  const prime = getPrime();
  let r = 0n;
  let scale = 1n;
  for (const limb of ['d0', 'd1', 'd2']) {
    const v = assertInteger(idsValue(ctx, `${name}.${limb}`), codeLine);
    r += (v < prime / 2n ? v : v - prime) * scale;
    scale *= BASE;
  }
  return r;
}

/** secp_utils.split(num): three limbs of base 2^86; `assert num == 0` after them. */
export function split(num: bigint, codeLine?: string): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < 3; i++) {
    const [q, r] = pyDivmod(num, BASE);
    out.push(r);
    num = q;
  }
  if (num !== 0n) throw new HintError('AssertionError', '', codeLine);
  return out;
}

/** segments.write_arg(ptr, ints): consecutive cells, each int taken modulo PRIME. */
export function writeArg(ctx: HintContext, ptr: Relocatable, values: readonly bigint[]): void {
  const prime = getPrime();
  values.forEach((v, i) => ctx.mem.writeAt(ptr.add(i), F.toFelt(pyMod(v, prime))));
}

/** `memory[ap] = v`. */
export function writeAp(ctx: HintContext, v: bigint): void {
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, F.toFelt(v));
}

/** Joins hint source lines (keeps the code strings readable in the sources). */
export const code = (...lines: string[]): string => lines.join('\n');
