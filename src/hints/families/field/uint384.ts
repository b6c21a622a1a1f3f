// uint384 / uint384_extension hints (the 384-bit prime field library: three 128-bit limbs d0..d2,
// extended values with six limbs).
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import * as C from './codes';
import { divMod, divmod, isqrt, mod } from '../../lib/math-utils';
import { bindLocals } from '../../lib/py';
import { D3, D6, packLimbs, setLimbs, splitLimbs } from './py';
import { squareRoots } from './square-root';

defineHint(C.UINT384_UNSIGNED_DIV_REM, (ctx) => {
  const a = packLimbs(ctx, 'a', D3);
  const div = packLimbs(ctx, 'div', D3);
  const [quotient, remainder] = divmod(a, div, 'quotient, remainder = divmod(a, div)');
  bindLocals(ctx, { a, div, quotient, remainder });
  setLimbs(ctx, 'quotient', D3, splitLimbs(quotient, 128n, 3));
  setLimbs(ctx, 'remainder', D3, splitLimbs(remainder, 128n, 3));
});

defineHint(C.UINT384_UNSIGNED_DIV_REM_EXPANDED, (ctx) => {
  const a = packLimbs(ctx, 'a', D6);
  const div = packLimbs(ctx, 'div', D3);
  const [quotient, remainder] = divmod(a, div, 'quotient, remainder = divmod(a, div)');
  bindLocals(ctx, { a, div, quotient, remainder });
  setLimbs(ctx, 'quotient', D6, splitLimbs(quotient, 128n, 6));
  setLimbs(ctx, 'remainder', D3, splitLimbs(remainder, 128n, 3));
});

defineHint(C.UINT384_SUB_REDUCED, (ctx) => {
  const a = packLimbs(ctx, 'a', D3);
  const b = packLimbs(ctx, 'b', D3);
  const p = packLimbs(ctx, 'p', D3);
  const res = mod(a - b, p, 'res = (a - b) % p');
  bindLocals(ctx, { a, b, p, res });
  setLimbs(ctx, 'res', D3, splitLimbs(res, 128n, 3));
});

defineHint(C.UINT384_INV_MOD_P, (ctx) => {
  const a = packLimbs(ctx, 'a', D3);
  const b = packLimbs(ctx, 'b', D3);
  const p = packLimbs(ctx, 'p', D3);
  const bInv = divMod(1n, b, p, 'b_inverse_mod_p = div_mod(1, b, p)');
  bindLocals(ctx, { a, b, p, b_inverse_mod_p: bInv });
  setLimbs(ctx, 'b_inverse_mod_p', D3, splitLimbs(bInv, 128n, 3));
});

defineHint(C.UINT384_SQRT, (ctx) => {
  const a = packLimbs(ctx, 'a', D3);
  const root = isqrt(a, 'root = isqrt(a)');
  if (!(root < 1n << 192n)) throw new HintError('AssertionError', '', 'assert 0 <= root < 2 ** 192');
  bindLocals(ctx, { a, root });
  setLimbs(ctx, 'root', D3, splitLimbs(root, 128n, 3));
});

defineHint(C.UINT384_SIGNED_NN, (ctx) => {
  const d2 = ctx.ids.big('a.d2');
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, d2 < 1n << 127n ? 1 : 0);
});

defineHint(C.UINT384_ADD_CARRIES, (ctx) => {
  const shift = ctx.ids.const('SHIFT');
  const sumD0 = ctx.ids.big('a.d0') + ctx.ids.big('b.d0');
  const carryD0 = sumD0 >= shift ? 1n : 0n;
  ctx.ids.set('carry_d0', carryD0);
  const sumD1 = ctx.ids.big('a.d1') + ctx.ids.big('b.d1') + ctx.ids.big('carry_d0');
  const carryD1 = sumD1 >= shift ? 1n : 0n;
  ctx.ids.set('carry_d1', carryD1);
  const sumD2 = ctx.ids.big('a.d2') + ctx.ids.big('b.d2') + ctx.ids.big('carry_d1');
  ctx.ids.set('carry_d2', sumD2 >= shift ? 1n : 0n);
  bindLocals(ctx, { sum_d0: sumD0, sum_d1: sumD1, sum_d2: sumD2 });
});

defineHint(C.UINT384_GET_SQUARE_ROOT, (ctx) => {
  const [rootX, rootGx] = squareRoots(ctx, D3, 'assert success_x + success_gx ==1');
  setLimbs(ctx, 'sqrt_x', D3, splitLimbs(rootX, 128n, 3));
  setLimbs(ctx, 'sqrt_gx', D3, splitLimbs(rootGx, 128n, 3));
});
