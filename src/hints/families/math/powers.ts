// pow.cairo's signed_pow guard and log2_ceil.cairo's guess.
import { defineHint } from '../../hint';
import { hintAssert } from '../../errors';
import { bitLength } from '../../lib/py';
import * as C from './codes';

defineHint(C.POW_NEGATIVE_BASE, (ctx) => {
  hintAssert(ctx.ids.big('base') !== 0n, 'Cannot raise 0 to a negative power.', C.POW_NEGATIVE_BASE);
});

defineHint(C.LOG2_CEIL, (ctx) => {
  // math_utils.log2_ceil(x): assert x > 0; (x - 1).bit_length().
  const x = ctx.ids.big('value');
  hintAssert(x > 0n, '', 'assert x > 0');
  ctx.ids.set('res', bitLength(x - 1n));
});
