// Hints that split felts and 256-bit values into limbs: split_felt, assert_250_bit, split_64,
// and the keccak / blake2s helpers that write a Uint256 as 64- or 32-bit words.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { asInt, divmod, mod } from '../../lib/math-utils';
import { getPrime } from '../../../vm/felt';
import { Relocatable } from '../../../vm/relocatable';
import { idsInt, pyInt, writeArg } from '../../lib/py';

const MASK128 = (1n << 128n) - 1n;

const ASSERT_250_BIT = String.raw`
from starkware.cairo.common.math_utils import as_int

# Correctness check.
value = as_int(ids.value, PRIME) % PRIME
assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**250).'

# Calculation for the assertion.
ids.high, ids.low = divmod(ids.value, ids.SHIFT)
`;

defineHint(ASSERT_250_BIT, (ctx) => {
  const prime = getPrime();
  const value = mod(asInt(idsInt(ctx, 'value', '%'), prime), prime);
  ctx.vm.scope.set('value', value);
  hintAssert(
    value < ctx.ids.const('UPPER_BOUND'),
    `${value} is outside of the range [0, 2**250).`,
    "assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**250).'",
  );
  const [high, low] = divmod(idsInt(ctx, 'value', '//'), ctx.ids.const('SHIFT'));
  ctx.ids.set('high', high);
  ctx.ids.set('low', low);
});

const SPLIT_FELT = String.raw`
from starkware.cairo.common.math_utils import assert_integer
assert ids.MAX_HIGH < 2**128 and ids.MAX_LOW < 2**128
assert PRIME - 1 == ids.MAX_HIGH * 2**128 + ids.MAX_LOW
assert_integer(ids.value)
ids.low = ids.value & ((1 << 128) - 1)
ids.high = ids.value >> 128
`;

defineHint(SPLIT_FELT, (ctx) => {
  const maxHigh = ctx.ids.const('MAX_HIGH');
  const maxLow = ctx.ids.const('MAX_LOW');
  hintAssert(maxHigh < 1n << 128n && maxLow < 1n << 128n, '', 'assert ids.MAX_HIGH < 2**128 and ids.MAX_LOW < 2**128');
  hintAssert(getPrime() - 1n === maxHigh * (1n << 128n) + maxLow, '', 'assert PRIME - 1 == ids.MAX_HIGH * 2**128 + ids.MAX_LOW');
  const v = ctx.ids.get('value');
  hintAssert(!(v instanceof Relocatable), `Expected integer, found: ${v}.`, 'assert_integer(ids.value)');
  const value = idsInt(ctx, 'value', '&');
  ctx.ids.set('low', value & MASK128);
  ctx.ids.set('high', value >> 128n);
});

// split_64 (uint256.cairo).
const SPLIT_64 = String.raw`
ids.low = ids.a & ((1<<64) - 1)
ids.high = ids.a >> 64
`;

defineHint(SPLIT_64, (ctx) => {
  ctx.ids.set('low', idsInt(ctx, 'a', '&') & ((1n << 64n) - 1n));
  ctx.ids.set('high', idsInt(ctx, 'a', '>>') >> 64n);
});

// keccak_uint256s: a Uint256 as four little-endian 64-bit words.
const KECCAK_WRITE_UINT256 = String.raw`
segments.write_arg(ids.inputs, [ids.low % 2 ** 64, ids.low // 2 ** 64])
segments.write_arg(ids.inputs + 2, [ids.high % 2 ** 64, ids.high // 2 ** 64])
`;

defineHint(KECCAK_WRITE_UINT256, (ctx) => {
  const w = 1n << 64n;
  const low = idsInt(ctx, 'low', '%');
  writeArg(ctx.mem, ctx.ids.get('inputs'), [low % w, low / w]);
  const inputs = ctx.ids.get('inputs');
  const high = idsInt(ctx, 'high', '%');
  if (!(inputs instanceof Relocatable)) throw new HintError('TypeError', "unsupported operand type(s) for +: 'int' and 'int'");
  writeArg(ctx.mem, inputs.add(2), [high % w, high / w]);
});

// blake2s: a Uint256 as eight 32-bit words, little-endian ...
const BLAKE2S_WRITE_UINT256_LE = String.raw`
B = 32
MASK = 2 ** 32 - 1
segments.write_arg(ids.data, [(ids.low >> (B * i)) & MASK for i in range(4)])
segments.write_arg(ids.data + 4, [(ids.high >> (B * i)) & MASK for i in range(4)])
`;

// ... and big-endian.
const BLAKE2S_WRITE_UINT256_BE = String.raw`
B = 32
MASK = 2 ** 32 - 1
segments.write_arg(ids.data, [(ids.high >> (B * (3 - i))) & MASK for i in range(4)])
segments.write_arg(ids.data + 4, [(ids.low >> (B * (3 - i))) & MASK for i in range(4)])
`;

function words32(v: bigint, bigEndian: boolean): bigint[] {
  const mask = (1n << 32n) - 1n;
  return [0n, 1n, 2n, 3n].map((i) => (v >> (32n * (bigEndian ? 3n - i : i))) & mask);
}

function blake2sWrite(bigEndian: boolean) {
  return (ctx: HintContext) => {
    ctx.vm.scope.set('B', 32n);
    ctx.vm.scope.set('MASK', (1n << 32n) - 1n);
    const first = bigEndian ? 'high' : 'low';
    const second = bigEndian ? 'low' : 'high';
    writeArg(ctx.mem, ctx.ids.get('data'), words32(idsInt(ctx, first, '>>'), bigEndian));
    const data = ctx.ids.get('data');
    if (!(data instanceof Relocatable)) throw new HintError('TypeError', "unsupported operand type(s) for +: 'int' and 'int'");
    writeArg(ctx.mem, data.add(4), words32(idsInt(ctx, second, '>>'), bigEndian));
  };
}

defineHint(BLAKE2S_WRITE_UINT256_LE, blake2sWrite(false));
defineHint(BLAKE2S_WRITE_UINT256_BE, blake2sWrite(true));

// keccak_uint256 (corpus program): splitting the keccak output and the packed input words.
const SPLIT_OUTPUT_0 = String.raw`
ids.output0_low = ids.output0 & ((1 << 128) - 1)
ids.output0_high = ids.output0 >> 128
`;

defineHint(SPLIT_OUTPUT_0, (ctx) => {
  ctx.ids.set('output0_low', idsInt(ctx, 'output0', '&') & MASK128);
  ctx.ids.set('output0_high', idsInt(ctx, 'output0', '>>') >> 128n);
});

const SPLIT_OUTPUT_1 = String.raw`
tmp, ids.output1_low = divmod(ids.output1, 256 ** 7)
ids.output1_high, ids.output1_mid = divmod(tmp, 2 ** 128)
`;

defineHint(SPLIT_OUTPUT_1, (ctx) => {
  const [tmp, low] = divmod(idsInt(ctx, 'output1', 'divmod()'), 256n ** 7n);
  ctx.vm.scope.set('tmp', tmp);
  ctx.ids.set('output1_low', low);
  const [high, mid] = divmod(tmp, 1n << 128n);
  ctx.ids.set('output1_high', high);
  ctx.ids.set('output1_mid', mid);
});

// keccak_uint256: the packed input words, split at a byte boundary.
const SPLIT_INPUTS: [code: string, index: number, divisor: bigint][] = [
  ['ids.high3, ids.low3 = divmod(memory[ids.inputs + 3], 256)', 3, 256n],
  ['ids.high6, ids.low6 = divmod(memory[ids.inputs + 6], 256 ** 2)', 6, 256n ** 2n],
  ['ids.high9, ids.low9 = divmod(memory[ids.inputs + 9], 256 ** 3)', 9, 256n ** 3n],
  ['ids.high12, ids.low12 = divmod(memory[ids.inputs + 12], 256 ** 4)', 12, 256n ** 4n],
  ['ids.high15, ids.low15 = divmod(memory[ids.inputs + 15], 256 ** 5)', 15, 256n ** 5n],
];

for (const [code, n, divisor] of SPLIT_INPUTS) {
  defineHint(code, (ctx) => {
    const inputs = ctx.ids.get('inputs');
    if (!(inputs instanceof Relocatable)) throw new HintError('TypeError', "unsupported operand type(s) for +: 'int' and 'int'");
    const [high, low] = divmod(pyInt(ctx.mem.readAt(inputs.add(n)), 'divmod()'), divisor);
    ctx.ids.set(`high${n}`, high);
    ctx.ids.set(`low${n}`, low);
  });
}
