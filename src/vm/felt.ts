// Field elements of Cairo's prime field.
// A felt is kept as a JS number while it is below 2^53 (the common case: counters, offsets,
// booleans) and as a bigint otherwise. The representation is canonical (a value below 2^53 is
// always a number), so `===` compares felts of either kind.

import { gcdCofactor } from './modular';

export type Felt = number | bigint;

/** StarkNet's prime: 2^251 + 17 * 2^192 + 1. */
export const PRIME = (1n << 251n) + 17n * (1n << 192n) + 1n;

const SAFE = 2 ** 53;
const SAFE_BIG = 1n << 53n;

/** The field every felt operation below works in (programs may carry their own prime). */
let P = PRIME;
let HALF = P >> 1n;

export function setPrime(p: bigint): void {
  P = p;
  HALF = p >> 1n;
}
export function getPrime(): bigint {
  return P;
}

/** Canonical felt from a bigint already reduced into [0, P). */
export function fromReduced(v: bigint): Felt {
  return v < SAFE_BIG ? Number(v) : v;
}

/** Canonical felt from any integer (negative values wrap around P). */
export function toFelt(v: bigint | number): Felt {
  if (typeof v === 'number') {
    if (v >= 0 && v < SAFE && Number.isInteger(v)) return v;
    v = BigInt(v);
  }
  let r = v % P;
  if (r < 0n) r += P;
  return fromReduced(r);
}

export function big(a: Felt): bigint {
  return typeof a === 'bigint' ? a : BigInt(a);
}

export function add(a: Felt, b: Felt): Felt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r < SAFE) return r;
  }
  let r = big(a) + big(b);
  if (r >= P) r -= P;
  return fromReduced(r);
}

export function sub(a: Felt, b: Felt): Felt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r >= 0) return r;
  }
  let r = big(a) - big(b);
  if (r < 0n) r += P;
  return fromReduced(r);
}

export function mul(a: Felt, b: Felt): Felt {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r < SAFE) return r; // exact: a rounded product below 2^53 is the true product
  }
  return fromReduced((big(a) * big(b)) % P);
}

export function neg(a: Felt): Felt {
  return a === 0 ? 0 : fromReduced(P - big(a));
}

/** Modular inverse (extended Euclid, Lehmer's form); throws on 0. */
export function inv(a: Felt, p: bigint = P): bigint {
  const r0 = ((big(a) % p) + p) % p;
  if (r0 === 0n) throw new RangeError('division by zero');
  const [x, g] = gcdCofactor(r0, p);
  if (g !== 1n) throw new RangeError('not invertible');
  return ((x % p) + p) % p;
}

/** a / b in the field (cairo-lang's div_mod). */
export function div(a: Felt, b: Felt): Felt {
  return fromReduced((big(a) * inv(b)) % P);
}

/** Signed view: values above P/2 are negative (as --print_output shows them). */
export function toSigned(a: Felt): bigint {
  const v = big(a);
  return v > HALF ? v - P : v;
}

export function parseFelt(text: string): Felt {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(body)) throw new SyntaxError(`not an integer: ${JSON.stringify(text)}`);
  const v = BigInt(body);
  return toFelt(neg ? -v : v);
}
