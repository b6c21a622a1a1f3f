// Small Python semantics the field hints rely on: `%` and `divmod` with Python's errors, the
// exact math_utils helpers (div_mod, safe_div, sqrt, isqrt) as the reference hints call them,
// limb packing/splitting, and the exec scope (hint locals shared between hints).
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { igcdex, floorDiv, isQuadResidue, sqrtMod } from '../../lib/math-utils';
import { BASE } from '../../lib/bigint3';
import { getPrime } from '../../../vm/felt';

/** Python's `a % m` on ints (a zero modulus raises like Python 3.11+). */
export function pyMod(a: bigint, m: bigint, codeLine?: string): bigint {
  if (m === 0n) throw new HintError('ZeroDivisionError', 'integer modulo by zero', codeLine);
  const r = a % m;
  return r !== 0n && r < 0n !== m < 0n ? r + m : r;
}

/** Python's `a // b`. */
export const pyFloorDiv = floorDiv;

/** Python's `divmod(a, b)` (a zero divisor: `integer division or modulo by zero`). */
export function pyDivmod(a: bigint, b: bigint, codeLine?: string): [bigint, bigint] {
  if (b === 0n) throw new HintError('ZeroDivisionError', 'integer division or modulo by zero', codeLine);
  const q = floorDiv(a, b);
  return [q, a - q * b];
}

/** Python's `pow(base, exp, m)` for exp >= -1, with its errors. */
export function pyPow(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 0n) throw new HintError('ValueError', 'pow() 3rd argument cannot be 0');
  const am = m < 0n ? -m : m;
  let b = pyMod(base, am);
  let e = exp;
  if (e < 0n) {
    const [x, , g] = igcdex(b, am);
    if (g !== 1n) throw new HintError('ValueError', 'base is not invertible for the given modulus');
    b = pyMod(x, am);
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

/** math_utils.div_mod(n, m, p): igcdex(m, p); assert c == 1; (n * a) % p. */
export function divModPy(n: bigint, m: bigint, p: bigint, codeLine?: string): bigint {
  const [a, , c] = igcdex(m, p);
  if (c !== 1n) throw new HintError('AssertionError', '', codeLine);
  return pyMod(n * a, p);
}

/** math_utils.safe_div(x, y). */
export function safeDivPy(x: bigint, y: bigint, codeLine?: string): bigint {
  if (y === 0n) throw new HintError('AssertionError', '', codeLine);
  if (pyMod(x, y) !== 0n) throw new HintError('AssertionError', `${x} is not divisible by ${y}.`, codeLine);
  return floorDiv(x, y);
}

/** math_utils.isqrt(n): floor of the square root; asserts n >= 0. */
export function isqrtPy(n: bigint, codeLine?: string): bigint {
  if (n < 0n) throw new HintError('AssertionError', '', codeLine);
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) >> 1n;
  while (y < x) {
    x = y;
    y = (x + n / x) >> 1n;
  }
  return x;
}

/** math_utils.is_quad_residue(n, p) (sympy): p must be positive. */
export function isQuadResiduePy(n: bigint, p: bigint): boolean {
  if (p < 1n) throw new HintError('ValueError', 'p must be > 0');
  if (p < 3n) return true;
  return isQuadResidue(pyMod(n, p), p);
}

/** math_utils.sqrt(n, p): the smallest root of n modulo the prime p (callers check residuosity). */
export function sqrtPy(n: bigint, p: bigint): bigint {
  const r = pyMod(n, p);
  if (p === 2n) return r;
  return sqrtMod(r, p);
}

/** secp_utils.pack(z, PRIME): limbs d0..d2 (signed, as_int) in base 2^86. */
export function packBigInt3(ctx: HintContext, name: string, limbs = ['d0', 'd1', 'd2']): bigint {
  const prime = getPrime();
  let r = 0n;
  for (let i = 0; i < limbs.length; i++) {
    const v = ctx.ids.big(`${name}.${limbs[i]}`);
    r += (v > prime / 2n ? v - prime : v) * BASE ** BigInt(i);
  }
  return r;
}

/** A hint's own `pack(z, num_bits_shift)`: sum(limb << (shift * i)) over the felt limbs (unsigned). */
export function packLimbs(ctx: HintContext, name: string, limbs: readonly string[], shift = 128n): bigint {
  let r = 0n;
  for (let i = limbs.length - 1; i >= 0; i--) r = (r << shift) + ctx.ids.big(`${name}.${limbs[i]}`);
  return r;
}

/** A hint's own `split(num, num_bits_shift, length)`: `length` limbs `num & mask`, then `num >>= shift`. */
export function splitLimbs(num: bigint, shift: bigint, length: number): bigint[] {
  const mask = (1n << shift) - 1n;
  const out: bigint[] = [];
  for (let i = 0; i < length; i++) {
    out.push(num & mask);
    num >>= shift;
  }
  return out;
}

/** Writes limbs into `name.<limb>` in order (`ids.q.d0 = ...; ids.q.d1 = ...`). */
export function setLimbs(ctx: HintContext, name: string, limbNames: readonly string[], values: readonly bigint[]): void {
  for (let i = 0; i < limbNames.length; i++) ctx.ids.set(`${name}.${limbNames[i]}`, values[i]);
}

export const D3 = ['d0', 'd1', 'd2'] as const;
export const D4 = ['d0', 'd1', 'd2', 'd3'] as const;
export const D6 = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'] as const;
export const LOW_HIGH = ['low', 'high'] as const;

/** Binds hint locals in the exec scope, as the reference's `exec` does with the scope dict. */
export function setLocals(ctx: HintContext, locals: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(locals)) ctx.scope.set(k, v);
}

/** Reads a Python int bound by an earlier hint (`NameError` when it never was). */
export function getIntLocal(ctx: HintContext, name: string): bigint {
  if (!ctx.scope.has(name)) throw new HintError('NameError', `name '${name}' is not defined`);
  const v = ctx.scope.get(name);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw new HintError('TypeError', `unsupported operand type: '${name}' is not an int`);
}
