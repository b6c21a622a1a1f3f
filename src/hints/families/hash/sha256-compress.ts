// compute_message_schedule and sha2_compress_function of cairo-lang's sha256_utils.py: the
// SHA-256 compression of one 16-word block with a given state (FIPS 180-4, section 6.2.2).
//
// Written here rather than taken from @noble/hashes: noble's SHA256 only runs the compression
// through protected methods of its hash class (no function taking a state and a block). The
// 32-bit version below is the standard one. As with the other hash hints, the Python code does
// not bound its inputs, so words of 2^32 or more are handled by a transliteration of the Python
// code on unbounded integers (the 32-bit version is only used when every word fits).

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const K_BIG = K.map(BigInt);

/** The SHA-256 initial hash value (sha256_utils.IV). */
export const SHA256_IV: readonly bigint[] = [
  0x6a09e667n, 0xbb67ae85n, 0x3c6ef372n, 0xa54ff53an, 0x510e527fn, 0x9b05688cn, 0x1f83d9abn, 0x5be0cd19n,
];

const M32 = (1n << 32n) - 1n;
const fits32 = (v: bigint): boolean => v >= 0n && v <= M32;

/** The error Python raises for a message of the wrong length (`assert len(w) == 16`). */
export class ScheduleLengthError extends Error {}
/** The error Python raises unpacking a state of the wrong length. */
export class StateLengthError extends Error {}

/** compute_message_schedule: the 64 words w from a 16-word block (w[0..15] is the block). */
export function computeMessageSchedule(message: readonly bigint[]): bigint[] {
  if (message.length !== 16) throw new ScheduleLengthError('');
  const w = message.slice();
  if (message.every(fits32)) {
    const v = Uint32Array.from(message, Number);
    const ws = new Uint32Array(64);
    ws.set(v);
    for (let i = 16; i < 64; i++) {
      const a = ws[i - 15];
      const b = ws[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      ws[i] = (ws[i - 16] + s0 + ws[i - 7] + s1) >>> 0;
    }
    for (let i = 16; i < 64; i++) w.push(BigInt(ws[i]));
    return w;
  }
  for (let i = 16; i < 64; i++) {
    const s0 = rotBig(w[i - 15], 7n) ^ rotBig(w[i - 15], 18n) ^ (w[i - 15] >> 3n);
    const s1 = rotBig(w[i - 2], 17n) ^ rotBig(w[i - 2], 19n) ^ (w[i - 2] >> 10n);
    w.push((w[i - 16] + s0 + w[i - 7] + s1) & M32);
  }
  return w;
}

/** sha2_compress_function(state, w): the new 8-word state. */
export function sha2Compress(state: readonly bigint[], w: readonly bigint[]): bigint[] {
  if (state.length < 8) throw new StateLengthError(`not enough values to unpack (expected 8, got ${state.length})`);
  if (state.length > 8) throw new StateLengthError('too many values to unpack (expected 8)');
  if (w.length < 64) throw new RangeError('list index out of range');
  if (state.every(fits32) && w.every(fits32)) return compressFast(state, w);
  return compressExact(state, w);
}

function compressFast(state: readonly bigint[], w: readonly bigint[]): bigint[] {
  const st = Uint32Array.from(state, Number);
  const ws = Uint32Array.from(w.slice(0, 64), Number);
  let [a, b, c, d, e, f, g, h] = st;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + s1 + ch + K[i] + ws[i]) >>> 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + maj) >>> 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) >>> 0;
  }
  return [a, b, c, d, e, f, g, h].map((x, i) => BigInt((st[i] + x) >>> 0));
}

/** Python's right_rot(value, n) on an unbounded integer. */
function rotBig(v: bigint, n: bigint): bigint {
  return (v >> n) | ((v & ((1n << n) - 1n)) << (32n - n));
}

function compressExact(state: readonly bigint[], w: readonly bigint[]): bigint[] {
  let [a, b, c, d, e, f, g, h] = state;
  for (let i = 0; i < 64; i++) {
    const s0 = rotBig(a, 2n) ^ rotBig(a, 13n) ^ rotBig(a, 22n);
    const s1 = rotBig(e, 6n) ^ rotBig(e, 11n) ^ rotBig(e, 25n);
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + s1 + ch + K_BIG[i] + w[i]) & M32;
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + maj) & M32;
    h = g;
    g = f;
    f = e;
    e = (d + t1) & M32;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) & M32;
  }
  return [a, b, c, d, e, f, g, h].map((x, i) => (state[i] + x) & M32);
}

/** The unbounded-integer compression, exported for tests (it must agree with the 32-bit one). */
export const sha2CompressExactForTests = compressExact;
