// Modular arithmetic over any modulus, shared by builtins (the STARK curve) and hints.

/** base^exp mod m for exp >= 0 (square and multiply). */
export function powModNonNeg(base: bigint, exp: bigint, m: bigint): bigint {
  if (m === 1n) return 0n;
  let r = 1n;
  let b = ((base % m) + m) % m;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

/** A square root of n modulo an odd prime p (Tonelli-Shanks), or undefined for a non-residue. */
export function sqrtModPrime(n: bigint, p: bigint): bigint | undefined {
  n = ((n % p) + p) % p;
  if (n === 0n) return 0n;
  if (powModNonNeg(n, (p - 1n) / 2n, p) !== 1n) return undefined;
  let q = p - 1n;
  let s = 0n;
  while ((q & 1n) === 0n) {
    q >>= 1n;
    s++;
  }
  let z = 2n;
  while (powModNonNeg(z, (p - 1n) / 2n, p) !== p - 1n) z++;
  let m = s;
  let c = powModNonNeg(z, q, p);
  let t = powModNonNeg(n, q, p);
  let r = powModNonNeg(n, (q + 1n) / 2n, p);
  while (t !== 1n) {
    let i = 0n;
    let t2 = t;
    while (t2 !== 1n) {
      t2 = (t2 * t2) % p;
      i++;
    }
    const b = powModNonNeg(c, 1n << (m - i - 1n), p);
    m = i;
    c = (b * b) % p;
    t = (t * c) % p;
    r = (r * b) % p;
  }
  return r;
}
