// BigInt3 hints of ec_bigint (bigint_div_mod) and the nondet_bigint3 variant that writes
// `split(value)` with no blank line.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import { BASE } from '../../lib/bigint3';
import { asInt } from '../../lib/math-utils';
import * as F from '../../../vm/felt';
import * as C from './codes';
import { divModPy, getIntLocal, packBigInt3, pyDivmod, safeDivPy, setLocals } from './py';

/** secp_utils.split(num): three limbs in base 2^86 by divmod; asserts nothing is left. */
function splitBase86(num: bigint, codeLine: string): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < 3; i++) {
    const [q, r] = pyDivmod(num, BASE);
    out.push(r);
    num = q;
  }
  if (num !== 0n) throw new HintError('AssertionError', '', codeLine);
  return out;
}

defineHint(C.NONDET_BIGINT3_V2, (ctx) => {
  const line = 'segments.write_arg(ids.res.address_, split(value))';
  const value = getIntLocal(ctx, 'value');
  const limbs = splitBase86(value, line);
  ctx.mem.load(ctx.ids.addr('res'), limbs.map((l) => F.toFelt(l)));
});

defineHint(C.BIGINT_PACK_DIV_MOD, (ctx) => {
  const base = ctx.ids.const('BASE');
  const p = packBigInt3(ctx, 'P');
  const x = packBigInt3(ctx, 'x') + asInt(ctx.ids.big('x.d3')) * base ** 3n + asInt(ctx.ids.big('x.d4')) * base ** 4n;
  const y = packBigInt3(ctx, 'y');
  const res = divModPy(x, y, p, 'value = res = div_mod(x, y, p)');
  setLocals(ctx, { p, x, y, value: res, res });
});

defineHint(C.BIGINT_SAFE_DIV, (ctx) => {
  const res = getIntLocal(ctx, 'res');
  const y = getIntLocal(ctx, 'y');
  const x = getIntLocal(ctx, 'x');
  const p = getIntLocal(ctx, 'p');
  const k = safeDivPy(res * y - x, p, 'k = safe_div(res * y - x, p)');
  const value = k > 0n ? k : -k;
  setLocals(ctx, { k, value });
  ctx.ids.set('flag', k > 0n ? 1n : 0n);
});
