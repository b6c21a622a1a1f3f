// Hints on single felts: assert_not_zero, the felt square root of is_quad_residue, and
// encode_packed's bit length.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import * as C from './codes';
import { divMod, isQuadResidue, sqrtMod } from '../../lib/math-utils';
import { bindLocals } from '../../lib/py';

/** starkware.crypto.signature.signature.FIELD_PRIME (the STARK field, whatever the program's prime). */
const FIELD_PRIME = (1n << 251n) + 17n * (1n << 192n) + 1n;

defineHint(C.ASSERT_NOT_ZERO, (ctx) => {
  const value = ctx.ids.get('value');
  if (typeof value === 'object') {
    throw new HintError('AssertionError', `Expected integer, found: ${value}.`, 'assert_integer(ids.value)');
  }
  const v = ctx.ids.big('value');
  if (v === 0n) {
    throw new HintError(
      'AssertionError',
      `assert_not_zero failed: ${v} = 0.`,
      "assert ids.value % PRIME != 0, f'assert_not_zero failed: {ids.value} = 0.'",
    );
  }
});

defineHint(C.IS_QUAD_RESIDUE_FELT, (ctx) => {
  const x = ctx.ids.big('x');
  bindLocals(ctx, { FIELD_PRIME, x });
  if (isQuadResidue(x, FIELD_PRIME)) ctx.ids.set('y', sqrtMod(x, FIELD_PRIME));
  else ctx.ids.set('y', sqrtMod(divMod(x, 3n, FIELD_PRIME), FIELD_PRIME));
});

defineHint(C.ENCODE_PACKED_BIT_LENGTH, (ctx) => {
  const x = ctx.ids.big('x');
  bindLocals(ctx, { x });
  ctx.ids.set('bit_length', BigInt(x.toString(2).length - (x === 0n ? 1 : 0)));
});
