// vrf's curve hints over GF(2^255 - 19) (the secp_utils pattern with a local SECP_P): they bind
// SECP_P, x, y, slope, new_x, ... in the exec scope, where the generic secp hints that follow
// (new_y, x == 0, nondet_bigint3) read them.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import * as F from '../../../vm/felt';
import * as C from './codes';
import { packIds } from '../../lib/bigint3';
import { divMod, divmod, mod, pyPow } from '../../lib/math-utils';
import { bindLocals, scopeInt } from '../../lib/py';

const SECP_P = (1n << 255n) - 19n;
const ALPHA = 42204101795669822316448953119945047945709099015225996174933988943478124189485n;

defineHint(C.ED25519_VERIFY_ZERO, (ctx) => {
  const toAssert = packIds(ctx, 'val');
  const [q, r] = divmod(toAssert, SECP_P);
  bindLocals(ctx, { SECP_P, to_assert: toAssert, q, r });
  if (r !== 0n) {
    const limbs = ['d0', 'd1', 'd2'].map((d) => ctx.ids.big(`val.${d}`)).join(', ');
    throw new HintError(
      'AssertionError',
      `verify_zero: Invalid input (${limbs}).`,
      'assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."',
    );
  }
  ctx.ids.set('q', mod(q, F.getPrime()));
});

defineHint(C.ED25519_IS_ZERO_PACK, (ctx) => {
  bindLocals(ctx, { SECP_P, x: mod(packIds(ctx, 'x'), SECP_P) });
});

defineHint(C.ED25519_REDUCE, (ctx) => {
  bindLocals(ctx, { SECP_P, value: mod(packIds(ctx, 'x'), SECP_P) });
});

defineHint(C.ED25519_IS_ZERO_ASSIGN_SCOPE_VARS, (ctx) => {
  bindLocals(ctx, { SECP_P });
  const xInv = divMod(1n, scopeInt(ctx, 'x'), SECP_P, 'value = x_inv = div_mod(1, x, SECP_P)');
  bindLocals(ctx, { value: xInv, x_inv: xInv });
});

defineHint(C.ED25519_EC_NEGATE, (ctx) => {
  const y = mod(packIds(ctx, 'point.y'), SECP_P);
  bindLocals(ctx, { SECP_P, y, value: mod(-y, SECP_P) });
});

defineHint(C.ED25519_EC_DOUBLE_ASSIGN_NEW_X, (ctx) => {
  const slope = packIds(ctx, 'slope');
  const x = packIds(ctx, 'point.x');
  const y = packIds(ctx, 'point.y');
  const newX = mod(pyPow(slope, 2n, SECP_P) - 2n * x, SECP_P);
  bindLocals(ctx, { SECP_P, slope, x, y, value: newX, new_x: newX });
});

defineHint(C.ED25519_FAST_EC_ADD_ASSIGN_NEW_X, (ctx) => {
  const slope = packIds(ctx, 'slope');
  const x0 = packIds(ctx, 'point0.x');
  const x1 = packIds(ctx, 'point1.x');
  const y0 = packIds(ctx, 'point0.y');
  const newX = mod(pyPow(slope, 2n, SECP_P) - x0 - x1, SECP_P);
  bindLocals(ctx, { SECP_P, slope, x0, x1, y0, value: newX, new_x: newX });
});

defineHint(C.ED25519_COMPUTE_DOUBLING_SLOPE, (ctx) => {
  const line = 'value = slope = ec_double_slope(point=(x, y), alpha=42204101795669822316448953119945047945709099015225996174933988943478124189485, p=SECP_P)';
  const x = packIds(ctx, 'point.x');
  const y = packIds(ctx, 'point.y');
  bindLocals(ctx, { SECP_P, x, y });
  // math_utils.ec_double_slope
  if (mod(y, SECP_P) === 0n) throw new HintError('AssertionError', '', line);
  const slope = divMod(3n * x * x + ALPHA, 2n * y, SECP_P, line);
  bindLocals(ctx, { value: slope, slope });
});

defineHint(C.ED25519_COMPUTE_SLOPE, (ctx) => {
  const line = 'value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)';
  const x0 = packIds(ctx, 'point0.x');
  const y0 = packIds(ctx, 'point0.y');
  const x1 = packIds(ctx, 'point1.x');
  const y1 = packIds(ctx, 'point1.y');
  bindLocals(ctx, { SECP_P, x0, y0, x1, y1 });
  // math_utils.line_slope
  if (mod(x0 - x1, SECP_P) === 0n) throw new HintError('AssertionError', '', line);
  const slope = divMod(y0 - y1, x0 - x1, SECP_P, line);
  bindLocals(ctx, { value: slope, slope });
});
