// The secp256r1 library's own hints (secp256r1/field.cairo, secp256r1/ec.cairo): the same
// computations as the secp256k1 ones over SECP256R1_P, in their 0.14 form (limbs packed with
// PRIME) and their 0.12.3-0.13.3 form (limbs packed with SECP256R1_P, so a limb is never negative).
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { getPrime } from '../../../vm/felt';
import { SECP256R1_P, SECP256R1_ALPHA, SECP256R1_BETA, packIds } from '../../lib/bigint3';
import { asInt, divMod, divmod, ecDoubleSlope, lineSlope, mod, pyPow } from '../../lib/math-utils';
import { assertInteger, bindLocals, idsInt, scopeGet, scopeInt, scopeInts } from '../../lib/py';
import { PY, pyObject } from './py';
import * as C from './codes';

/** secp_utils.SECP256R1, the Curve object the hints import (they read its prime, alpha, beta). */
export const SECP256R1_CURVE = Object.freeze({ ...pyObject('starkware.cairo.common.cairo_secp.secp_utils.SECP256R1'), prime: SECP256R1_P, alpha: SECP256R1_ALPHA, beta: SECP256R1_BETA });

/** `SECP256R1.prime` of the curve a hint left in the scope. */
function curvePrime(ctx: HintContext): bigint {
  const c = scopeGet<{ prime?: bigint }>(ctx, 'SECP256R1');
  if (typeof c?.prime !== 'bigint') throw new HintError('AttributeError', "object has no attribute 'prime'");
  return c.prime;
}

const packR1 = (ctx: HintContext, name: string, prime: bigint | undefined, line: string) =>
  packIds(ctx, name, line, undefined, prime);

// compute_doubling_slope.
for (const [c, prime] of [[C.R1_DOUBLE_SLOPE, undefined], [C.R1_DOUBLE_SLOPE_0133, SECP256R1_P]] as const) {
  defineHint(c, (ctx) => {
    bindLocals(ctx, { SECP256R1_ALPHA, SECP256R1_P, pack: PY.pack, ec_double_slope: PY.ec_double_slope });
    const x = packR1(ctx, 'point.x', prime, 'x = pack(ids.point.x, PRIME)');
    bindLocals(ctx, { x });
    const y = packR1(ctx, 'point.y', prime, 'y = pack(ids.point.y, PRIME)');
    bindLocals(ctx, { y });
    const slope = ecDoubleSlope([x, y], SECP256R1_ALPHA, SECP256R1_P, 'value = slope = ec_double_slope(point=(x, y), alpha=SECP256R1_ALPHA, p=SECP256R1_P)');
    bindLocals(ctx, { value: slope, slope });
  });
}

// compute_slope.
defineHint(C.R1_LINE_SLOPE, (ctx) => {
  bindLocals(ctx, { SECP256R1_P, pack: PY.pack, line_slope: PY.line_slope });
  const v: bigint[] = [];
  for (const [local, id] of [['x0', 'point0.x'], ['y0', 'point0.y'], ['x1', 'point1.x'], ['y1', 'point1.y']]) {
    const n = packR1(ctx, id, undefined, `${local} = pack(ids.${id}, PRIME)`);
    bindLocals(ctx, { [local]: n });
    v.push(n);
  }
  const slope = lineSlope([v[0], v[1]], [v[2], v[3]], SECP256R1_P, 'value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP256R1_P)');
  bindLocals(ctx, { value: slope, slope });
});

// ec_double's new x.
for (const [c, prime] of [[C.R1_DOUBLE_NEW_X, undefined], [C.R1_DOUBLE_NEW_X_0133, SECP256R1_P]] as const) {
  defineHint(c, (ctx) => {
    bindLocals(ctx, { SECP256R1_P, pack: PY.pack });
    const slope = packR1(ctx, 'slope', prime, 'slope = pack(ids.slope, PRIME)');
    bindLocals(ctx, { slope });
    const x = packR1(ctx, 'point.x', prime, 'x = pack(ids.point.x, PRIME)');
    bindLocals(ctx, { x });
    const y = packR1(ctx, 'point.y', prime, 'y = pack(ids.point.y, PRIME)');
    bindLocals(ctx, { y });
    const v = mod(pyPow(slope, 2n, SECP256R1_P) - 2n * x, SECP256R1_P);
    bindLocals(ctx, { value: v, new_x: v });
  });
}

// ec_double's new y, from the locals the new-x hint left.
defineHint(C.R1_NEW_Y, (ctx) => {
  const [slope, x, newX, y] = scopeInts(ctx, 'slope', 'x', 'new_x', 'y');
  const p = scopeInt(ctx, 'SECP256R1_P');
  const v = mod(slope * (x - newX) - y, p);
  bindLocals(ctx, { value: v, new_y: v });
});

// try_get_point_from_x: y from x through the curve equation, then whether y^2 is that value.
for (const [c, prime] of [[C.R1_GET_POINT, undefined], [C.R1_GET_POINT_0133, SECP256R1_P]] as const) {
  defineHint(c, (ctx) => {
    bindLocals(ctx, { SECP256R1: SECP256R1_CURVE, pack: PY.pack, y_squared_from_x: PY.y_squared_from_x });
    const x = packR1(ctx, 'x', prime, 'x=pack(ids.x, PRIME),');
    const ySquare = mod(pyPow(x, 3n, SECP256R1_P) + SECP256R1_ALPHA * x + SECP256R1_BETA, SECP256R1_P);
    bindLocals(ctx, { y_square_int: ySquare });
    const y = pyPow(ySquare, (SECP256R1_P + 1n) / 4n, SECP256R1_P);
    bindLocals(ctx, { y });
    const v = idsInt(ctx, 'v', '%', 'if ids.v % 2 == y % 2:');
    bindLocals(ctx, { value: v % 2n === y % 2n ? y : mod(-y, SECP256R1_P) });
  });
}
defineHint(C.R1_IS_ON_CURVE, (ctx) => {
  const [y] = scopeInts(ctx, 'y');
  const p = curvePrime(ctx);
  const [ySquare] = scopeInts(ctx, 'y_square_int');
  ctx.ids.set('is_on_curve', mod(y * y, p) === ySquare ? 1n : 0n);
});

// assert_165_bit.
defineHint(C.R1_ASSERT_165, (ctx) => {
  bindLocals(ctx, { as_int: PY.as_int });
  const line = 'value = as_int(ids.value, PRIME) % PRIME';
  const value = mod(asInt(assertInteger(ctx.ids.get('value'), line)), getPrime());
  bindLocals(ctx, { value });
  const bound = ctx.ids.const('UPPER_BOUND');
  hintAssert(value < bound, `${value} is outside of the range [0, 2**165).`, "assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**165).'");
  const [high, low] = divmod(idsInt(ctx, 'value', 'divmod()'), ctx.ids.const('SHIFT'));
  ctx.ids.set('high', high);
  ctx.ids.set('low', low);
});

// verify_zero.
defineHint(C.R1_VERIFY_ZERO, (ctx) => {
  bindLocals(ctx, { SECP256R1_P, pack: PY.pack });
  const line = 'assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."';
  const [q, r] = divmod(packIds(ctx, 'val', 'q, r = divmod(pack(ids.val, PRIME), SECP256R1_P)'), SECP256R1_P);
  bindLocals(ctx, { q, r });
  if (r !== 0n) {
    const limbs = ['d0', 'd1', 'd2'].map((l) => idsInt(ctx, `val.${l}`, '%', line));
    throw new HintError('AssertionError', `verify_zero: Invalid input (${limbs.join(', ')}).`, line);
  }
  ctx.ids.set('q', mod(q, getPrime()));
});

// is_zero's x and its inverse; reduce.
defineHint(C.R1_IS_ZERO_X, (ctx) => {
  bindLocals(ctx, { SECP256R1_P, pack: PY.pack });
  bindLocals(ctx, { x: mod(packIds(ctx, 'x', 'x = pack(ids.x, PRIME) % SECP256R1_P'), SECP256R1_P) });
});
defineHint(C.R1_X_INV, (ctx) => {
  bindLocals(ctx, { div_mod: PY.div_mod });
  const [x] = scopeInts(ctx, 'x');
  const p = scopeInt(ctx, 'SECP256R1_P');
  bindLocals(ctx, { value: divMod(1n, x, p, 'value = div_mod(1, x, SECP256R1_P)') });
});
defineHint(C.R1_REDUCE, (ctx) => {
  bindLocals(ctx, { SECP256R1_P, pack: PY.pack });
  bindLocals(ctx, { value: mod(packIds(ctx, 'x', 'value = pack(ids.x, PRIME) % SECP256R1_P'), SECP256R1_P) });
});
