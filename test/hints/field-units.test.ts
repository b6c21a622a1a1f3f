// The field hints one by one, on hand-made ids: results, the exec-scope locals later hints read,
// and the Python exceptions of the failure paths no corpus program reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/hints/all';
import { findHint, HintContext } from '../../src/hints/hint';
import { HintBench, raises } from './harness';
import * as C from '../../src/hints/families/field/codes';
import { divMod as divModPy, isqrt as isqrtPy, mod as pyMod, pyPow, safeDiv as safeDivPy, sqrtMod as sqrtPy } from '../../src/hints/lib/math-utils';
import { splitLimbs } from '../../src/hints/families/field/py';
import { Relocatable } from '../../src/vm/relocatable';
import { getPrime } from '../../src/vm/felt';

const P = getPrime();

interface Fake {
  ctx: HintContext;
  /** What the hint wrote, in order: ids by name, other cells as `[segment:offset]`. */
  readonly writes: [string, bigint][];
  scope: Map<string, unknown>;
  bench: HintBench;
}

/**
 * The shared hint bench with the given ids (dotted names, cells from 1:100), constants and scope;
 * ap is 1:7, and an id the hint sets without being given gets a cell.
 */
function fake(vals: Record<string, bigint | Relocatable>, consts: Record<string, bigint> = {}, scope = new Map<string, unknown>()): Fake {
  const bench = new HintBench({ ap: 7, idsAt: 100, open: true }).felts(vals).constants(consts).bind(scope);
  return {
    ctx: bench.ctx(),
    get writes() {
      return bench.feltWrites();
    },
    scope: bench.vm.scope,
    bench,
  };
}

function run(code: string, f: Fake): void {
  f.bench.run(code);
}

const limbs3 = (name: string, v: bigint, shift = 128n) =>
  Object.fromEntries(splitLimbs(v, shift, 3).map((l, i) => [`${name}.d${i}`, l]));

test('every code string of field.txt is registered', () => {
  for (const [name, code] of Object.entries(C)) assert.ok(findHint(code), name);
  assert.equal(Object.keys(C).length, 34);
});

test('python helpers: %, pow with -1, isqrt, sqrt, div_mod, safe_div', () => {
  assert.equal(pyMod(-7n, 5n), 3n);
  assert.equal(pyMod(7n, -5n), -3n);
  raises(() => pyMod(1n, 0n), 'ZeroDivisionError', 'integer modulo by zero');
  assert.equal(pyPow(3n, -1n, 7n), 5n);
  raises(() => pyPow(2n, -1n, 4n), 'ValueError', 'base is not invertible for the given modulus');
  raises(() => pyPow(2n, 1n, 0n), 'ValueError', 'pow() 3rd argument cannot be 0');
  assert.equal(isqrtPy(0n), 0n);
  assert.equal(isqrtPy(24n), 4n);
  assert.equal(isqrtPy(25n), 5n);
  const big = (1n << 300n) + 12345n;
  const r = isqrtPy(big);
  assert.ok(r * r <= big && (r + 1n) * (r + 1n) > big);
  // 4 and 9 are the roots of 3 mod 13: the smaller one is returned, n is reduced first.
  assert.equal(sqrtPy(3n, 13n), 4n);
  assert.equal(sqrtPy(16n, 13n), 4n);
  assert.equal(sqrtPy(0n, 13n), 0n);
  assert.equal(divModPy(1n, 3n, 7n), 5n);
  raises(() => divModPy(1n, 2n, 4n), 'AssertionError', '');
  assert.equal(safeDivPy(-12n, 4n), -3n);
  raises(() => safeDivPy(7n, 2n), 'AssertionError', '7 is not divisible by 2.');
  raises(() => safeDivPy(7n, 0n), 'AssertionError', '');
});

test('assert_not_zero: passes on non-zero, fails with the reference message on 0 and on an address', () => {
  run(C.ASSERT_NOT_ZERO, fake({ value: 5n }));
  raises(() => run(C.ASSERT_NOT_ZERO, fake({ value: 0n })), 'AssertionError', 'assert_not_zero failed: 0 = 0.');
  raises(() => run(C.ASSERT_NOT_ZERO, fake({ value: new Relocatable(2, 3) })), 'AssertionError', 'Expected integer, found: 2:3.');
});

test('is_quad_residue (felt): y is the smaller root of x or of x / 3', () => {
  const f = fake({ x: 4n });
  run(C.IS_QUAD_RESIDUE_FELT, f);
  assert.deepEqual(f.writes, [['y', 2n]]);
  const g = fake({ x: 3n }); // 3 is not a square in the STARK field: y = sqrt(1) = 1.
  run(C.IS_QUAD_RESIDUE_FELT, g);
  assert.deepEqual(g.writes, [['y', 1n]]);
});

test('encode_packed bit_length', () => {
  for (const [x, n] of [[0n, 0n], [1n, 1n], [255n, 8n], [256n, 9n], [P - 1n, 252n]] as const) {
    const f = fake({ x });
    run(C.ENCODE_PACKED_BIT_LENGTH, f);
    assert.deepEqual(f.writes, [['bit_length', n]]);
  }
});

test('uint384 unsigned_div_rem: quotient then remainder, limbs in order; division by zero', () => {
  const a = (5n << 300n) + 77n;
  const div = (3n << 130n) + 1n;
  const f = fake({ ...limbs3('a', a), ...limbs3('div', div) });
  run(C.UINT384_UNSIGNED_DIV_REM, f);
  const q = a / div;
  const r = a % div;
  assert.deepEqual(f.writes, [
    ...splitLimbs(q, 128n, 3).map((l, i) => [`quotient.d${i}`, l]),
    ...splitLimbs(r, 128n, 3).map((l, i) => [`remainder.d${i}`, l]),
  ]);
  raises(() => run(C.UINT384_UNSIGNED_DIV_REM, fake({ ...limbs3('a', a), ...limbs3('div', 0n) })),
    'ZeroDivisionError', 'integer division or modulo by zero');
});

test('uint384 sub reduced: (a - b) % p is non-negative', () => {
  const f = fake({ ...limbs3('a', 3n), ...limbs3('b', 10n), ...limbs3('p', 101n) });
  run(C.UINT384_SUB_REDUCED, f);
  assert.deepEqual(f.writes, [['res.d0', 94n], ['res.d1', 0n], ['res.d2', 0n]]);
});

test('uint384 sqrt and signed_nn', () => {
  const a = (1n << 380n) + 999n;
  const f = fake(limbs3('a', a));
  run(C.UINT384_SQRT, f);
  assert.deepEqual(f.writes, splitLimbs(isqrtPy(a), 128n, 3).map((l, i) => [`root.d${i}`, l]));
  const g = fake({ 'a.d2': (1n << 127n) - 1n });
  run(C.UINT384_SIGNED_NN, g);
  assert.deepEqual(g.writes, [['[1:7]', 1n]]);
  const h = fake({ 'a.d2': 1n << 127n });
  run(C.UINT384_SIGNED_NN, h);
  assert.deepEqual(h.writes, [['[1:7]', 0n]]);
});

test('uint384 add carries', () => {
  const S = 1n << 128n;
  const f = fake({ 'a.d0': S - 1n, 'b.d0': 1n, 'a.d1': S - 1n, 'b.d1': 0n, 'a.d2': 1n, 'b.d2': 1n }, { SHIFT: S });
  run(C.UINT384_ADD_CARRIES, f);
  assert.deepEqual(f.writes, [['carry_d0', 1n], ['carry_d1', 1n], ['carry_d2', 0n]]);
});

test('get_square_root (uint384 and uint256): roots of x or generator * x; both residues fail', () => {
  const p = 101n;
  const f = fake({ ...limbs3('generator', 2n), ...limbs3('x', 5n), ...limbs3('p', p) });
  run(C.UINT384_GET_SQUARE_ROOT, f);
  // 5 is a square mod 101 (45^2 = 2025 = 5 mod 101), 10 is not.
  assert.deepEqual(f.writes.slice(0, 3), [['success_x', 1n], ['success_gx', 0n], ['sqrt_x.d0', 45n]]);
  const g = fake({ 'generator.low': 2n, 'generator.high': 0n, 'x.low': 10n, 'x.high': 0n, 'p.low': p, 'p.high': 0n });
  run(C.UINT256_GET_SQUARE_ROOT, g);
  const w = new Map(g.writes);
  assert.equal(w.get('success_x'), 0n);
  assert.equal(w.get('success_gx'), 1n);
  assert.equal(w.get('sqrt_x.low'), 0n);
  assert.equal(w.get('sqrt_gx.low'), 11n); // 11^2 = 121 = 20 (mod 101); 90^2 is the other root
  // generator = 1: x and generator * x are both squares.
  raises(() => run(C.UINT384_GET_SQUARE_ROOT, fake({ ...limbs3('generator', 1n), ...limbs3('x', 5n), ...limbs3('p', p) })),
    'AssertionError', '');
});

test('bigint_pack_div_mod then safe_div: res, k, flag and value in the scope', () => {
  const BASE = 1n << 86n;
  const p = 1009n;
  const f = fake({ 'P.d0': p, 'P.d1': 0n, 'P.d2': 0n, 'x.d0': 20n, 'x.d1': 0n, 'x.d2': 0n, 'x.d3': 0n, 'x.d4': 0n,
    'y.d0': 3n, 'y.d1': 0n, 'y.d2': 0n }, { BASE });
  run(C.BIGINT_PACK_DIV_MOD, f);
  const res = f.scope.get('res') as bigint;
  assert.equal(pyMod(res * 3n, p), 20n);
  assert.equal(f.scope.get('value'), res);
  run(C.BIGINT_SAFE_DIV, f);
  const k = (res * 3n - 20n) / p;
  assert.equal(f.scope.get('k'), k);
  assert.equal(f.scope.get('value'), k > 0n ? k : -k);
  assert.deepEqual(f.writes, [['flag', k > 0n ? 1n : 0n]]);
  // safe_div with an inexact quotient.
  const g = fake({}, {}, new Map<string, unknown>([['res', 1n], ['y', 1n], ['x', 0n], ['p', 2n]]));
  raises(() => run(C.BIGINT_SAFE_DIV, g), 'AssertionError', '1 is not divisible by 2.');
});

test('nondet_bigint3 (v2): split(value) in base 2^86; NameError without value; too large fails', () => {
  const v = (7n << 172n) + (5n << 86n) + 3n;
  const f = fake({}, {}, new Map([['value', v]]));
  run(C.NONDET_BIGINT3_V2, f);
  assert.deepEqual(f.writes, [['[1:100]', 3n], ['[1:101]', 5n], ['[1:102]', 7n]]);
  raises(() => run(C.NONDET_BIGINT3_V2, fake({})), 'NameError', "name 'value' is not defined");
  raises(() => run(C.NONDET_BIGINT3_V2, fake({}, {}, new Map([['value', 1n << 258n]]))), 'AssertionError', '');
  raises(() => run(C.NONDET_BIGINT3_V2, fake({}, {}, new Map([['value', -1n]]))), 'AssertionError', '');
});

test('ec_recover: sub_a_b may be negative; product_mod then product // m', () => {
  const f = fake({ 'a.d0': 2n, 'a.d1': 0n, 'a.d2': 0n, 'b.d0': 5n, 'b.d1': 0n, 'b.d2': 0n });
  run(C.EC_RECOVER_SUB_A_B, f);
  assert.equal(f.scope.get('value'), -3n);
  const g = fake({ 'a.d0': 7n, 'a.d1': 0n, 'a.d2': 0n, 'b.d0': P - 3n, 'b.d1': 0n, 'b.d2': 0n, 'm.d0': 5n, 'm.d1': 0n, 'm.d2': 0n });
  run(C.EC_RECOVER_PRODUCT_MOD, g);
  assert.equal(g.scope.get('product'), -21n); // limbs are signed (as_int)
  assert.equal(g.scope.get('value'), 4n);
  run(C.EC_RECOVER_PRODUCT_DIV_M, g);
  assert.equal(g.scope.get('value'), -5n);
  assert.equal(g.scope.get('k'), -5n);
});

test('vrf: split_128, add low carry, inv_mod_p (uint512 and uint256), split_xx', () => {
  const a = (9n << 128n) + 17n;
  const f = fake({ a });
  run(C.SPLIT_128, f);
  assert.deepEqual(f.writes, [['low', 17n], ['high', 9n]]);
  const g = fake({ 'a.low': 1n << 127n, 'b.low': 1n << 127n }, { SHIFT: 1n << 128n });
  run(C.UINT256_ADD_LOW_CARRY, g);
  assert.deepEqual(g.writes, [['carry_low', 1n]]);
  const h = fake({ 'x.d0': 3n, 'x.d1': 0n, 'x.d2': 0n, 'x.d3': 0n, 'p.low': 7n, 'p.high': 0n });
  run(C.INV_MOD_P_UINT512, h);
  assert.deepEqual(h.writes, [['x_inverse_mod_p.low', 5n], ['x_inverse_mod_p.high', 0n]]);
  raises(() => run(C.INV_MOD_P_UINT512, fake({ 'x.d0': 2n, 'x.d1': 0n, 'x.d2': 0n, 'x.d3': 0n, 'p.low': 4n, 'p.high': 0n })),
    'ValueError', 'base is not invertible for the given modulus');
  const ED = (1n << 255n) - 19n;
  const xx = 4n;
  const s = fake({ 'xx.low': xx, 'xx.high': 0n });
  run(C.SPLIT_XX, s);
  const x = new Map(s.writes).get('x.low')! + (new Map(s.writes).get('x.high')! << 128n);
  assert.equal(pyMod(x * x, ED), xx);
  assert.equal(x % 2n, 0n);
});

test('ed25519: verify_zero message, scope locals for the secp hints that follow', () => {
  const ED = (1n << 255n) - 19n;
  raises(() => run(C.ED25519_VERIFY_ZERO, fake({ 'val.d0': 1n, 'val.d1': 2n, 'val.d2': 3n })),
    'AssertionError', 'verify_zero: Invalid input (1, 2, 3).');
  const [d0, d1, d2] = splitLimbs(ED * 2n, 86n, 3);
  const f = fake({ 'val.d0': d0, 'val.d1': d1, 'val.d2': d2 });
  run(C.ED25519_VERIFY_ZERO, f);
  assert.deepEqual(f.writes, [['q', 2n]]);
  const g = fake({ 'x.d0': 5n, 'x.d1': 0n, 'x.d2': 0n });
  run(C.ED25519_IS_ZERO_PACK, g);
  assert.equal(g.scope.get('x'), 5n);
  assert.equal(g.scope.get('SECP_P'), ED);
  run(C.ED25519_IS_ZERO_ASSIGN_SCOPE_VARS, g);
  assert.equal(pyMod((g.scope.get('value') as bigint) * 5n, ED), 1n);
  const n = fake({ 'point.y.d0': 1n, 'point.y.d1': 0n, 'point.y.d2': 0n });
  run(C.ED25519_EC_NEGATE, n);
  assert.equal(n.scope.get('value'), ED - 1n);
  const pt = { 'point0.x.d0': 1n, 'point0.x.d1': 0n, 'point0.x.d2': 0n, 'point0.y.d0': 1n, 'point0.y.d1': 0n, 'point0.y.d2': 0n,
    'point1.x.d0': 1n, 'point1.x.d1': 0n, 'point1.x.d2': 0n, 'point1.y.d0': 2n, 'point1.y.d1': 0n, 'point1.y.d2': 0n };
  raises(() => run(C.ED25519_COMPUTE_SLOPE, fake(pt)), 'AssertionError', '');
  const d = fake({ 'point.x.d0': 1n, 'point.x.d1': 0n, 'point.x.d2': 0n, 'point.y.d0': 0n, 'point.y.d1': 0n, 'point.y.d2': 0n });
  raises(() => run(C.ED25519_COMPUTE_DOUBLING_SLOPE, d), 'AssertionError', '');
});
