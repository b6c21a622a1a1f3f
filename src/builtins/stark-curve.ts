// Affine arithmetic on the STARK curve y^2 = x^3 + x + beta (mod P), step by step as cairo-lang's
// math_utils does it: the builtins must fail exactly where the AIR would (two points with the
// same x, doubling a point with y = 0), which a projective library hides.
import { CURVE } from '@scure/starknet';
import { PRIME, inv } from '../vm/felt';
import { sqrtModPrime } from '../vm/modular';

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
  return sqrtModPrime(n, FIELD_PRIME);
}
