// ec_recover hints (BigInt3 values packed with secp_utils.pack; results left in `value` for
// nondet_bigint3).
import { defineHint } from '../../hint';
import * as C from './codes';
import { divModPy, getIntLocal, packBigInt3, pyFloorDiv, pyMod, setLocals } from './py';

defineHint(C.EC_RECOVER_DIV_MOD_N_PACKED, (ctx) => {
  const N = packBigInt3(ctx, 'n');
  setLocals(ctx, { N });
  const x = pyMod(packBigInt3(ctx, 'x'), N, 'x = pack(ids.x, PRIME) % N');
  setLocals(ctx, { x });
  const s = pyMod(packBigInt3(ctx, 's'), N, 's = pack(ids.s, PRIME) % N');
  setLocals(ctx, { s });
  const res = divModPy(x, s, N, 'value = res = div_mod(x, s, N)');
  setLocals(ctx, { value: res, res });
});

defineHint(C.EC_RECOVER_SUB_A_B, (ctx) => {
  const a = packBigInt3(ctx, 'a');
  const b = packBigInt3(ctx, 'b');
  setLocals(ctx, { a, b, value: a - b, res: a - b });
});

defineHint(C.EC_RECOVER_PRODUCT_MOD, (ctx) => {
  const a = packBigInt3(ctx, 'a');
  const b = packBigInt3(ctx, 'b');
  const product = a * b;
  const m = packBigInt3(ctx, 'm');
  setLocals(ctx, { a, b, product, m });
  const res = pyMod(product, m, 'value = res = product % m');
  setLocals(ctx, { value: res, res });
});

defineHint(C.EC_RECOVER_PRODUCT_DIV_M, (ctx) => {
  const k = pyFloorDiv(getIntLocal(ctx, 'product'), getIntLocal(ctx, 'm'));
  setLocals(ctx, { value: k, k });
});
