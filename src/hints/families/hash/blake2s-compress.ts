// blake2s_compress of cairo-lang's blake2s_utils.py: the BLAKE2s compression function F
// (RFC 7693, section 3.2) with the counter words t0, t1 and the flags f0, f1 given explicitly.
//
// For 32-bit inputs (every real use) the rounds are run by @noble/hashes' exported blake2
// `compress`, which takes the 16 working words directly, so custom t/f values need no hash
// object. The Python code does not bound h or the message words: when one of them is 2^32 or
// more, the rounds are computed by a transliteration of the Python code on unbounded integers,
// so the hint writes exactly what the reference writes.
import { compress } from '@noble/hashes/blake2';

/** blake2s_utils.IV (the SHA-256 IV). */
export const BLAKE2S_IV: readonly bigint[] = [
  0x6a09e667n, 0xbb67ae85n, 0x3c6ef372n, 0xa54ff53an, 0x510e527fn, 0x9b05688cn, 0x1f83d9abn, 0x5be0cd19n,
];

/** The message permutations of the 10 rounds (blake2s_utils.SIGMA). */
const SIGMA: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const SIGMA_FLAT = Uint8Array.from(SIGMA.flat());

const M32 = (1n << 32n) - 1n;
const fits32 = (v: bigint): boolean => v >= 0n && v <= M32;

export interface Blake2sArgs {
  /** 8 words of chaining state. */
  h: readonly bigint[];
  /** 16 message words (more are ignored, fewer is Python's IndexError). */
  message: readonly bigint[];
  t0: bigint;
  t1: bigint;
  f0: bigint;
  f1: bigint;
}

/** blake2s_compress(h, message, t0, t1, f0, f1): the new 8-word state. */
export function blake2sCompress(args: Blake2sArgs): bigint[] {
  const { h, message } = args;
  if (h.length < 8 || message.length < 16) throw new RangeError('list index out of range');
  // state = h + IV[:4] + [x % 2**32 for x in [IV[4] ^ t0, IV[5] ^ t1, IV[6] ^ f0, IV[7] ^ f1]]
  const tail = [args.t0, args.t1, args.f0, args.f1].map((x, i) => (BLAKE2S_IV[4 + i] ^ x) & M32);
  const state = [...h.slice(0, 8), ...BLAKE2S_IV.slice(0, 4), ...tail];
  // zip(h, state[:8], state[8:]) stops at the shortest: 8 words even if h is longer.
  if (h.slice(0, 8).every(fits32) && message.slice(0, 16).every(fits32)) return compressFast(state, message);
  return compressExact(state, message);
}

function compressFast(state: bigint[], message: readonly bigint[]): bigint[] {
  const v = state.map(Number);
  const msg = Uint32Array.from(message.slice(0, 16), Number);
  const r = compress(SIGMA_FLAT, 0, msg, 10,
    v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]);
  const out = [r.v0 ^ r.v8, r.v1 ^ r.v9, r.v2 ^ r.v10, r.v3 ^ r.v11, r.v4 ^ r.v12, r.v5 ^ r.v13, r.v6 ^ r.v14, r.v7 ^ r.v15];
  return out.map((x, i) => BigInt((v[i] ^ x) >>> 0));
}

// ---- The Python semantics on unbounded integers. ----

function rightRot(value: bigint, n: bigint): bigint {
  return (value >> n) | ((value & ((1n << n) - 1n)) << (32n - n));
}

function mix(a: bigint, b: bigint, c: bigint, d: bigint, m0: bigint, m1: bigint): [bigint, bigint, bigint, bigint] {
  a = (a + b + m0) & M32;
  d = rightRot(d ^ a, 16n);
  c = (c + d) & M32;
  b = rightRot(b ^ c, 12n);
  a = (a + b + m1) & M32;
  d = rightRot(d ^ a, 8n);
  c = (c + d) & M32;
  b = rightRot(b ^ c, 7n);
  return [a, b, c, d];
}

const LANES: readonly (readonly [number, number, number, number])[] = [
  [0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15],
  [0, 5, 10, 15], [1, 6, 11, 12], [2, 7, 8, 13], [3, 4, 9, 14],
];

function compressExact(initial: bigint[], message: readonly bigint[]): bigint[] {
  const s = initial.slice();
  for (const sigma of SIGMA) {
    LANES.forEach(([i, j, k, l], n) => {
      [s[i], s[j], s[k], s[l]] = mix(s[i], s[j], s[k], s[l], message[sigma[2 * n]], message[sigma[2 * n + 1]]);
    });
  }
  return initial.slice(0, 8).map((x, i) => x ^ s[i] ^ s[i + 8]);
}

/** The unbounded-integer path on a full 16-word initial state, exported for tests. */
export function blake2sCompressExactForTests(args: Blake2sArgs): bigint[] {
  const tail = [args.t0, args.t1, args.f0, args.f1].map((x, i) => (BLAKE2S_IV[4 + i] ^ x) & M32);
  return compressExact([...args.h.slice(0, 8), ...BLAKE2S_IV.slice(0, 4), ...tail], args.message);
}
