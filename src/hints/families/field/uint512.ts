// vrf hints on Uint256 (low/high) and Uint512 (d0..d3) values: fq arithmetic, uint512 division,
// inverses, square roots, and the ed25519 split_xx square root.
import { defineHint } from '../../hint';
import * as C from './codes';
import { divMod, divmod, mod, pyPow } from '../../lib/math-utils';
import { bindLocals } from '../../lib/py';
import { D4, LOW_HIGH, packLimbs, setLimbs, splitLimbs } from './py';
import { squareRoots } from './square-root';

const MASK128 = (1n << 128n) - 1n;
const ED25519_P = (1n << 255n) - 19n;

defineHint(C.SPLIT_XX, (ctx) => {
  const P = ED25519_P;
  const II = pyPow(2n, (P - 1n) / 4n, P);
  const xx = ctx.ids.big('xx.low') + (ctx.ids.big('xx.high') << 128n);
  let x = pyPow(xx, (P + 3n) / 8n, P);
  if (mod(x * x - xx, P) !== 0n) x = mod(x * II, P);
  if (mod(x, 2n) !== 0n) x = P - x;
  bindLocals(ctx, { II, xx, x });
  ctx.ids.set('x.low', x & MASK128);
  ctx.ids.set('x.high', x >> 128n);
});

defineHint(C.UINT512_UNSIGNED_DIV_REM, (ctx) => {
  const x = packLimbs(ctx, 'x', D4);
  const div = packLimbs(ctx, 'div', LOW_HIGH);
  const [quotient, remainder] = divmod(x, div, 'quotient, remainder = divmod(x, div)');
  bindLocals(ctx, { x, div, quotient, remainder });
  setLimbs(ctx, 'quotient', D4, splitLimbs(quotient, 128n, 4));
  setLimbs(ctx, 'remainder', LOW_HIGH, splitLimbs(remainder, 128n, 2));
});

defineHint(C.INV_MOD_P_UINT512, (ctx) => {
  const x = packLimbs(ctx, 'x', D4);
  const p = ctx.ids.big('p.low') + (ctx.ids.big('p.high') << 128n);
  const inv = pyPow(x, -1n, p);
  bindLocals(ctx, { x, p, x_inverse_mod_p: inv });
  ctx.ids.set('x_inverse_mod_p.low', inv & MASK128);
  ctx.ids.set('x_inverse_mod_p.high', inv >> 128n);
});

defineHint(C.UINT256_INV_MOD_P, (ctx) => {
  const a = packLimbs(ctx, 'a', LOW_HIGH);
  const b = packLimbs(ctx, 'b', LOW_HIGH);
  const p = packLimbs(ctx, 'p', LOW_HIGH);
  const inv = divMod(1n, b, p, 'b_inverse_mod_p = div_mod(1, b, p)');
  bindLocals(ctx, { a, b, p, b_inverse_mod_p: inv });
  ctx.ids.set('b_inverse_mod_p.low', inv & MASK128);
  ctx.ids.set('b_inverse_mod_p.high', inv >> 128n);
});

defineHint(C.UINT256_GET_SQUARE_ROOT, (ctx) => {
  const [rootX, rootGx] = squareRoots(ctx, LOW_HIGH, 'assert success_x + success_gx == 1');
  ctx.ids.set('sqrt_x.low', rootX & MASK128);
  ctx.ids.set('sqrt_x.high', rootX >> 128n);
  ctx.ids.set('sqrt_gx.low', rootGx & MASK128);
  ctx.ids.set('sqrt_gx.high', rootGx >> 128n);
});

defineHint(C.SPLIT_128, (ctx) => {
  const a = ctx.ids.big('a');
  ctx.ids.set('low', a & MASK128);
  ctx.ids.set('high', a >> 128n);
});

defineHint(C.UINT256_ADD_LOW_CARRY, (ctx) => {
  const sumLow = ctx.ids.big('a.low') + ctx.ids.big('b.low');
  bindLocals(ctx, { sum_low: sumLow });
  ctx.ids.set('carry_low', sumLow >= ctx.ids.const('SHIFT') ? 1n : 0n);
});
