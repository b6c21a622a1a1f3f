// The Hades permutation in WebAssembly, emitted here as bytes (no toolchain, nothing fetched):
// BigInt multiplications and divisions cost 100-400 ns each in V8, 3/4 of a poseidon-heavy run.
// A field element is 8 limbs of 32 bits, each in an i64 (a limb product plus two limbs fits in
// 64 bits unsigned), in Montgomery form (R = 2^256). StarkNet's prime 2^251 + 17 * 2^192 + 1 is
// 1 modulo 2^32 and has three non-zero limbs (1, 17 at limb 6, 2^27 at limb 7), so a Montgomery
// reduction step is a negation and three multiply-adds. Products use 128-bit SIMD (two 32 x 32
// bit products an instruction), which Node 20 and VS Code's extension host have.
import { poseidonSmall } from '@scure/starknet';
import { Felt, PRIME, fromReduced } from '../vm/felt';

const N = 8;
const MASK = 0xffffffffn;
const FULL_HALF = 4;
const PARTIAL = 83;
const ROUNDS = 2 * FULL_HALF + PARTIAL;
const R_MOD_P = (1n << 256n) % PRIME;
const PACKED = 192; // 3 lanes of 4 words of 64 bits: the permutation's input and output
const CONSTANTS = 512; // per round 3 lanes of 8 limbs, Montgomery form
const ROUND_BYTES = 3 * N * 8;

const limbsOf = (v: bigint): bigint[] => Array.from({ length: N }, (_, i) => (v >> BigInt(32 * i)) & MASK);

// ---- a minimal WebAssembly encoder ----------------------------------------------------------
const I64 = 0x7e;
const I32 = 0x7f;
const V128 = 0x7b;
/** SIMD opcodes (after the 0xfd prefix). */
const SIMD = { i32x4Splat: 0x11, i64x2Splat: 0x12, i32x4Replace: 0x1c, i64x2Extract: 0x1d, and: 0x4e, i64x2ShrU: 0xcd, i64x2Add: 0xce, extmulLowU: 0xde, extmulHighU: 0xdf };
const I32_WRAP_I64 = 0xa7;
const OP = { get: 0x20, set: 0x21, tee: 0x22, load: 0x29, store: 0x37, i64const: 0x42, add: 0x7c, sub: 0x7d, mul: 0x7e, and: 0x83, shl: 0x86, shrS: 0x87, shrU: 0x88, end: 0x0b };
/** Control flow and the i32 operations of the round loop (its counter is the i32 parameter). */
const CF = { loop: 0x03, if: 0x04, else: 0x05, brIf: 0x0d, void: 0x40, i32const: 0x41, i32add: 0x6a, i32ltU: 0x49, i32geU: 0x4f, i32or: 0x72 };

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const str = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/** One function body under construction: i64 locals after the parameters, straight-line code. */
class Body {
  code: number[] = [];
  /** Types of the locals after the parameters (i64, or v128 for the limb products). */
  readonly types: number[] = [];
  constructor(readonly params: number) {}
  local(type = I64): number {
    this.types.push(type);
    return this.params + this.types.length - 1;
  }
  get(l: number): this {
    this.code.push(OP.get, ...uleb(l));
    return this;
  }
  set(l: number): this {
    this.code.push(OP.set, ...uleb(l));
    return this;
  }
  c(v: bigint): this {
    this.code.push(OP.i64const, ...sleb(v));
    return this;
  }
  op(o: number): this {
    this.code.push(o);
    return this;
  }
  /** i64 at memory[base + offset] (base: the i32 parameter 0, or a constant 0 address). */
  load(offset: number, fromParam: boolean): this {
    if (fromParam) this.code.push(OP.get, 0);
    else this.code.push(0x41, 0); // i32.const 0
    this.code.push(OP.load, 3, ...uleb(offset));
    return this;
  }
  /** memory[offset] = the value of local l. */
  store(offset: number, l: number): this {
    this.code.push(0x41, 0); // i32.const 0
    this.get(l);
    this.code.push(OP.store, 3, ...uleb(offset));
    return this;
  }
  /** A SIMD instruction (its lane index after it, when it has one). */
  simd(o: number, lane?: number): this {
    this.code.push(0xfd, ...uleb(o));
    if (lane !== undefined) this.code.push(lane);
    return this;
  }
  encode(): number[] {
    const runs: number[][] = [];
    for (let i = 0; i < this.types.length; ) {
      let k = i;
      while (k < this.types.length && this.types[k] === this.types[i]) k++;
      runs.push([...uleb(k - i), this.types[i]]);
      i = k;
    }
    const locals = vec(runs);
    const fn = [...locals, ...this.code, OP.end];
    return [...uleb(fn.length), ...fn];
  }
}

// ---- the field arithmetic, emitted -----------------------------------------------------------
/**
 * out = a * b / R mod p (below 2p when a * b < p * R); a, b: locals of normalized limbs, or b the
 * constant limbs (zero limbs skipped). The 64 limb products are made two at a time
 * (i64x2.extmul of a's limbs, four to a vector, by b_j in every lane) and summed by column: a
 * product's low 32 bits in its column, its high 32 bits in the next. Vectors hold columns
 * (2m, 2m + 1) (even) or (2m + 1, 2m + 2) (odd); each column's sum stays below 2^37. Fresh
 * locals; out may alias a or b.
 */
function montMul(f: Body, a: number[], b: number[] | bigint[], out: number[]): void {
  const av = [0, 1].map((h) => {
    const v = f.local(V128);
    f.get(a[4 * h]).op(I32_WRAP_I64).simd(SIMD.i32x4Splat);
    for (let l = 1; l < 4; l++) f.get(a[4 * h + l]).op(I32_WRAP_I64).simd(SIMD.i32x4Replace, l);
    f.set(v);
    return v;
  });
  const mask = f.local(V128);
  f.c(MASK).simd(SIMD.i64x2Splat).set(mask);
  const even = Array.from({ length: N }, () => f.local(V128));
  const odd = Array.from({ length: N }, () => f.local(V128));
  const started = new Set<number>();
  /** Adds the vector on the stack to the one holding columns (c, c + 1). */
  const addAt = (c: number) => {
    const v = c % 2 === 0 ? even[c / 2] : odd[(c - 1) / 2];
    if (started.has(v)) f.get(v).simd(SIMD.i64x2Add);
    f.set(v);
    started.add(v);
  };
  const bj = f.local(V128);
  const p = f.local(V128);
  for (let j = 0; j < N; j++) {
    const y = b[j];
    if (y === 0n) continue;
    if (typeof y === 'bigint') f.code.push(0x41, ...sleb(BigInt.asIntN(32, y))); // i32.const
    else f.get(y).op(I32_WRAP_I64);
    f.simd(SIMD.i32x4Splat).set(bj);
    for (let h = 0; h < 2; h++) {
      for (let half = 0; half < 2; half++) {
        const c = j + 4 * h + 2 * half; // the column of the vector's first product
        f.get(av[h]).get(bj).simd(half ? SIMD.extmulHighU : SIMD.extmulLowU).set(p);
        f.get(p).get(mask).simd(SIMD.and);
        addAt(c);
        f.get(p).code.push(0x41, 32); // i32.const 32
        f.simd(SIMD.i64x2ShrU);
        addAt(c + 1);
      }
    }
  }
  // Column k: even[k >> 1] lane k & 1, plus odd[(k - 1) >> 1] lane (k + 1) & 1.
  const r = Array.from({ length: 2 * N }, () => f.local());
  for (let k = 0; k < 2 * N; k++) {
    const parts: [number, number][] = [];
    if (started.has(even[k >> 1])) parts.push([even[k >> 1], k & 1]);
    if (k > 0 && started.has(odd[(k - 1) >> 1])) parts.push([odd[(k - 1) >> 1], (k + 1) & 1]);
    if (parts.length === 0) f.c(0n);
    parts.forEach(([v, lane], i) => {
      f.get(v).simd(SIMD.i64x2Extract, lane);
      if (i > 0) f.op(OP.add);
    });
    f.set(r[k]);
  }
  reduce(f, r, out);
}

/** out = r / R mod p, r the 16 limbs of a product (each below 2^40: its sums stay far below 2^64). */
function reduce(f: Body, r: number[], out: number[]): void {
  // m = -r_i mod 2^32 makes limb i a multiple of 2^32: add m * p = m + 17m * 2^192 + m * 2^251.
  const m = f.local();
  for (let i = 0; i < N; i++) {
    f.c(0n).get(r[i]).op(OP.sub).c(MASK).op(OP.and).set(m);
    f.get(r[i + 1]).get(r[i]).get(m).op(OP.add).c(32n).op(OP.shrU).op(OP.add).set(r[i + 1]);
    f.get(r[i + 6]).get(m).c(17n).op(OP.mul).op(OP.add).set(r[i + 6]);
    f.get(r[i + 7]).get(m).c(27n).op(OP.shl).op(OP.add).set(r[i + 7]);
  }
  normalize(f, r.slice(N), out, OP.shrU);
}

/** out = a * a / R mod p, as montMul(a, a) but with each cross product a_i a_j (i < j) computed
 * once and doubled: 36 limb products instead of 64. */
function montSquare(f: Body, a: number[], out: number[]): void {
  const r = Array.from({ length: 2 * N }, () => f.local());
  const carry = f.local();
  // Cross products: row i adds a_i * a_j (j > i) at r[i + j]; rows overlap as in montMul.
  for (let i = 0; i < N - 1; i++) {
    for (let j = i + 1; j < N; j++) {
      f.get(a[i]).get(a[j]).op(OP.mul);
      if (i > 0) f.get(r[i + j]).op(OP.add); // set by row i - 1 (its range covers row i's)
      if (j > i + 1) f.get(carry).op(OP.add);
      f.set(carry).get(carry).c(MASK).op(OP.and).set(r[i + j]);
      f.get(carry).c(32n).op(OP.shrU).set(carry);
    }
    f.get(carry).set(r[i + N]);
  }
  // Doubled (limbs below 2^33), then the squares a_i^2 added at r[2i], r[2i + 1] (below 2^34):
  // the reduction below takes limbs that wide (its sums stay far below 2^64).
  const sq = f.local();
  for (let i = 0; i < N; i++) {
    f.get(a[i]).get(a[i]).op(OP.mul).set(sq);
    if (i === 0) f.get(sq).c(MASK).op(OP.and).set(r[0]);
    else f.get(r[2 * i]).c(1n).op(OP.shl).get(sq).c(MASK).op(OP.and).op(OP.add).set(r[2 * i]);
    if (i === N - 1) f.get(sq).c(32n).op(OP.shrU).set(r[2 * i + 1]);
    else f.get(r[2 * i + 1]).c(1n).op(OP.shl).get(sq).c(32n).op(OP.shrU).op(OP.add).set(r[2 * i + 1]);
  }
  reduce(f, r, out);
}

/** out = the limbs of `from` with carries propagated (shift: unsigned or signed carries). */
function normalize(f: Body, from: number[], out: number[], shift: number): void {
  const carry = f.local();
  for (let j = 0; j < N; j++) {
    f.get(from[j]);
    if (j > 0) f.get(carry).op(OP.add);
    f.set(carry).get(carry).c(MASK).op(OP.and).set(out[j]);
    if (j < N - 1) f.get(carry).c(32n).op(shift).set(carry);
  }
}

/** v (limbs, signed carries pending, value in [0, 2^255)) brought below 2p: v - q p with
 * q = (v >> 251) - 1, which stays positive because p - 2^251 is small (q = -1 adds p). */
function below2p(f: Body, v: number[]): void {
  normalize(f, v, v, OP.shrS);
  const q = f.local();
  f.get(v[7]).c(27n).op(OP.shrS).c(1n).op(OP.sub).set(q);
  f.get(v[0]).get(q).op(OP.sub).set(v[0]);
  f.get(v[6]).get(q).c(17n).op(OP.mul).op(OP.sub).set(v[6]);
  f.get(v[7]).get(q).c(27n).op(OP.shl).op(OP.sub).set(v[7]);
  normalize(f, v, v, OP.shrS);
}

const P6 = limbsOf(6n * PRIME);

/** One round on the state locals s (3 lanes of limbs below 2p), its constants at the byte the
 * i32 parameter holds. */
function round(f: Body, s: number[][], full: boolean): void {
  const lanes = [0, 1, 2].map(() => Array.from({ length: N }, () => f.local()));
  for (let e = 0; e < 3; e++) {
    // x = s + k (both normalized, below 3p), with carries
    const sum = Array.from({ length: N }, () => f.local());
    for (let j = 0; j < N; j++) f.get(s[e][j]).load((e * N + j) * 8, true).op(OP.add).set(sum[j]);
    normalize(f, sum, lanes[e], OP.shrU);
  }
  for (let e = full ? 0 : 2; e < 3; e++) {
    const sq = Array.from({ length: N }, () => f.local());
    montSquare(f, lanes[e], sq);
    montMul(f, sq, lanes[e], lanes[e]);
  }
  // [[3,1,1],[1,-1,1],[1,1,-2]]: u = x0 + x1 + x2, then u + 2 x0, u - 2 x1 + 6p, u - 3 x2 + 6p
  // (x below 3p: all three positive and below 14p), written to the state.
  const u = f.local();
  const [x0, x1, x2] = lanes;
  for (let j = 0; j < N; j++) {
    f.get(x0[j]).get(x1[j]).op(OP.add).get(x2[j]).op(OP.add).set(u);
    f.get(u).get(x0[j]).c(1n).op(OP.shl).op(OP.add).set(s[0][j]);
    f.get(u).get(x1[j]).c(1n).op(OP.shl).op(OP.sub).c(P6[j]).op(OP.add).set(s[1][j]);
    f.get(u).get(x2[j]).c(3n).op(OP.mul).op(OP.sub).c(P6[j]).op(OP.add).set(s[2][j]);
  }
  for (let e = 0; e < 3; e++) below2p(f, s[e]);
}

/**
 * permute(k): the whole permutation in one call, the state in locals throughout. Reads the
 * packed input words, brings them into Montgomery form (times R^2 / R), runs the 91 rounds in a
 * loop (k: the first round's constants; full rounds first and last, partial ones between), and
 * writes the packed output (times 1 / R: below p + 1).
 */
function permute(): Body {
  const f = new Body(1);
  const s = [0, 1, 2].map(() => Array.from({ length: N }, () => f.local()));
  const x = Array.from({ length: N }, () => f.local());
  const r2 = limbsOf((R_MOD_P * R_MOD_P) % PRIME);
  for (let e = 0; e < 3; e++) {
    for (let k = 0; k < N / 2; k++) {
      f.load(PACKED + (e * 4 + k) * 8, false).set(x[2 * k]);
      f.get(x[2 * k]).c(32n).op(OP.shrU).set(x[2 * k + 1]);
      f.get(x[2 * k]).c(MASK).op(OP.and).set(x[2 * k]);
    }
    montMul(f, x, r2, s[e]);
  }
  const firstPartial = CONSTANTS + FULL_HALF * ROUND_BYTES;
  const lastFull = CONSTANTS + (FULL_HALF + PARTIAL) * ROUND_BYTES;
  const end = CONSTANTS + ROUNDS * ROUND_BYTES;
  const i32 = (v: number) => f.code.push(CF.i32const, ...sleb(BigInt(v)));
  f.code.push(CF.loop, CF.void);
  f.get(0);
  i32(firstPartial);
  f.code.push(CF.i32ltU);
  f.get(0);
  i32(lastFull);
  f.code.push(CF.i32geU, CF.i32or, CF.if, CF.void);
  round(f, s, true);
  f.code.push(CF.else);
  round(f, s, false);
  f.code.push(OP.end);
  f.get(0);
  i32(ROUND_BYTES);
  f.code.push(CF.i32add, OP.tee, 0);
  i32(end);
  f.code.push(CF.i32ltU, CF.brIf, 0, OP.end);
  for (let e = 0; e < 3; e++) {
    montMul(f, s[e], limbsOf(1n), x);
    for (let k = 0; k < N / 2; k++) {
      f.get(x[2 * k]).get(x[2 * k + 1]).c(32n).op(OP.shl).op(0x84).set(x[2 * k]); // i64.or
      f.store(PACKED + (e * 4 + k) * 8, x[2 * k]);
    }
  }
  return f;
}

function moduleBytes(): Uint8Array {
  const body = permute();
  const types = vec([[0x60, ...vec([[I32]]), 0]]);
  const funcs = vec([uleb(0)]);
  const memory = vec([[0x00, 1]]);
  const exports = vec([[...str('permute'), 0x00, 0], [...str('memory'), 0x02, 0]]);
  const code = vec([body.encode()]);
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, types), ...section(3, funcs), ...section(5, memory), ...section(7, exports), ...section(10, code)]);
}

interface Exports {
  permute(k: number): void;
  memory: { buffer: ArrayBuffer };
}
// The project's TypeScript libraries declare no WebAssembly (Node and VS Code's host have it).
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
let wasm: Exports | undefined;
let words: BigUint64Array; // the memory as 64-bit words
let halves: Uint32Array; // and as 32-bit ones
function instance(): Exports {
  if (wasm) return wasm;
  wasm = new Wasm.Instance(new Wasm.Module(moduleBytes())).exports as unknown as Exports;
  words = new BigUint64Array(wasm.memory.buffer);
  halves = new Uint32Array(wasm.memory.buffer);
  poseidonSmall.roundConstants.forEach((row: bigint[], r: number) => {
    for (let e = 0; e < 3; e++) words.set(limbsOf((row[e] * R_MOD_P) % PRIME), (CONSTANTS + r * ROUND_BYTES + e * N * 8) / 8);
  });
  return wasm;
}

/** Input lane e = v (below p), as 4 words of 64 bits. */
function put(e: number, v: Felt): void {
  const at = PACKED / 8 + 4 * e;
  if (typeof v === 'number') {
    const h = 2 * at;
    halves[h] = v % 0x100000000;
    halves[h + 1] = Math.floor(v / 0x100000000);
    for (let j = 2; j < 8; j++) halves[h + j] = 0;
    return;
  }
  words[at] = BigInt.asUintN(64, v);
  words[at + 1] = BigInt.asUintN(64, v >> 64n);
  words[at + 2] = BigInt.asUintN(64, v >> 128n);
  words[at + 3] = v >> 192n;
}

/** Output lane e (below p + 1) as a canonical felt. */
function take(e: number): Felt {
  const at = PACKED / 8 + 4 * e;
  const h = 2 * at;
  if ((halves[h + 2] | halves[h + 3] | halves[h + 4] | halves[h + 5] | halves[h + 6] | halves[h + 7]) === 0 && halves[h + 1] < 0x200000) {
    return halves[h + 1] * 0x100000000 + halves[h];
  }
  const v = (words[at + 3] << 192n) | (words[at + 2] << 128n) | (words[at + 1] << 64n) | words[at];
  return fromReduced(v >= PRIME ? v - PRIME : v);
}

/** The Hades permutation of a 3-felt state (cairo-lang's poseidon_perm). */
export function poseidonPermutation(a: Felt, b: Felt, c: Felt): Felt[] {
  const w = instance();
  put(0, a);
  put(1, b);
  put(2, c);
  w.permute(CONSTANTS);
  return [take(0), take(1), take(2)];
}
