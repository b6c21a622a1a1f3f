// keccak_func of cairo-lang's keccak_utils.py: the Keccak-f[1600] permutation on 25 lanes of
// 64 bits, given and returned as integers in the standard lane order (index 5 * y + x).
//
// Lanes below 2^64 (every real use) go through @noble/hashes' keccakP, a well-tested
// implementation of the permutation. The Python function does not check its input, though: a
// lane of 2^64 or more leaks its high bits through the rotations and xors. For such input the
// permutation is computed by a transliteration of the Python code on unbounded integers, so the
// hint writes exactly what the reference writes.
import { keccakP } from '@noble/hashes/sha3';

const LANES = 25;
const MASK64 = (1n << 64n) - 1n;

/** keccak_func(values) with its defaults (ell = 6, u = 5, 24 rounds). values.length >= 25. */
export function keccakFunc(values: readonly bigint[]): bigint[] {
  if (values.length < LANES) throw new RangeError('list index out of range');
  const lanes = values.slice(0, LANES);
  return lanes.every((v) => v >= 0n && v <= MASK64) ? keccakFast(lanes) : keccakExact(lanes);
}

function keccakFast(lanes: bigint[]): bigint[] {
  const s = new Uint32Array(2 * LANES);
  for (let i = 0; i < LANES; i++) {
    s[2 * i] = Number(lanes[i] & 0xffffffffn);
    s[2 * i + 1] = Number(lanes[i] >> 32n);
  }
  keccakP(s, 24);
  const out: bigint[] = [];
  for (let i = 0; i < LANES; i++) out.push((BigInt(s[2 * i + 1]) << 32n) | BigInt(s[2 * i]));
  return out;
}

// ---- The Python semantics on unbounded integers (keccak_utils.py, u = 5, w = 64). ----

const U = 5;
const W = 64n;
const ALPHA = 3;
const BETA = 2;

function rotLeft(x: bigint, n: bigint): bigint {
  return ((x << n) & MASK64) | (x >> (W - n));
}

/** precompute_rho_offsets: rho[x][y], (0, 0) stays 0. */
const RHO: bigint[][] = (() => {
  const r = Array.from({ length: U }, () => new Array<bigint>(U).fill(0n));
  let x = 1;
  let y = 0;
  let offset = 0;
  for (let t = 1; t < U * U; t++) {
    offset = (offset + t) % 64;
    r[x][y] = BigInt(offset);
    [x, y] = [y, (BETA * x + ALPHA * y) % U];
  }
  return r;
})();

/** precompute_rc for ell = 6: 24 round constants. */
const RC: bigint[] = (() => {
  const out: bigint[] = [];
  let x = 1;
  for (let round = 0; round < 24; round++) {
    let rc = 0n;
    for (let m = 0; m <= 6; m++) {
      rc += BigInt(x & 1) << BigInt(2 ** m - 1);
      x <<= 1;
      x ^= 0x171 * (x >> 8);
    }
    out.push(rc);
  }
  return out;
})();

export const KECCAK_ROUND_CONSTANTS: readonly bigint[] = RC;

function keccakExact(values: bigint[]): bigint[] {
  // a[x][y] = values[5 * y + x]
  let a: bigint[][] = Array.from({ length: U }, (_, x) => Array.from({ length: U }, (_, y) => values[U * y + x]));
  for (const rc of RC) {
    const c = a.map((col) => col.reduce((p, q) => p ^ q));
    const d = c.map((_, x) => c[(x + U - 1) % U] ^ rotLeft(c[(x + 1) % U], 1n));
    a = a.map((col, x) => col.map((v) => v ^ d[x]));
    const b = a.map((col) => col.slice());
    for (let x = 0; x < U; x++) {
      for (let y = 0; y < U; y++) b[y][(BETA * x + ALPHA * y) % U] = rotLeft(a[x][y], RHO[x][y]);
    }
    a = b.map((col, x) => col.map((v, y) => v ^ (~b[(x + 1) % U][y] & b[(x + 2) % U][y])));
    a[0][0] ^= rc;
  }
  const out: bigint[] = [];
  for (let y = 0; y < U; y++) for (let x = 0; x < U; x++) out.push(a[x][y]);
  return out;
}

/** The unbounded-integer path, exported for tests (it must agree with keccakP below 2^64). */
export const keccakFuncExactForTests = keccakExact;
