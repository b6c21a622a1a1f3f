// BigInt3 hints of ec_bigint (bigint_div_mod) and the nondet_bigint3 variant that writes
// `split(value)` with no blank line.
import { defineHint } from '../../hint';
import * as F from '../../../vm/felt';
import * as C from './codes';
import { packIds, split } from '../../lib/bigint3';
import { asInt, divMod, safeDiv } from '../../lib/math-utils';
import { bindLocals, scopeInt } from '../../lib/py';

defineHint(C.NONDET_BIGINT3_V2, (ctx) => {
  const line = 'segments.write_arg(ids.res.address_, split(value))';
  const value = scopeInt(ctx, 'value');
  const limbs = split(value, line);
  ctx.mem.load(ctx.ids.addr('res'), limbs.map((l) => F.toFelt(l)));
});

defineHint(C.BIGINT_PACK_DIV_MOD, (ctx) => {
  const base = ctx.ids.const('BASE');
  const p = packIds(ctx, 'P');
  const x = packIds(ctx, 'x') + asInt(ctx.ids.big('x.d3')) * base ** 3n + asInt(ctx.ids.big('x.d4')) * base ** 4n;
  const y = packIds(ctx, 'y');
  const res = divMod(x, y, p, 'value = res = div_mod(x, y, p)');
  bindLocals(ctx, { p, x, y, value: res, res });
});

defineHint(C.BIGINT_SAFE_DIV, (ctx) => {
  const res = scopeInt(ctx, 'res');
  const y = scopeInt(ctx, 'y');
  const x = scopeInt(ctx, 'x');
  const p = scopeInt(ctx, 'p');
  const k = safeDiv(res * y - x, p, 'k = safe_div(res * y - x, p)');
  const value = k > 0n ? k : -k;
  bindLocals(ctx, { k, value });
  ctx.ids.set('flag', k > 0n ? 1n : 0n);
});
