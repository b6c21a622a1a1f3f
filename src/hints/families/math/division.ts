// Division-like hints: unsigned_div_rem, signed_div_rem, sqrt, split_int, pow's bit, keccak's
// word split, and the secp `k = safe_div(res * b - a, N)` step.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { getPrime, toFelt } from '../../../vm/felt';
import { asInt, divmod, floorDiv, isqrt } from '../../lib/math-utils';
import { assertInteger, idsInt, idsValue, pyCompare, scopeInt } from '../../lib/py';
import { pyHex, pyStr, rcBound } from './util';
import * as C from './codes';

/** `assert 0 < ids.div <= PRIME // range_check_builtin.bound` shared by both div_rem hints. */
function checkedDiv(ctx: HintContext): bigint {
  const div = assertInteger(ctx.ids.get('div'), `assert_integer(ids.div)`);
  const bound = rcBound(ctx);
  hintAssert(div > 0n && div <= floorDiv(getPrime(), bound), `div=${pyHex(div)} is out of the valid range.`,
    'assert 0 < ids.div <= PRIME // range_check_builtin.bound, \\');
  return div;
}

defineHint(C.UNSIGNED_DIV_REM, (ctx) => {
  const div = checkedDiv(ctx);
  const [q, r] = divmod(idsInt(ctx, 'value', 'divmod()'), div);
  ctx.ids.set('q', q);
  ctx.ids.set('r', r);
});

defineHint(C.SIGNED_DIV_REM, (ctx) => {
  const div = checkedDiv(ctx);
  const bound = assertInteger(ctx.ids.get('bound'), `assert_integer(ids.bound)`);
  hintAssert(bound <= rcBound(ctx) / 2n, `bound=${pyHex(bound)} is out of the valid range.`,
    'assert ids.bound <= range_check_builtin.bound // 2, \\');
  const intValue = asInt(assertInteger(ctx.ids.get('value'), 'int_value = as_int(ids.value, PRIME)'));
  const [q, r] = divmod(intValue, div);
  ctx.scope.set('int_value', intValue);
  ctx.scope.set('q', q);
  ctx.ids.set('r', r);
  hintAssert(-bound <= q && q < bound, `${intValue} / ${div} = ${q} is out of the range [${-bound}, ${bound}).`,
    'assert -ids.bound <= q < ids.bound, \\');
  ctx.ids.set('biased_q', q + bound);
});

defineHint(C.SQRT, (ctx) => {
  const value = idsValue(ctx, 'value');
  ctx.scope.set('value', value);
  hintAssert(pyCompare(value, 1n << 250n) < 0, `value=${pyStr(value)} is outside of the range [0, 2**250).`,
    'assert value < 2 ** 250, f"value={value} is outside of the range [0, 2**250)."');
  ctx.ids.set('root', isqrt(value as bigint));
});

// split_int: one limb per call, then the remainder must be zero.
defineHint(C.SPLIT_INT, (ctx) => {
  const value = idsInt(ctx, 'value', 'int()');
  const base = idsInt(ctx, 'base', '%');
  if (base === 0n) throw new HintError('ZeroDivisionError', 'integer division or modulo by zero');
  const res = value % base;
  ctx.mem.writeAt(ctx.ids.ptr('output'), toFelt(res));
  ctx.scope.set('res', res);
  hintAssert(res < idsInt(ctx, 'bound', '<'), `split_int(): Limb ${res} is out of range.`,
    "assert res < ids.bound, f'split_int(): Limb {res} is out of range.'");
});
defineHint(C.SPLIT_INT_ASSERT_RANGE, (ctx) => {
  const v = ctx.ids.get('value');
  hintAssert(v === 0, 'split_int(): value is out of range.', "assert ids.value == 0, 'split_int(): value is out of range.'");
});

// pow: the next bit of the exponent.
defineHint(C.POW_BIT, (ctx) => {
  ctx.ids.set('locs.bit', idsInt(ctx, 'prev_locs.exp', '%') & 1n);
});

// keccak: whole words and bytes left.
defineHint(C.KECCAK_N_WORDS_TO_COPY, (ctx) => {
  const [q, r] = divmod(idsInt(ctx, 'n_bytes', 'divmod()'), ctx.ids.const('BYTES_IN_WORD'));
  ctx.ids.set('n_words_to_copy', q);
  ctx.ids.set('n_bytes_left', r);
});

// secp signature: k = (res * b - a) / N, exactly (scope variables of the previous hints).
defineHint(C.SAFE_DIV_K, (ctx) => {
  const res = scopeInt(ctx, 'res');
  const b = scopeInt(ctx, 'b');
  const a = scopeInt(ctx, 'a');
  const N = scopeInt(ctx, 'N');
  const x = res * b - a;
  hintAssert(N !== 0n, '', 'value = k = safe_div(res * b - a, N)');
  const [k, rem] = divmod(x, N);
  hintAssert(rem === 0n, `${x} is not divisible by ${N}.`, 'value = k = safe_div(res * b - a, N)');
  ctx.scope.set('value', k);
  ctx.scope.set('k', k);
});
