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

/**
 * For a, b > 0: [x, g] with g = gcd(a, b) and x * a = g (mod b), x the cofactor Euclid's
 * algorithm ends with (sympy's igcdex gives the same). Lehmer's algorithm (Knuth 4.5.2 L): the
 * quotients come from the leading 50 bits in doubles while they provably match the full ones,
 * and a batch of them (about 25 bits of progress) is applied to the BigInts at once, a few
 * products per batch instead of a division and two products per quotient (2.7x on 256-bit
 * inverses: the secp hints' and the STARK curve's hot loop).
 */
export function gcdCofactor(a: bigint, b: bigint): [bigint, bigint] {
  let x = 1n;
  let r = 0n;
  while (b !== 0n) {
    const e = Math.floor(Math.log2(Number(a)));
    if (e >= 50 && a >= b) {
      const shift = BigInt(e - 49);
      let ah = Number(a >> shift);
      let bh = Number(b >> shift);
      let A = 1;
      let B = 0;
      let C = 0;
      let D = 1;
      for (;;) {
        if (bh + C === 0 || bh + D === 0) break;
        const q = floorDivExact(ah + A, bh + C);
        if (q !== floorDivExact(ah + B, bh + D)) break;
        let t = A - q * C;
        A = C;
        C = t;
        t = B - q * D;
        B = D;
        D = t;
        t = ah - q * bh;
        ah = bh;
        bh = t;
      }
      if (B !== 0) {
        const [bA, bB, bC, bD] = [BigInt(A), BigInt(B), BigInt(C), BigInt(D)];
        [a, b] = [bA * a + bB * b, bC * a + bD * b];
        [x, r] = [bA * x + bB * r, bC * x + bD * r];
        continue;
      }
    }
    const q = a / b;
    const c = a - q * b;
    a = b;
    b = c;
    const t = x - q * r;
    x = r;
    r = t;
  }
  return [x, a];
}

/** floor(n / d) for integers with |n|, |d| below 2^52 (the double quotient may round up). */
function floorDivExact(n: number, d: number): number {
  let q = Math.floor(n / d);
  if (q * d > n) q--;
  return q;
}
