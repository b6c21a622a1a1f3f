// ec_mul_by_uint256's scalar as 4-bit nibbles (cairo_secp/ec.cairo, secp256r1/ec.cairo), popped
// one per fast_ec_mul_inner step; and try_get_point_from_x's is_on_curve for secp256k1.
import { defineHint } from '../../hint';
import * as F from '../../../vm/felt';
import { mod } from '../../lib/math-utils';
import { bindLocals, idsInt, scopeGet, scopeInts, toBigInt } from '../../lib/py';
import { pyPop } from '../uint-dict/py';
import { HintError } from '../../errors';
import * as C from './codes';

defineHint(C.NIBBLES, (ctx) => {
  const num = (idsInt(ctx, 'scalar.high', '<<') << 128n) + idsInt(ctx, 'scalar.low', '+');
  const nibbles: bigint[] = [];
  for (let i = 0n; i < 256n; i += 4n) nibbles.push((num >> i) & 0xfn);
  bindLocals(ctx, { num, nibbles });
  ctx.ids.set('first_nibble', pyPop(nibbles));
  ctx.ids.set('last_nibble', nibbles[0]);
});

defineHint(C.NIBBLE_POP, (ctx) => {
  const nibbles = scopeGet<unknown>(ctx, 'nibbles');
  if (!Array.isArray(nibbles)) throw new HintError('AttributeError', "object has no attribute 'pop'");
  const v = toBigInt(pyPop(nibbles, 'nibbles.pop()'), 'nibbles.pop()');
  ctx.mem.writeAt(ctx.vm.fpValue(), F.toFelt(v));
});

defineHint(C.K1_IS_ON_CURVE, (ctx) => {
  const [y, p, ySquare] = scopeInts(ctx, 'y', 'SECP_P', 'y_square_int');
  ctx.ids.set('is_on_curve', mod(y * y, p) === ySquare ? 1n : 0n);
});
