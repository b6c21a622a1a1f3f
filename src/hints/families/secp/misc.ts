// Hints of this family's list that are not secp arithmetic: assert_nn, the 0.10 assert_le_felt
// (arcs and `excluded`), and a uint256 subtraction hint with its own pack/split.
import { defineHint, HintContext } from '../../hint';
import { HintError } from '../../errors';
import { getPrime } from '../../../vm/felt';
import * as F from '../../../vm/felt';
import { divmod, mod } from '../../lib/math-utils';
import { assertInteger, bindLocals, code, idsInt, idsValue, nameError } from '../../lib/py';
import { PY } from './py';

/** `range_check_builtin.bound` (NameError when the program has no range_check builtin). */
function rcBound(ctx: HintContext): bigint {
  const rc = ctx.builtins.get('range_check');
  if (rc === undefined) throw nameError('range_check_builtin');
  const bound = (rc as unknown as { bound?: unknown }).bound;
  return typeof bound === 'bigint' ? bound : typeof bound === 'number' ? BigInt(bound) : 1n << 128n;
}

// secp#12: assert_nn.
const NN = [
  'from starkware.cairo.common.math_utils import assert_integer',
  'assert_integer(ids.a)',
  "assert 0 <= ids.a % PRIME < range_check_builtin.bound, f'a = {ids.a} is out of range.'",
];
defineHint(code(...NN), (ctx) => {
  bindLocals(ctx, { assert_integer: PY.assert_integer });
  const a = assertInteger(idsValue(ctx, 'a'), NN[1]);
  const v = mod(a, getPrime());
  if (!(v < rcBound(ctx))) throw new HintError('AssertionError', `a = ${a} is out of range.`, NN[2]);
});

// secp#16: assert_le_felt (cairo-lang 0.10+).
const LE = [
  'import itertools',
  '',
  'from starkware.cairo.common.math_utils import assert_integer',
  'assert_integer(ids.a)',
  'assert_integer(ids.b)',
  'a = ids.a % PRIME',
  'b = ids.b % PRIME',
  "assert a <= b, f'a = {a} is not less than or equal to b = {b}.'",
  '',
  '# Find an arc less than PRIME / 3, and another less than PRIME / 2.',
  'lengths_and_indices = [(a, 0), (b - a, 1), (PRIME - 1 - b, 2)]',
  'lengths_and_indices.sort()',
  'assert lengths_and_indices[0][0] <= PRIME // 3 and lengths_and_indices[1][0] <= PRIME // 2',
  'excluded = lengths_and_indices[2][1]',
  '',
  'memory[ids.range_check_ptr + 1], memory[ids.range_check_ptr + 0] = (',
  '    divmod(lengths_and_indices[0][0], ids.PRIME_OVER_3_HIGH))',
  'memory[ids.range_check_ptr + 3], memory[ids.range_check_ptr + 2] = (',
  '    divmod(lengths_and_indices[1][0], ids.PRIME_OVER_2_HIGH))',
];
defineHint(code(...LE), (ctx) => {
  const prime = getPrime();
  bindLocals(ctx, { itertools: PY.itertools, assert_integer: PY.assert_integer });
  assertInteger(idsValue(ctx, 'a'), LE[3]);
  assertInteger(idsValue(ctx, 'b'), LE[4]);
  const a = mod(idsInt(ctx, 'a', '%'), prime);
  bindLocals(ctx, { a });
  const b = mod(idsInt(ctx, 'b', '%'), prime);
  bindLocals(ctx, { b });
  if (!(a <= b)) throw new HintError('AssertionError', `a = ${a} is not less than or equal to b = ${b}.`, LE[7]);
  const arcs: [bigint, bigint][] = [
    [a, 0n],
    [b - a, 1n],
    [prime - 1n - b, 2n],
  ];
  arcs.sort((x, y) => (x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  bindLocals(ctx, { lengths_and_indices: arcs });
  if (!(arcs[0][0] <= prime / 3n && arcs[1][0] <= prime / 2n)) throw new HintError('AssertionError', '', LE[12]);
  bindLocals(ctx, { excluded: arcs[2][1] });
  const rc = ctx.ids.ptr('range_check_ptr');
  const [q0, r0] = divmod(arcs[0][0], ctx.ids.const('PRIME_OVER_3_HIGH'));
  ctx.mem.writeAt(rc.add(1), F.toFelt(mod(q0, prime)));
  ctx.mem.writeAt(rc.add(0), F.toFelt(mod(r0, prime)));
  const [q1, r1] = divmod(arcs[1][0], ctx.ids.const('PRIME_OVER_2_HIGH'));
  ctx.mem.writeAt(rc.add(3), F.toFelt(mod(q1, prime)));
  ctx.mem.writeAt(rc.add(2), F.toFelt(mod(r1, prime)));
});

// secp#62: uint256 subtraction modulo 2^256, with the hint's own split/pack (128-bit limbs).
const SUB = [
  'def split(num: int, num_bits_shift: int = 128, length: int = 2):',
  '    a = []',
  '    for _ in range(length):',
  '        a.append( num & ((1 << num_bits_shift) - 1) )',
  '        num = num >> num_bits_shift',
  '    return tuple(a)',
  '',
  'def pack(z, num_bits_shift: int = 128) -> int:',
  '    limbs = (z.low, z.high)',
  '    return sum(limb << (num_bits_shift * i) for i, limb in enumerate(limbs))',
  '',
  'a = pack(ids.a)',
  'b = pack(ids.b)',
  'res = (a - b)%2**256',
  'res_split = split(res)',
  'ids.res.low = res_split[0]',
  'ids.res.high = res_split[1]',
];
defineHint(code(...SUB), (ctx) => {
  bindLocals(ctx, { split: PY.split128, pack: PY.pack128 });
  const pack128 = (name: string, line: string) =>
    idsInt(ctx, `${name}.low`, '+', line) + (idsInt(ctx, `${name}.high`, '<<', line) << 128n);
  const a = pack128('a', SUB[11]);
  bindLocals(ctx, { a });
  const b = pack128('b', SUB[12]);
  bindLocals(ctx, { b });
  const res = mod(a - b, 1n << 256n);
  bindLocals(ctx, { res });
  const mask = (1n << 128n) - 1n;
  const resSplit = [res & mask, (res >> 128n) & mask];
  bindLocals(ctx, { res_split: resSplit });
  ctx.ids.set('res.low', resSplit[0]);
  ctx.ids.set('res.high', resSplit[1]);
});
