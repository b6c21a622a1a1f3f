// The STARK curve hints of ec.cairo: a deterministic random point for ec_op / chained_ec_op
// (math_utils.random_ec_point seeded by the inputs) and recover_y.
import { createHash } from 'node:crypto';
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { PRIME as FIELD_PRIME } from '../../../vm/felt';
import * as F from '../../../vm/felt';
import { Value } from '../../../vm/relocatable';
import { isQuadResidue, mod, pyPow, sqrtMod } from '../../lib/math-utils';
import { getRange, toBigInt } from '../../lib/py';
import { pyStr } from './util';
import * as C from './codes';

/** y^2 = x^3 + ALPHA * x + BETA over the STARK field (starkware.crypto.signature). */
const ALPHA = 1n;
const BETA = 0x6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89n;

const NOT_ON_CURVE = 'starkware.python.math_utils.NotOnCurveException';

/** math_utils.recover_y: the smaller root, or NotOnCurveException. */
export function recoverY(x: bigint): bigint {
  const y2 = mod(pyPow(x, 3n, FIELD_PRIME) + ALPHA * x + BETA, FIELD_PRIME);
  if (!isQuadResidue(y2, FIELD_PRIME)) {
    throw new HintError(NOT_ON_CURVE, `${x} does not represent the x coordinate of a point on the curve.`);
  }
  return sqrtMod(y2, FIELD_PRIME);
}

/** starkware.python.utils.to_bytes: 32 bytes, big endian, unsigned. */
function toBytes(v: Value): Buffer {
  if (typeof v === 'object') throw new HintError('TypeError', "descriptor 'to_bytes' for 'int' objects doesn't apply to a 'RelocatableValue' object");
  const b = Buffer.alloc(32);
  let n = F.big(v);
  for (let i = 31; i >= 0 && n > 0n; i--) {
    b[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return b;
}

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/** math_utils.random_ec_point(FIELD_PRIME, ALPHA, BETA, seed). */
export function randomEcPoint(seedInput: Buffer): [bigint, bigint] {
  const seed = sha256(seedInput);
  const negate = (seed[0] & 1) === 1;
  for (let i = 0; i < 100; i++) {
    const counter = Buffer.alloc(10);
    counter.writeUInt32LE(i, 0);
    const x = BigInt('0x' + sha256(Buffer.concat([seed.subarray(1), counter])).toString('hex'));
    let y: bigint;
    try {
      y = recoverY(x);
    } catch (e) {
      if (e instanceof HintError && e.pyType === NOT_ON_CURVE) continue;
      throw e;
    }
    return [x, negate ? mod(-y, FIELD_PRIME) : y];
  }
  throw new HintError('Exception', 'Could not find a point on the curve.');
}

function setS(ctx: HintContext, seed: Buffer): void {
  const [x, y] = randomEcPoint(seed);
  ctx.ids.set('s.x', x);
  ctx.ids.set('s.y', y);
}

defineHint(C.EC_OP_RANDOM_POINT, (ctx) => {
  const parts = ['p.x', 'p.y', 'm', 'q.x', 'q.y'].map((n) => toBytes(ctx.ids.get(n)));
  setS(ctx, Buffer.concat(parts));
});

defineHint(C.CHAINED_EC_OP_RANDOM_POINT, (ctx) => {
  const lenV = ctx.ids.get('len');
  hintAssert(typeof lenV !== 'object', `Invalid value for len. Got: ${pyStr(lenV)}.`, 'assert isinstance(n_elms, int) and n_elms >= 0, \\');
  const n = F.big(lenV);
  if (ctx.scope.has('__chained_ec_op_max_len')) {
    const max = toBigInt(ctx.scope.get('__chained_ec_op_max_len'), '__chained_ec_op_max_len');
    hintAssert(n <= max, `chained_ec_op() can only be used with len<=${max}. Got: n_elms=${n}.`,
      'assert n_elms <= __chained_ec_op_max_len, \\');
  }
  const values: Value[] = [
    ctx.ids.get('p.x'),
    ctx.ids.get('p.y'),
    ...getRange(ctx.mem, ctx.ids.ptr('m'), Number(n)),
    ...getRange(ctx.mem, ctx.ids.ptr('q'), 2 * Number(n)),
  ];
  setS(ctx, Buffer.concat(values.map(toBytes)));
});

defineHint(C.RECOVER_Y, (ctx) => {
  const x = ctx.ids.get('x');
  ctx.ids.set('p.x', x);
  if (typeof x === 'object') throw new HintError('TypeError', "unsupported operand type(s) for ** or pow(): 'RelocatableValue', 'int', 'int'");
  let y: bigint;
  try {
    y = recoverY(F.big(x));
  } catch (e) {
    if (e instanceof HintError) throw new HintError(e.pyType, e.message, 'ids.p.y = recover_y(ids.x, ALPHA, BETA, FIELD_PRIME)');
    throw e;
  }
  ctx.ids.set('p.y', y);
});
