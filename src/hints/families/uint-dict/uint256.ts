// Hints of common/uint256.cairo (and the uint256_improvements variants): add with carries,
// division with remainder, mul-div-mod, square root, sign test.
import { defineHint, HintContext } from '../../hint';
import { hintAssert } from '../../errors';
import { divmod, mod } from '../../lib/math-utils';
import { getPrime } from '../../../vm/felt';
import { isqrt } from '../../lib/math-utils';
import { idsInt } from '../../lib/py';

const MASK128 = (1n << 128n) - 1n;

/** `(ids.x.high << 128) + ids.x.low`, with the member names of the struct. */
function uint(ctx: HintContext, name: string, high = 'high', low = 'low'): bigint {
  return (idsInt(ctx, `${name}.${high}`, '<<') << 128n) + idsInt(ctx, `${name}.${low}`, '+');
}

const UINT256_ADD = String.raw`
sum_low = ids.a.low + ids.b.low
ids.carry_low = 1 if sum_low >= ids.SHIFT else 0
sum_high = ids.a.high + ids.b.high + ids.carry_low
ids.carry_high = 1 if sum_high >= ids.SHIFT else 0
`;

defineHint(UINT256_ADD, (ctx) => {
  const shift = ctx.ids.const('SHIFT');
  const sumLow = idsInt(ctx, 'a.low', '+') + idsInt(ctx, 'b.low', '+');
  ctx.vm.scope.set('sum_low', sumLow);
  ctx.ids.set('carry_low', sumLow >= shift ? 1n : 0n);
  const sumHigh = idsInt(ctx, 'a.high', '+') + idsInt(ctx, 'b.high', '+') + idsInt(ctx, 'carry_low', '+');
  ctx.vm.scope.set('sum_high', sumHigh);
  ctx.ids.set('carry_high', sumHigh >= shift ? 1n : 0n);
});

const UINT256_UNSIGNED_DIV_REM = String.raw`
a = (ids.a.high << 128) + ids.a.low
div = (ids.div.high << 128) + ids.div.low
quotient, remainder = divmod(a, div)

ids.quotient.low = quotient & ((1 << 128) - 1)
ids.quotient.high = quotient >> 128
ids.remainder.low = remainder & ((1 << 128) - 1)
ids.remainder.high = remainder >> 128
`;

// uint256_improvements: the divisor is a Uint256 given as two 128-bit halves b01, b23.
const UINT256_EXPANDED_UNSIGNED_DIV_REM = String.raw`
a = (ids.a.high << 128) + ids.a.low
div = (ids.div.b23 << 128) + ids.div.b01
quotient, remainder = divmod(a, div)

ids.quotient.low = quotient & ((1 << 128) - 1)
ids.quotient.high = quotient >> 128
ids.remainder.low = remainder & ((1 << 128) - 1)
ids.remainder.high = remainder >> 128
`;

function divRem(ctx: HintContext, a: bigint, div: bigint): void {
  const scope = ctx.vm.scope;
  scope.set('a', a);
  scope.set('div', div);
  const [quotient, remainder] = divmod(a, div);
  scope.set('quotient', quotient);
  scope.set('remainder', remainder);
  ctx.ids.set('quotient.low', quotient & MASK128);
  ctx.ids.set('quotient.high', quotient >> 128n);
  ctx.ids.set('remainder.low', remainder & MASK128);
  ctx.ids.set('remainder.high', remainder >> 128n);
}

defineHint(UINT256_UNSIGNED_DIV_REM, (ctx) => {
  const a = uint(ctx, 'a');
  divRem(ctx, a, uint(ctx, 'div'));
});

defineHint(UINT256_EXPANDED_UNSIGNED_DIV_REM, (ctx) => {
  const a = uint(ctx, 'a');
  divRem(ctx, a, uint(ctx, 'div', 'b23', 'b01'));
});

const UINT256_MUL_DIV_MOD = String.raw`
a = (ids.a.high << 128) + ids.a.low
b = (ids.b.high << 128) + ids.b.low
div = (ids.div.high << 128) + ids.div.low
quotient, remainder = divmod(a * b, div)

ids.quotient_low.low = quotient & ((1 << 128) - 1)
ids.quotient_low.high = (quotient >> 128) & ((1 << 128) - 1)
ids.quotient_high.low = (quotient >> 256) & ((1 << 128) - 1)
ids.quotient_high.high = quotient >> 384
ids.remainder.low = remainder & ((1 << 128) - 1)
ids.remainder.high = remainder >> 128
`;

defineHint(UINT256_MUL_DIV_MOD, (ctx) => {
  const scope = ctx.vm.scope;
  const a = uint(ctx, 'a');
  scope.set('a', a);
  const b = uint(ctx, 'b');
  scope.set('b', b);
  const div = uint(ctx, 'div');
  scope.set('div', div);
  const [quotient, remainder] = divmod(a * b, div);
  scope.set('quotient', quotient);
  scope.set('remainder', remainder);
  ctx.ids.set('quotient_low.low', quotient & MASK128);
  ctx.ids.set('quotient_low.high', (quotient >> 128n) & MASK128);
  ctx.ids.set('quotient_high.low', (quotient >> 256n) & MASK128);
  ctx.ids.set('quotient_high.high', quotient >> 384n);
  ctx.ids.set('remainder.low', remainder & MASK128);
  ctx.ids.set('remainder.high', remainder >> 128n);
});

const UINT256_SQRT = String.raw`
from starkware.python.math_utils import isqrt
n = (ids.n.high << 128) + ids.n.low
root = isqrt(n)
assert 0 <= root < 2 ** 128
ids.root.low = root
ids.root.high = 0
`;

// uint256_improvements: the root is a felt.
const UINT256_SQRT_FELT = String.raw`
from starkware.python.math_utils import isqrt
n = (ids.n.high << 128) + ids.n.low
root = isqrt(n)
assert 0 <= root < 2 ** 128
ids.root = root
`;

function sqrtRoot(ctx: HintContext): bigint {
  const n = uint(ctx, 'n');
  ctx.vm.scope.set('n', n);
  const root = isqrt(n);
  ctx.vm.scope.set('root', root);
  hintAssert(root >= 0n && root < 1n << 128n, '', 'assert 0 <= root < 2 ** 128');
  return root;
}

defineHint(UINT256_SQRT, (ctx) => {
  const root = sqrtRoot(ctx);
  ctx.ids.set('root.low', root);
  ctx.ids.set('root.high', 0n);
});

defineHint(UINT256_SQRT_FELT, (ctx) => {
  ctx.ids.set('root', sqrtRoot(ctx));
});

// uint256_signed_nn.
defineHint('memory[ap] = 1 if 0 <= (ids.a.high % PRIME) < 2 ** 127 else 0', (ctx) => {
  const high = mod(idsInt(ctx, 'a.high', '%'), getPrime());
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, high < 1n << 127n ? 1 : 0);
});
