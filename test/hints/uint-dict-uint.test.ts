// The uint hints (uint256, uint256_improvements, split_felt, assert_250_bit, split_64, keccak and
// blake2s word splits): corpus programs byte for byte, and each hint's values and errors on a
// small VM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Relocatable } from '../../src/vm/relocatable';
import { getPrime } from '../../src/vm/felt';
import { expectMatch } from '../support/expect-match';
import { bench, raises } from './uint-dict-support';

for (const name of [
  'uint256', 'uint256_improvements', 'uint256_integration_tests', 'fq', 'fq_test', 'garaga',
  'assert_250_bit_element_array', 'use_imported_module', 'assert_le_felt_old', 'ec_double_slope',
  'secp256r1_fast_ec_add', 'math_integration_tests', 'keccak_add_uint256', 'keccak_uint256',
  'blake2s_felts', 'field_arithmetic',
]) {
  test(`corpus: ${name} matches the reference`, () => expectMatch(name));
}

const M128 = (1n << 128n) - 1n;

const UINT256_ADD = String.raw`
sum_low = ids.a.low + ids.b.low
ids.carry_low = 1 if sum_low >= ids.SHIFT else 0
sum_high = ids.a.high + ids.b.high + ids.carry_low
ids.carry_high = 1 if sum_high >= ids.SHIFT else 0
`;

test('uint256_add: carries', () => {
  const b = bench({ 'a.low': M128, 'a.high': 5n, 'b.low': 1n, 'b.high': M128 - 5n, carry_low: undefined, carry_high: undefined }, { consts: { SHIFT: 1n << 128n } });
  b.run(UINT256_ADD);
  assert.equal(b.get('carry_low'), 1);
  assert.equal(b.get('carry_high'), 1);
  const c = bench({ 'a.low': 1n, 'a.high': 0n, 'b.low': 2n, 'b.high': 0n, carry_low: undefined, carry_high: undefined }, { consts: { SHIFT: 1n << 128n } });
  c.run(UINT256_ADD);
  assert.equal(c.get('carry_low'), 0);
  assert.equal(c.get('carry_high'), 0);
});

const DIV_REM = String.raw`
a = (ids.a.high << 128) + ids.a.low
div = (ids.div.high << 128) + ids.div.low
quotient, remainder = divmod(a, div)

ids.quotient.low = quotient & ((1 << 128) - 1)
ids.quotient.high = quotient >> 128
ids.remainder.low = remainder & ((1 << 128) - 1)
ids.remainder.high = remainder >> 128
`;
const DIV_REM_EXPANDED = String.raw`
a = (ids.a.high << 128) + ids.a.low
div = (ids.div.b23 << 128) + ids.div.b01
quotient, remainder = divmod(a, div)

ids.quotient.low = quotient & ((1 << 128) - 1)
ids.quotient.high = quotient >> 128
ids.remainder.low = remainder & ((1 << 128) - 1)
ids.remainder.high = remainder >> 128
`;

function divBench(a: bigint, div: bigint, names: [string, string] = ['div.high', 'div.low']) {
  return bench({
    'a.high': a >> 128n, 'a.low': a & M128, [names[0]]: div >> 128n, [names[1]]: div & M128,
    'quotient.low': undefined, 'quotient.high': undefined, 'remainder.low': undefined, 'remainder.high': undefined,
  });
}

test('uint256_unsigned_div_rem (both variants): quotient and remainder halves; division by zero', () => {
  const a = (123456789n << 200n) + 987654321n;
  const div = (77n << 130n) + 5n;
  for (const [code, names] of [[DIV_REM, ['div.high', 'div.low']], [DIV_REM_EXPANDED, ['div.b23', 'div.b01']]] as const) {
    const b = divBench(a, div, [names[0], names[1]]);
    b.run(code);
    const q = a / div;
    const r = a % div;
    assert.deepEqual([b.get('quotient.low'), b.get('quotient.high'), b.get('remainder.low'), b.get('remainder.high')].map((v) => BigInt(v as number | bigint)), [q & M128, q >> 128n, r & M128, r >> 128n]);
    raises(() => divBench(a, 0n, [names[0], names[1]]).run(code), 'ZeroDivisionError', 'integer division or modulo by zero');
  }
});

const MUL_DIV_MOD = String.raw`
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

test('uint256_mul_div_mod: 512-bit quotient in four limbs', () => {
  const a = (1n << 256n) - 1n;
  const bb = (1n << 255n) + 3n;
  const div = 7n;
  const v = bench({
    'a.high': a >> 128n, 'a.low': a & M128, 'b.high': bb >> 128n, 'b.low': bb & M128, 'div.high': 0n, 'div.low': div,
    'quotient_low.low': undefined, 'quotient_low.high': undefined, 'quotient_high.low': undefined, 'quotient_high.high': undefined,
    'remainder.low': undefined, 'remainder.high': undefined,
  });
  v.run(MUL_DIV_MOD);
  const q = (a * bb) / div;
  const r = (a * bb) % div;
  const got = ['quotient_low.low', 'quotient_low.high', 'quotient_high.low', 'quotient_high.high', 'remainder.low', 'remainder.high'].map((n) => BigInt(v.get(n) as number | bigint));
  assert.deepEqual(got, [q & M128, (q >> 128n) & M128, (q >> 256n) & M128, q >> 384n, r & M128, r >> 128n]);
});

const SQRT = String.raw`
from starkware.python.math_utils import isqrt
n = (ids.n.high << 128) + ids.n.low
root = isqrt(n)
assert 0 <= root < 2 ** 128
ids.root.low = root
ids.root.high = 0
`;
const SQRT_FELT = String.raw`
from starkware.python.math_utils import isqrt
n = (ids.n.high << 128) + ids.n.low
root = isqrt(n)
assert 0 <= root < 2 ** 128
ids.root = root
`;

test('uint256_sqrt: floor square root of 256-bit values, quickly', () => {
  const values = [0n, 1n, 15n, 16n, (1n << 256n) - 1n, 0xfedcba9876543210fedcba9876543210fedcba9876543210fedcba98765432n, (1n << 200n) + 12345n];
  for (const n of values) {
    const b = bench({ 'n.high': n >> 128n, 'n.low': n & M128, 'root.low': undefined, 'root.high': undefined, root: undefined });
    b.run(SQRT);
    const r = BigInt(b.get('root.low') as number | bigint);
    assert.ok(r * r <= n && (r + 1n) * (r + 1n) > n, `isqrt(${n})`);
    assert.equal(b.get('root.high'), 0);
    b.run(SQRT_FELT);
    assert.equal(BigInt(b.get('root') as number | bigint), r);
  }
});

test('uint256_signed_nn: 1 when the high half is below 2**127', () => {
  for (const [high, expected] of [[0n, 1], [(1n << 127n) - 1n, 1], [1n << 127n, 0], [M128, 0]] as const) {
    const b = bench({ 'a.high': high });
    b.run('memory[ap] = 1 if 0 <= (ids.a.high % PRIME) < 2 ** 127 else 0');
    assert.equal(b.mem.getAt(b.vm.apValue()), expected);
  }
});

const SPLIT_FELT = String.raw`
from starkware.cairo.common.math_utils import assert_integer
assert ids.MAX_HIGH < 2**128 and ids.MAX_LOW < 2**128
assert PRIME - 1 == ids.MAX_HIGH * 2**128 + ids.MAX_LOW
assert_integer(ids.value)
ids.low = ids.value & ((1 << 128) - 1)
ids.high = ids.value >> 128
`;

test('split_felt: 128-bit halves; an address raises assert_integer; wrong constants raise', () => {
  const p = getPrime();
  const consts = { MAX_HIGH: (p - 1n) >> 128n, MAX_LOW: (p - 1n) & M128 };
  const b = bench({ value: p - 2n, low: undefined, high: undefined }, { consts });
  b.run(SPLIT_FELT);
  assert.equal(BigInt(b.get('low') as number | bigint), (p - 2n) & M128);
  assert.equal(BigInt(b.get('high') as number | bigint), (p - 2n) >> 128n);
  const c = bench({ value: new Relocatable(1, 4), low: undefined, high: undefined }, { consts });
  raises(() => c.run(SPLIT_FELT), 'AssertionError', 'Expected integer, found: 1:4.');
  const d = bench({ value: 1n, low: undefined, high: undefined }, { consts: { MAX_HIGH: consts.MAX_HIGH, MAX_LOW: 1n } });
  raises(() => d.run(SPLIT_FELT), 'AssertionError', '');
});

const ASSERT_250_BIT = String.raw`
from starkware.cairo.common.math_utils import as_int

# Correctness check.
value = as_int(ids.value, PRIME) % PRIME
assert value < ids.UPPER_BOUND, f'{value} is outside of the range [0, 2**250).'

# Calculation for the assertion.
ids.high, ids.low = divmod(ids.value, ids.SHIFT)
`;

test('assert_250_bit: high and low around SHIFT; out of range message', () => {
  const consts = { UPPER_BOUND: 1n << 250n, SHIFT: 1n << 128n };
  const v = (1n << 249n) + 77n;
  const b = bench({ value: v, high: undefined, low: undefined }, { consts });
  b.run(ASSERT_250_BIT);
  assert.equal(BigInt(b.get('high') as number | bigint), v >> 128n);
  assert.equal(b.get('low'), 77);
  const c = bench({ value: 1n << 250n, high: undefined, low: undefined }, { consts });
  raises(() => c.run(ASSERT_250_BIT), 'AssertionError', `${1n << 250n} is outside of the range [0, 2**250).`);
});

test('split_64 and the keccak output splits', () => {
  const a = (0xabcdn << 64n) + 0x1234n;
  const b = bench({ a, low: undefined, high: undefined });
  b.run('ids.low = ids.a & ((1<<64) - 1)\nids.high = ids.a >> 64');
  assert.deepEqual([b.get('low'), b.get('high')], [0x1234, 0xabcd]);

  const out0 = (5n << 128n) + 9n;
  const c = bench({ output0: out0, output0_low: undefined, output0_high: undefined });
  c.run('ids.output0_low = ids.output0 & ((1 << 128) - 1)\nids.output0_high = ids.output0 >> 128');
  assert.deepEqual([c.get('output0_low'), c.get('output0_high')], [9, 5]);

  const out1 = (3n << (128n + 56n)) + (4n << 56n) + 6n;
  const d = bench({ output1: out1, output1_low: undefined, output1_high: undefined, output1_mid: undefined });
  d.run('tmp, ids.output1_low = divmod(ids.output1, 256 ** 7)\nids.output1_high, ids.output1_mid = divmod(tmp, 2 ** 128)');
  assert.deepEqual([d.get('output1_low'), d.get('output1_mid'), d.get('output1_high')], [6, 4, 3]);
});

test('keccak_uint256 input splits: divmod(memory[ids.inputs + N], 256 ** K)', () => {
  const codes: [string, number, bigint][] = [
    ['ids.high3, ids.low3 = divmod(memory[ids.inputs + 3], 256)', 3, 256n],
    ['ids.high6, ids.low6 = divmod(memory[ids.inputs + 6], 256 ** 2)', 6, 256n ** 2n],
    ['ids.high9, ids.low9 = divmod(memory[ids.inputs + 9], 256 ** 3)', 9, 256n ** 3n],
    ['ids.high12, ids.low12 = divmod(memory[ids.inputs + 12], 256 ** 4)', 12, 256n ** 4n],
    ['ids.high15, ids.low15 = divmod(memory[ids.inputs + 15], 256 ** 5)', 15, 256n ** 5n],
  ];
  for (const [code, n, d] of codes) {
    const b = bench({ inputs: new Relocatable(2, 0), [`high${n}`]: undefined, [`low${n}`]: undefined }, { extraSegments: 1 });
    const word = 0x0102030405060708n;
    b.mem.writeAt(new Relocatable(2, n), Number(word & ((1n << 52n) - 1n)));
    const w = word & ((1n << 52n) - 1n);
    b.run(code);
    assert.deepEqual([BigInt(b.get(`high${n}`) as number), BigInt(b.get(`low${n}`) as number)], [w / d, w % d], code);
  }
});

const KECCAK_WRITE = String.raw`
segments.write_arg(ids.inputs, [ids.low % 2 ** 64, ids.low // 2 ** 64])
segments.write_arg(ids.inputs + 2, [ids.high % 2 ** 64, ids.high // 2 ** 64])
`;
const BLAKE_LE = String.raw`
B = 32
MASK = 2 ** 32 - 1
segments.write_arg(ids.data, [(ids.low >> (B * i)) & MASK for i in range(4)])
segments.write_arg(ids.data + 4, [(ids.high >> (B * i)) & MASK for i in range(4)])
`;
const BLAKE_BE = String.raw`
B = 32
MASK = 2 ** 32 - 1
segments.write_arg(ids.data, [(ids.high >> (B * (3 - i))) & MASK for i in range(4)])
segments.write_arg(ids.data + 4, [(ids.low >> (B * (3 - i))) & MASK for i in range(4)])
`;

test('keccak and blake2s: a Uint256 written as 64- and 32-bit words', () => {
  const low = 0x11112222333344445555666677778888n;
  const high = 0x9999aaaabbbbccccddddeeeeffff0000n;
  const cells = (b: ReturnType<typeof bench>, n: number) => Array.from({ length: n }, (_, i) => BigInt(b.mem.getAt(new Relocatable(2, i)) as number));
  const k = bench({ inputs: new Relocatable(2, 0), low, high }, { extraSegments: 1 });
  k.run(KECCAK_WRITE);
  assert.deepEqual(cells(k, 4), [0x5555666677778888n, 0x1111222233334444n, 0xddddeeeeffff0000n, 0x9999aaaabbbbccccn]);
  const le = bench({ data: new Relocatable(2, 0), low, high }, { extraSegments: 1 });
  le.run(BLAKE_LE);
  assert.deepEqual(cells(le, 8), [0x77778888n, 0x55556666n, 0x33334444n, 0x11112222n, 0xffff0000n, 0xddddeeeen, 0xbbbbccccn, 0x9999aaaan]);
  const be = bench({ data: new Relocatable(2, 0), low, high }, { extraSegments: 1 });
  be.run(BLAKE_BE);
  assert.deepEqual(cells(be, 8), [0x9999aaaan, 0xbbbbccccn, 0xddddeeeen, 0xffff0000n, 0x11112222n, 0x33334444n, 0x55556666n, 0x77778888n]);
});
