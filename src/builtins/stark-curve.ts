// Affine arithmetic on the STARK curve y^2 = x^3 + x + beta (mod P), step by step as cairo-lang's
// math_utils does it: the builtins must fail exactly where the AIR would (two points with the
// same x, doubling a point with y = 0), which a projective library hides.
import { CURVE } from '@scure/starknet';
import { PRIME, inv } from '../vm/felt';

export const ALPHA = 1n;
export const BETA: bigint = CURVE.b;
export const EC_ORDER: bigint = CURVE.n;
export const FIELD_PRIME = PRIME;

export type Point = readonly [bigint, bigint];

/** An assertion of math_utils without a message (AssertionError with empty text). */
export class CurveAssertion extends Error {}

const mod = (a: bigint): bigint => {
  const r = a % FIELD_PRIME;
  return r < 0n ? r + FIELD_PRIME : r;
};

export function pointOnCurve(x: bigint, y: bigint): boolean {
  return mod(y * y) === mod(x * x * x + ALPHA * x + BETA);
}

/** P + Q for points of different x (line_slope asserts it). */
export function ecAdd(p: Point, q: Point): Point {
  const dx = mod(p[0] - q[0]);
  if (dx === 0n) throw new CurveAssertion('');
  const m = mod((p[1] - q[1]) * inv(dx, FIELD_PRIME));
  const x = mod(m * m - p[0] - q[0]);
  return [x, mod(m * (p[0] - x) - p[1])];
}

/** 2P for a point with y != 0 (ec_double_slope asserts it). */
export function ecDouble(p: Point): Point {
  if (mod(p[1]) === 0n) throw new CurveAssertion('');
  const m = mod((3n * p[0] * p[0] + ALPHA) * inv(2n * p[1], FIELD_PRIME));
  const x = mod(m * m - 2n * p[0]);
  return [x, mod(m * (p[0] - x) - p[1])];
}

/** A square root mod FIELD_PRIME (Tonelli-Shanks), or undefined for a non-residue. */
export function sqrtMod(n: bigint): bigint | undefined {
  const p = FIELD_PRIME;
  n = mod(n);
  if (n === 0n) return 0n;
  if (powMod(n, (p - 1n) / 2n, p) !== 1n) return undefined;
  let q = p - 1n;
  let s = 0n;
  while ((q & 1n) === 0n) {
    q >>= 1n;
    s++;
  }
  let z = 2n;
  while (powMod(z, (p - 1n) / 2n, p) !== p - 1n) z++;
  let m = s;
  let c = powMod(z, q, p);
  let t = powMod(n, q, p);
  let r = powMod(n, (q + 1n) / 2n, p);
  while (t !== 1n) {
    let i = 0n;
    let t2 = t;
    while (t2 !== 1n) {
      t2 = (t2 * t2) % p;
      i++;
    }
    const b = powMod(c, 1n << (m - i - 1n), p);
    m = i;
    c = (b * b) % p;
    t = (t * c) % p;
    r = (r * b) % p;
  }
  return r;
}

export function powMod(b: bigint, e: bigint, p: bigint): bigint {
  let r = 1n;
  b %= p;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % p;
    b = (b * b) % p;
    e >>= 1n;
  }
  return r;
}
