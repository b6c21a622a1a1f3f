// Comparisons of math.cairo and math_cmp.cairo: assert_lt_felt, assert_le_felt (the arc hints
// reading `excluded`, and the 0.6 / 0.8 versions), assert_not_equal, is_nn, is_le_felt,
// is_positive (sign of signed_div_rem), and the small predicates of storage and uint256 code.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { getPrime } from '../../../vm/felt';
import * as F from '../../../vm/felt';
import { asInt, mod } from '../../lib/math-utils';
import { assertInteger, idsInt, idsValue, pyCompare, scopeInt, writeAp } from '../../lib/py';
import { pyStr, rcBound } from './util';
import * as C from './codes';

// assert_lt_felt.
defineHint(C.ASSERT_LT_FELT, (ctx) => {
  const a = assertInteger(ctx.ids.get('a'), `assert_integer(ids.a)`);
  const b = assertInteger(ctx.ids.get('b'), `assert_integer(ids.b)`);
  hintAssert(a < b, `a = ${a} is not less than b = ${b}.`, "assert (ids.a % PRIME) < (ids.b % PRIME), \\");
});

// assert_le_felt of cairo-lang 0.6.
defineHint(C.ASSERT_LE_FELT_V06, (ctx) => {
  const a = assertInteger(ctx.ids.get('a'), `assert_integer(ids.a)`);
  const b = assertInteger(ctx.ids.get('b'), `assert_integer(ids.b)`);
  hintAssert(a <= b, `a = ${a} is not less than or equal to b = ${b}.`, "assert (ids.a % PRIME) <= (ids.b % PRIME), \\");
});

// assert_le_felt of cairo-lang 0.8: also tells whether both values are small.
defineHint(C.ASSERT_LE_FELT_V08, (ctx) => {
  const a = assertInteger(ctx.ids.get('a'), `assert_integer(ids.a)`);
  const b = assertInteger(ctx.ids.get('b'), `assert_integer(ids.b)`);
  ctx.scope.set('a', a);
  ctx.scope.set('b', b);
  hintAssert(a <= b, `a = ${a} is not less than or equal to b = ${b}.`, "assert a <= b, f'a = {a} is not less than or equal to b = {b}.'");
  const bound = rcBound(ctx);
  ctx.ids.set('small_inputs', a < bound && b - a < bound ? 1 : 0);
});

// The 0.6 assert_le_felt helper: least significant bits.
defineHint(C.A_B_LSB, (ctx) => {
  ctx.ids.set('a_lsb', idsInt(ctx, 'a', '&') & 1n);
  ctx.ids.set('b_lsb', idsInt(ctx, 'b', '&') & 1n);
});

// assert_le_felt's branches on the arc excluded by the main hint (an exec-scope variable).
function excluded(ctx: HintContext): bigint {
  return scopeInt(ctx, 'excluded');
}
defineHint(C.ASSERT_EXCLUDED_2, (ctx) => {
  hintAssert(excluded(ctx) === 2n, '', 'assert excluded == 2');
});
defineHint(C.EXCLUDED_NOT_0, (ctx) => writeAp(ctx, excluded(ctx) !== 0n ? 1 : 0));
defineHint(C.EXCLUDED_NOT_1, (ctx) => writeAp(ctx, excluded(ctx) !== 1n ? 1 : 0));

// assert_not_equal: both felts, or both addresses of one segment, and different.
defineHint(C.ASSERT_NOT_EQUAL, (ctx) => {
  const a = ctx.ids.get('a');
  const b = ctx.ids.get('b');
  const bothInts = typeof a !== 'object' && typeof b !== 'object';
  const bothRel = typeof a === 'object' && typeof b === 'object' && a.segment === b.segment;
  hintAssert(bothInts || bothRel, `assert_not_equal failed: non-comparable values: ${pyStr(a)}, ${pyStr(b)}.`,
    "assert both_ints or both_relocatable, \\");
  const diff = typeof a === 'object' && typeof b === 'object' ? BigInt(a.offset - b.offset) : F.big(a as F.Felt) - F.big(b as F.Felt);
  hintAssert(mod(diff, getPrime()) !== 0n, `assert_not_equal failed: ${pyStr(a)} = ${pyStr(b)}.`,
    "assert (ids.a - ids.b) % PRIME != 0, f'assert_not_equal failed: {ids.a} = {ids.b}.'");
});

// is_nn: 0 when a is in [0, bound), else 1; then whether -a - 1 is.
defineHint(C.IS_NN, (ctx) => {
  const a = idsValue(ctx, 'a');
  writeAp(ctx, pyCompare(a, rcBound(ctx)) < 0 ? 0 : 1);
});
defineHint(C.IS_NN_OUT_OF_RANGE, (ctx) => {
  const av = ctx.ids.get('a');
  if (typeof av === 'object') throw new HintError('TypeError', "bad operand type for unary -: 'RelocatableValue'");
  const a = F.big(av);
  writeAp(ctx, mod(-a - 1n, getPrime()) < rcBound(ctx) ? 0 : 1);
});

// is_le_felt.
defineHint(C.IS_LE_FELT, (ctx) => {
  // (ids.a % PRIME) <= (ids.b % PRIME)
  writeAp(ctx, pyCompare(idsValue(ctx, 'b'), idsValue(ctx, 'a')) >= 0 ? 0 : 1);
});

// sign of signed_div_rem's value (math_utils.is_positive).
defineHint(C.IS_POSITIVE, (ctx) => {
  const v = ctx.ids.get('value');
  const bound = rcBound(ctx);
  if (typeof v === 'object') throw new HintError('AssertionError', `Expected integer, found: ${v}.`);
  const val = asInt(F.big(v));
  hintAssert((val < 0n ? -val : val) < bound, `value=${val} is out of the valid range.`);
  ctx.ids.set('is_positive', val > 0n ? 1 : 0);
});

// assert_250_bit's older helper and normalize_address (storage).
defineHint(C.IS_250, (ctx) => {
  ctx.ids.set('is_250', pyCompare(idsValue(ctx, 'addr'), 1n << 250n) < 0 ? 1 : 0);
});
defineHint(C.NORMALIZE_ADDRESS, (ctx) => {
  const P = getPrime();
  const bound = mod(ctx.ids.const('ADDR_BOUND'), P);
  hintAssert(1n << 250n < bound && bound <= 1n << 251n && 2n * (1n << 250n) < P && bound * 2n > P,
    'normalize_address() cannot be used with the current constants.',
    'assert (2**250 < ADDR_BOUND <= 2**251) and (2 * 2**250 < PRIME) and (');
  ctx.scope.set('ADDR_BOUND', bound);
  ctx.ids.set('is_small', pyCompare(idsValue(ctx, 'addr'), bound) < 0 ? 1 : 0);
});

// uint256 add with carry (uint256_improvements whitelist).
defineHint(C.UINT256_ADD_CARRY, (ctx) => {
  const res = idsInt(ctx, 'a', '+') + idsInt(ctx, 'b', '+');
  ctx.scope.set('res', res);
  ctx.ids.set('carry', res >= ctx.ids.const('SHIFT') ? 1 : 0);
});

// to_felt_or_relocatable(<bool>) predicates of keccak and poseidon code.
defineHint(C.KECCAK_N_BYTES_LT_WORD, (ctx) => {
  writeAp(ctx, pyCompare(idsValue(ctx, 'n_bytes'), ctx.ids.const('BYTES_IN_WORD')) < 0 ? 1 : 0);
});
function lengthAtLeast(ctx: HintContext, n: bigint): void {
  const end = ctx.ids.get('elements_end');
  const start = ctx.ids.get('elements');
  let diff: bigint;
  if (typeof end === 'object' && typeof start === 'object') {
    if (end.segment !== start.segment) {
      throw new HintError('TypeError', `Can only subtract two relocatable values of the same segment (${end.segment} != ${start.segment}).`);
    }
    diff = BigInt(end.offset - start.offset);
  } else if (typeof end !== 'object' && typeof start !== 'object') {
    diff = F.big(end) - F.big(start);
  } else {
    throw new HintError('TypeError', `unsupported operand type(s) for -: '${typeof end === 'object' ? 'RelocatableValue' : 'int'}' and '${typeof start === 'object' ? 'RelocatableValue' : 'int'}'`);
  }
  writeAp(ctx, diff >= n ? 1 : 0);
}
defineHint(C.POSEIDON_LEN_GE_10, (ctx) => lengthAtLeast(ctx, 10n));
defineHint(C.POSEIDON_LEN_GE_2, (ctx) => lengthAtLeast(ctx, 2n));
defineHint(C.POSEIDON_N_GE_10, (ctx) => writeAp(ctx, pyCompare(idsValue(ctx, 'n'), 10n) >= 0 ? 1 : 0));
defineHint(C.POSEIDON_N_GE_2, (ctx) => writeAp(ctx, pyCompare(idsValue(ctx, 'n'), 2n) >= 0 ? 1 : 0));
