// ec_recover hints (BigInt3 values packed with secp_utils.pack; results left in `value` for
// nondet_bigint3).
import { defineHint } from '../../hint';
import * as C from './codes';
import { packIds } from '../../lib/bigint3';
import { divMod, floorDiv, mod } from '../../lib/math-utils';
import { bindLocals, scopeInt } from '../../lib/py';

defineHint(C.EC_RECOVER_DIV_MOD_N_PACKED, (ctx) => {
  const N = packIds(ctx, 'n');
  bindLocals(ctx, { N });
  const x = mod(packIds(ctx, 'x'), N, 'x = pack(ids.x, PRIME) % N');
  bindLocals(ctx, { x });
  const s = mod(packIds(ctx, 's'), N, 's = pack(ids.s, PRIME) % N');
  bindLocals(ctx, { s });
  const res = divMod(x, s, N, 'value = res = div_mod(x, s, N)');
  bindLocals(ctx, { value: res, res });
});

defineHint(C.EC_RECOVER_SUB_A_B, (ctx) => {
  const a = packIds(ctx, 'a');
  const b = packIds(ctx, 'b');
  bindLocals(ctx, { a, b, value: a - b, res: a - b });
});

defineHint(C.EC_RECOVER_PRODUCT_MOD, (ctx) => {
  const a = packIds(ctx, 'a');
  const b = packIds(ctx, 'b');
  const product = a * b;
  const m = packIds(ctx, 'm');
  bindLocals(ctx, { a, b, product, m });
  const res = mod(product, m, 'value = res = product % m');
  bindLocals(ctx, { value: res, res });
});

defineHint(C.EC_RECOVER_PRODUCT_DIV_M, (ctx) => {
  const k = floorDiv(scopeInt(ctx, 'product'), scopeInt(ctx, 'm'));
  bindLocals(ctx, { value: k, k });
});
