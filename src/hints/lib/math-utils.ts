// BigInt versions of cairo-lang's starkware/python/math_utils.py and common/math_utils.py,
// shared by every hint family.
import { getPrime } from '../../vm/felt';
import { HintError } from '../errors';
import { gcdCofactor, powModNonNeg, sqrtModPrime } from '../../vm/modular';

/** Python's `%` on ints: the result has the sign of the divisor; a zero modulus raises (Python 3.11+). */
export function mod(a: bigint, m: bigint, codeLine?: string): bigint {
  if (m === 0n) throw new HintError('ZeroDivisionError', 'integer modulo by zero', codeLine);
  const r = a % m;
  return r !== 0n && (r < 0n) !== (m < 0n) ? r + m : r;
}

/** Python's `//` (floor division). */
export function floorDiv(a: bigint, b: bigint, codeLine?: string): bigint {
  if (b === 0n) throw new HintError('ZeroDivisionError', 'integer division or modulo by zero', codeLine);
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Python's divmod (a zero divisor: `integer division or modulo by zero`). */
export function divmod(a: bigint, b: bigint, codeLine?: string): [bigint, bigint] {
  const q = floorDiv(a, b, codeLine);
  return [q, a - q * b];
}

/** as_int: the signed representative in (-P/2, P/2]. */
export function asInt(v: bigint, prime: bigint = getPrime()): bigint {
  return v < prime / 2n ? v : v - prime;
}

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
  const r = powModNonNeg(b, e, am);
  // Python gives a result with the sign of the modulus.
  return m < 0n && r !== 0n ? r + m : r;
}

/** igcdex(a, b) -> (x, y, g) with x*a + y*b = g (sympy's convention). */
export function igcdex(a: bigint, b: bigint): [bigint, bigint, bigint] {
  if (a === 0n && b === 0n) return [0n, 1n, 0n];
  if (a === 0n) return [0n, b < 0n ? -1n : 1n, b < 0n ? -b : b];
  if (b === 0n) return [a < 0n ? -1n : 1n, 0n, a < 0n ? -a : a];
  const xs = a < 0n ? -1n : 1n;
  const ys = b < 0n ? -1n : 1n;
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  // y follows from x, as x*a + y*b = g.
  const [x, g] = gcdCofactor(a, b);
  const y = (g - x * a) / b;
  return [x * xs, y * ys, g];
}

/** div_mod(n, m, p): n / m mod p; the reference asserts gcd(m, p) == 1 (a bare AssertionError). */
export function divMod(n: bigint, m: bigint, p: bigint, codeLine?: string): bigint {
  const [a, , c] = igcdex(m, p);
  if (c !== 1n) throw new HintError('AssertionError', '', codeLine);
  return mod(n * a, p);
}

/** safe_div(x, y): `assert y != 0`, `assert x % y == 0, f"{x} is not divisible by {y}."`, x // y. */
export function safeDiv(x: bigint, y: bigint, codeLine?: string): bigint {
  if (y === 0n) throw new HintError('AssertionError', '', codeLine);
  if (mod(x, y) !== 0n) throw new HintError('AssertionError', `${x} is not divisible by ${y}.`, codeLine);
  return floorDiv(x, y);
}

/** math_utils.isqrt: floor of the square root, `assert n >= 0`; Newton's method from an overestimate. */
export function isqrt(n: bigint, codeLine?: string): bigint {
  if (n < 0n) throw new HintError('AssertionError', '', codeLine);
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** is_quad_residue(n, p) (sympy): p must be positive. */
export function isQuadResidue(n: bigint, p: bigint): boolean {
  if (p < 1n) throw new HintError('ValueError', 'p must be > 0');
  n = mod(n, p);
  if (n === 0n || n === 1n) return true;
  return pyPow(n, (p - 1n) / 2n, p) === 1n;
}

/** Modular square root (Tonelli-Shanks); math_utils.sqrt returns the smaller root. */
export function sqrtMod(n: bigint, p: bigint): bigint {
  n = mod(n, p);
  if (p === 2n) return n;
  const r = isQuadResidue(n, p) ? sqrtModPrime(n, p) : undefined;
  if (r === undefined) throw new HintError('AssertionError', '');
  return r < p - r ? r : p - r;
}

/** Slope of the line through two points (line_slope). */
export function lineSlope(p1: readonly [bigint, bigint], p2: readonly [bigint, bigint], p: bigint, codeLine?: string): bigint {
  if (mod(p1[0] - p2[0], p) === 0n) throw new HintError('AssertionError', '', codeLine);
  return divMod(p1[1] - p2[1], p1[0] - p2[0], p, codeLine);
}

/** Slope of the tangent at a point (ec_double_slope) on y^2 = x^3 + alpha*x + beta. */
export function ecDoubleSlope(pt: readonly [bigint, bigint], alpha: bigint, p: bigint, codeLine?: string): bigint {
  if (mod(pt[1], p) === 0n) throw new HintError('AssertionError', '', codeLine);
  return divMod(3n * pt[0] * pt[0] + alpha, 2n * pt[1], p, codeLine);
}
