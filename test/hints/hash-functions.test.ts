// Known answers for the compression functions behind the hash hints, and agreement of their
// 32-bit (library) and unbounded-integer (Python semantics) paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha256 } from '@noble/hashes/sha2';
import { blake2s } from '@noble/hashes/blake2s';
import { keccakFunc, keccakFuncExactForTests } from '../../src/hints/families/hash/keccak-func';
import {
  SHA256_IV, computeMessageSchedule, sha2Compress, sha2CompressExactForTests,
} from '../../src/hints/families/hash/sha256-compress';
import {
  BLAKE2S_IV, blake2sCompress, blake2sCompressExactForTests,
} from '../../src/hints/families/hash/blake2s-compress';

const hex = (xs: bigint[]): string[] => xs.map((x) => '0x' + x.toString(16));

/** A deterministic pseudo-random generator of words below 2^bits. */
function words(seed: number, n: number, bits: number): bigint[] {
  let s = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) {
    s = (s * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
    out.push((s ^ (s >> 29n)) & ((1n << BigInt(bits)) - 1n));
  }
  return out;
}

test('keccak_func of the zero state is Keccak-f[1600](0)', () => {
  const out = keccakFunc(new Array(25).fill(0n));
  assert.equal(out[0], 0xf1258f7940e1dde7n);
  assert.equal(out[1], 0x84d5ccf933c0478an);
  assert.equal(out[5], 0xff97a42d7f8e6fd4n);
  assert.equal(out[24], 0xeaf1ff7b5ceca249n);
  assert.deepEqual(keccakFuncExactForTests(new Array(25).fill(0n)), out);
});

test('keccak_func: keccakP path and Python-semantics path agree on 64-bit lanes', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const lanes = words(seed, 25, 64);
    assert.deepEqual(keccakFunc(lanes), keccakFuncExactForTests(lanes));
  }
});

test('keccak_func on lanes of 2^64 and more gives what the Python code gives', () => {
  // keccak_func([2**70 + i for i in range(25)]) in cairo-lang's keccak_utils.py.
  const out = keccakFunc(Array.from({ length: 25 }, (_, i) => (1n << 70n) + BigInt(i)));
  assert.deepEqual(hex(out.slice(0, 3)), ['0xeed8eff631c5ab68', '0xef3fd91a10fd37d', '0x1ad83fea662a3566']);
});

test('keccak_func rejects fewer than 25 lanes', () => {
  assert.throws(() => keccakFunc([0n]), /list index out of range/);
});

test('sha256 compression of the padded "abc" block is SHA-256("abc")', () => {
  const block = [0x61626380n, ...new Array(14).fill(0n), 24n];
  const out = sha2Compress(SHA256_IV, computeMessageSchedule(block));
  assert.deepEqual(hex(out), ['0xba7816bf', '0x8f01cfea', '0x414140de', '0x5dae2223', '0xb00361a3', '0x96177a9c', '0xb410ff61', '0xf20015ad']);
});

test('sha256 compression agrees with @noble/hashes on one-block messages', () => {
  for (let len = 0; len <= 55; len += 11) {
    const msg = Uint8Array.from({ length: len }, (_, i) => (i * 37 + len) & 0xff);
    const padded = new Uint8Array(64);
    padded.set(msg);
    padded[len] = 0x80;
    new DataView(padded.buffer).setUint32(60, len * 8);
    const block = Array.from({ length: 16 }, (_, i) => BigInt(new DataView(padded.buffer).getUint32(4 * i)));
    const out = sha2Compress(SHA256_IV, computeMessageSchedule(block));
    const expected = sha256(msg);
    const dv = new DataView(expected.buffer, expected.byteOffset);
    assert.deepEqual(out, Array.from({ length: 8 }, (_, i) => BigInt(dv.getUint32(4 * i))));
  }
});

test('sha256: 32-bit path and Python-semantics path agree', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const state = words(seed, 8, 32);
    const w = computeMessageSchedule(words(seed + 100, 16, 32));
    assert.deepEqual(sha2Compress(state, w), sha2CompressExactForTests(state, w));
  }
});

test('sha256 on words of 2^32 and more gives what the Python code gives', () => {
  const m = Array.from({ length: 16 }, (_, i) => (1n << 40n) + BigInt(i * 12345));
  const out = sha2Compress(SHA256_IV.map((x) => x + (1n << 33n)), computeMessageSchedule(m));
  assert.deepEqual(hex(out), ['0x30c84180', '0x88d6698d', '0x1ad5ad4d', '0x1e0d307', '0xf38e250e', '0xd19ddd6f', '0x49653443', '0x948e4093']);
});

test('sha256 rejects a schedule of the wrong length and a state of the wrong length', () => {
  assert.throws(() => computeMessageSchedule(new Array(15).fill(0n)));
  const w = computeMessageSchedule(new Array(16).fill(0n));
  assert.throws(() => sha2Compress(SHA256_IV.slice(0, 7), w), /not enough values to unpack \(expected 8, got 7\)/);
  assert.throws(() => sha2Compress([...SHA256_IV, 0n], w), /too many values to unpack \(expected 8\)/);
});

const PARAM_IV = [BLAKE2S_IV[0] ^ 0x01010020n, ...BLAKE2S_IV.slice(1)];

test('blake2s compression of "abc" is the RFC 7693 test vector', () => {
  const out = blake2sCompress({ h: PARAM_IV, message: [0x636261n, ...new Array(15).fill(0n)], t0: 3n, t1: 0n, f0: 0xffffffffn, f1: 0n });
  // BLAKE2s-256("abc") = 508C5E8C 327C14E2 E1A72BA3 4EEB452F 37458B20 9ED63A29 4D999B4C 86675982
  assert.deepEqual(hex(out), ['0x8c5e8c50', '0xe2147c32', '0xa32ba7e1', '0x2f45eb4e', '0x208b4537', '0x293ad69e', '0x4c9b994d', '0x82596786']);
});

test('blake2s compression agrees with @noble/hashes on one-block messages', () => {
  for (let len = 1; len <= 64; len += 9) {
    const msg = Uint8Array.from({ length: len }, (_, i) => (i * 53 + 7) & 0xff);
    const padded = new Uint8Array(64);
    padded.set(msg);
    const dv = new DataView(padded.buffer);
    const block = Array.from({ length: 16 }, (_, i) => BigInt(dv.getUint32(4 * i, true)));
    const out = blake2sCompress({ h: PARAM_IV, message: block, t0: BigInt(len), t1: 0n, f0: 0xffffffffn, f1: 0n });
    const expected = blake2s(msg);
    const edv = new DataView(expected.buffer, expected.byteOffset);
    assert.deepEqual(out, Array.from({ length: 8 }, (_, i) => BigInt(edv.getUint32(4 * i, true))));
  }
});

test('blake2s: noble compress path and Python-semantics path agree', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const args = { h: words(seed, 8, 32), message: words(seed + 50, 16, 32), t0: words(seed, 1, 32)[0], t1: 0n, f0: 0n, f1: 0n };
    assert.deepEqual(blake2sCompress(args), blake2sCompressExactForTests(args));
  }
});

test('blake2s on words of 2^32 and more gives what the Python code gives', () => {
  const out = blake2sCompress({
    h: BLAKE2S_IV.map((x) => x + (1n << 35n)),
    message: Array.from({ length: 16 }, (_, i) => (1n << 40n) + BigInt(i)),
    t0: (1n << 50n) + 7n, t1: 0n, f0: 0xffffffffn, f1: 0n,
  });
  assert.deepEqual(hex(out), ['0x84975dd9f', '0x8f488b07b', '0x82acb8c7a', '0x86ffeec37', '0x8714ed336', '0x8ae7a1a31', '0x83ea7a3e0', '0x85ebb58aa']);
});
