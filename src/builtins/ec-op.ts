// The ec_op builtin: instances of 7 cells p_x, p_y, q_x, q_y, m, r_x, r_y with R = P + m * Q on
// the STARK curve, computed by the AIR's double-and-add loop (so it fails where the AIR does).
import { BuiltinRunner, BuiltinOptions, builtinError } from './builtin';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { PRIME, fromReduced } from '../vm/felt';
import { Point, ecAdd, ecDouble, pointOnCurve } from './stark-curve';
import { VmError } from '../vm/errors';

const INPUT_CELLS = 5;
const CELLS = 7;

/**
 * P + m * Q as cairo-lang's ec_op_impl computes it: `height` rounds of double-and-add, failing
 * when a round meets two points with the same x.
 */
export function ecOpImpl(p: Point, q: Point, m: bigint, height: number): Point {
  let doubled: Point = q;
  let sum: Point = p;
  let k = m;
  for (let i = 0; i < height; i++) {
    if ((doubled[0] - sum[0]) % PRIME === 0n) {
      throw builtinError(
        'Cannot apply EC operation: computation reached two points with the same x coordinate.\n' +
          'Attempting to compute P + m * Q where:\n' +
          `P = (${p[0]}, ${p[1]})\n` +
          `m = ${m}\n` +
          `Q = (${q[0]}, ${q[1]}).`,
      );
    }
    if ((k & 1n) !== 0n) sum = ecAdd(sum, doubled);
    doubled = ecDouble(doubled);
    k >>= 1n;
  }
  return sum;
}

export class EcOpBuiltin extends BuiltinRunner {
  readonly name = 'ec_op';
  readonly cellsPerInstance = CELLS;
  readonly inputCells = INPUT_CELLS;
  readonly scalarHeight: number;
  readonly scalarBits: number;
  /** Bound on m: scalar_limit, or 2^scalar_bits when the layout gives none. */
  readonly scalarLimit: bigint;
  /** Results by output offset: both coordinates are computed when either is asked for. */
  readonly cache = new Map<number, bigint>();
  private rule: Deducer | undefined;

  constructor(opts: BuiltinOptions) {
    super(opts);
    this.scalarHeight = opts.scalarHeight ?? 256;
    this.scalarBits = opts.scalarBits ?? 252;
    this.scalarLimit = opts.scalarLimit ?? (opts.scalarBits !== undefined ? 1n << BigInt(opts.scalarBits) : PRIME);
  }

  override deducer(): Deducer {
    if (this.rule !== undefined) return this.rule;
    const cache = this.cache;
    const limit = this.scalarLimit;
    const height = this.scalarHeight;
    this.rule = (mem: Memory, seg: number, off: number): Value | undefined => {
      const index = off % CELLS;
      if (index < INPUT_CELLS) return undefined;
      const hit = cache.get(off);
      if (hit !== undefined) return fromReduced(hit);
      const inst = off - index;
      const raw: Value[] = [];
      for (let i = 0; i < INPUT_CELLS; i++) {
        const v = mem.get(seg, inst + i);
        if (v === undefined) return undefined;
        raw.push(v);
      }
      const ins: bigint[] = raw.map((v, i) => {
        // cairo-lang's message has no space before "Got".
        if (typeof v === 'object') throw builtinError(`ec_op builtin: Expected integer at address ${seg}:${inst + i}.Got: ${valueToString(v)}.`);
        return BigInt(v);
      });
      if (ins[4] >= limit) throw builtinError(`ec_op builtin: m must be at most ${limit}.`);
      for (const [xi, yi] of [[0, 1], [2, 3]]) {
        if (!pointOnCurve(ins[xi], ins[yi])) throw builtinError(`ec_op builtin: point (${ins[xi]}, ${ins[yi]}) is not on the curve.`);
      }
      let r: Point;
      try {
        r = ecOpImpl([ins[0], ins[1]], [ins[2], ins[3]], ins[4], height);
      } catch (e) {
        if (e instanceof VmError) throw e;
        throw builtinError(''); // a doubling of a point with y = 0: a bare assertion in cairo-lang
      }
      cache.set(inst + INPUT_CELLS, r[0]);
      cache.set(inst + INPUT_CELLS + 1, r[1]);
      return fromReduced(r[index - INPUT_CELLS]);
    };
    return this.rule;
  }
}
