// The secp family's hints one by one, on a small fake hint context: the values they compute
// (checked against @noble/curves where a curve is involved), the exec-scope locals they leave
// for the next hint, and the Python exception each error case raises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { secp256k1 } from '@noble/curves/secp256k1';
import { p256 } from '@noble/curves/p256';
import '../../src/hints/all';
import { HintBench, raises } from './harness';
import { Relocatable } from '../../src/vm/relocatable';
import * as F from '../../src/vm/felt';

const P = F.getPrime();
const BASE = 1n << 86n;
const SECP_P = (1n << 256n) - (1n << 32n) - 977n;
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const R1_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const R1_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** The shared hint bench, with secp points (x and y as BigInt3). */
class Fake extends HintBench {
  point(name: string, x: bigint, y: bigint): void {
    this.bigint3(`${name}.x`, x);
    this.bigint3(`${name}.y`, y);
  }
}

const L = (...lines: string[]) => lines.join('\n');

const NONDET = L('from starkware.cairo.common.cairo_secp.secp_utils import split', '', 'segments.write_arg(ids.res.address_, split(value))');
const REDUCE = L('from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack', '', 'value = pack(ids.x, PRIME) % SECP_P');
const REDUCE_SCOPE_P = L('from starkware.cairo.common.cairo_secp.secp_utils import pack', 'value = pack(ids.x, PRIME) % SECP_P');
const R1_P_IMPORT = 'from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P as SECP_P';
const R1_ALPHA_IMPORT = 'from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA as ALPHA';
const R1_N_IMPORT = 'from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_N as N';
const IS_ZERO_X = L('from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack', '', 'x = pack(ids.x, PRIME) % SECP_P');
const IS_ZERO_BRANCH = 'memory[ap] = to_felt_or_relocatable(x == 0)';
const X_INV = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P',
  'from starkware.python.math_utils import div_mod',
  '',
  'value = x_inv = div_mod(1, x, SECP_P)',
);
const VERIFY_ZERO = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  '',
  'q, r = divmod(pack(ids.val, PRIME), SECP_P)',
  'assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."',
  'ids.q = q % PRIME',
);
const VERIFY_ZERO_NO_PACK_IMPORT = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P',
  'q, r = divmod(pack(ids.val, PRIME), SECP_P)',
  'assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."',
  'ids.q = q % PRIME',
);
const DOUBLE_SLOPE = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  'from starkware.python.math_utils import ec_double_slope',
  '',
  '# Compute the slope.',
  'x = pack(ids.point.x, PRIME)',
  'y = pack(ids.point.y, PRIME)',
  'value = slope = ec_double_slope(point=(x, y), alpha=0, p=SECP_P)',
);
const DOUBLE_SLOPE_R1 = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import pack',
  'from starkware.python.math_utils import ec_double_slope',
  '',
  '# Compute the slope.',
  'x = pack(ids.point.x, PRIME)',
  'y = pack(ids.point.y, PRIME)',
  'value = slope = ec_double_slope(point=(x, y), alpha=ALPHA, p=SECP_P)',
);
const DOUBLE_NEW_X = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  '',
  'slope = pack(ids.slope, PRIME)',
  'x = pack(ids.point.x, PRIME)',
  'y = pack(ids.point.y, PRIME)',
  '',
  'value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P',
);
const NEW_Y = 'value = new_y = (slope * (x - new_x) - y) % SECP_P';
const LINE_SLOPE = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  'from starkware.python.math_utils import line_slope',
  '',
  '# Compute the slope.',
  'x0 = pack(ids.point0.x, PRIME)',
  'y0 = pack(ids.point0.y, PRIME)',
  'x1 = pack(ids.point1.x, PRIME)',
  'y1 = pack(ids.point1.y, PRIME)',
  'value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)',
);
const ADD_NEW_X = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  '',
  'slope = pack(ids.slope, PRIME)',
  'x0 = pack(ids.point0.x, PRIME)',
  'x1 = pack(ids.point1.x, PRIME)',
  'y0 = pack(ids.point0.y, PRIME)',
  '',
  'value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P',
);
const ADD_NEW_Y = 'value = new_y = (slope * (x0 - new_x) - y0) % SECP_P';
const NEGATE = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  '',
  'y = pack(ids.point.y, PRIME) % SECP_P',
  '# The modulo operation in python always returns a nonnegative number.',
  'value = (-y) % SECP_P',
);
const DIV_MOD_N = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import N, pack',
  'from starkware.python.math_utils import div_mod, safe_div',
  '',
  'a = pack(ids.a, PRIME)',
  'b = pack(ids.b, PRIME)',
  'value = res = div_mod(a, b, N)',
);
const DIV_MOD_N_SCOPE = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import pack',
  'from starkware.python.math_utils import div_mod, safe_div',
  '',
  'a = pack(ids.a, PRIME)',
  'b = pack(ids.b, PRIME)',
  'value = res = div_mod(a, b, N)',
);
const K_PLUS_ONE = 'value = k_plus_one = safe_div(res * b - a, N) + 1';
const GET_Y = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack',
  '',
  'x_cube_int = pack(ids.x_cube, PRIME) % SECP_P',
  'y_square_int = (x_cube_int + ids.BETA) % SECP_P',
  'y = pow(y_square_int, (SECP_P + 1) // 4, SECP_P)',
  '',
  '# We need to decide whether to take y or SECP_P - y.',
  'if ids.v % 2 == y % 2:',
  '    value = y',
  'else:',
  '    value = (-y) % SECP_P',
);
const SIG_DIV = L(
  'from starkware.cairo.common.cairo_secp.secp_utils import pack',
  'from starkware.python.math_utils import div_mod, safe_div',
  '',
  'N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141',
  'x = pack(ids.x, PRIME) % N',
  's = pack(ids.s, PRIME) % N',
  'value = res = div_mod(x, s, N)',
);
const SIG_K = 'value = k = safe_div(res * s - x, N)';
const ASSERT_NN = L(
  'from starkware.cairo.common.math_utils import assert_integer',
  'assert_integer(ids.a)',
  "assert 0 <= ids.a % PRIME < range_check_builtin.bound, f'a = {ids.a} is out of range.'",
);
const QUAD_BIT = L(
  'ids.quad_bit = (',
  '    8 * ((ids.scalar_v >> ids.m) & 1)',
  '    + 4 * ((ids.scalar_u >> ids.m) & 1)',
  '    + 2 * ((ids.scalar_v >> (ids.m - 1)) & 1)',
  '    + ((ids.scalar_u >> (ids.m - 1)) & 1)',
  ')',
);

const G = secp256k1.ProjectivePoint.BASE;

test('nondet_bigint3 writes split(value) into ids.res; NameError without value; too large asserts', () => {
  const f = new Fake();
  f.bigint3('res');
  raises(() => f.run(NONDET), 'NameError', "name 'value' is not defined");
  const v = (1n << 255n) + 12345n;
  f.vm.scope.set('value', v);
  f.run(NONDET);
  assert.equal(f.readBigint3('res'), v);
  assert.equal(f.read('res.d0'), v % BASE);
  const g = new Fake();
  g.bigint3('res');
  g.vm.scope.set('value', 1n << 258n);
  raises(() => g.run(NONDET), 'AssertionError', '');
});

test('reduce packs signed limbs; the secp256r1 import rebinds SECP_P for the next hints', () => {
  const f = new Fake();
  f.bigint3('x', [5n, 0n, P - 1n]); // d2 = -1
  f.run(REDUCE);
  const packed = 5n - BASE * BASE;
  assert.equal(f.scope('value'), ((packed % SECP_P) + SECP_P) % SECP_P);
  f.run(R1_P_IMPORT);
  assert.equal(f.scope('SECP_P'), R1_P);
  f.run(REDUCE_SCOPE_P);
  assert.equal(f.scope('value'), ((packed % R1_P) + R1_P) % R1_P);
  // An import of secp_utils.SECP_P binds secp256k1's prime again.
  f.run(REDUCE);
  assert.equal(f.scope('SECP_P'), SECP_P);
  const g = new Fake();
  g.bigint3('x', 3n);
  raises(() => g.run(REDUCE_SCOPE_P), 'NameError', "name 'SECP_P' is not defined");
});

test('is_zero: x, the branch bit, and x_inv (div_mod asserts on zero)', () => {
  const f = new Fake();
  f.bigint3('x', SECP_P + 7n);
  f.run(IS_ZERO_X);
  assert.equal(f.scope('x'), 7n);
  f.run(IS_ZERO_BRANCH);
  assert.equal(f.ap(), 0);
  f.run(X_INV);
  const inv = f.scope('x_inv') as bigint;
  assert.equal((inv * 7n) % SECP_P, 1n);
  assert.equal(f.scope('value'), inv);

  const z = new Fake();
  z.bigint3('x', SECP_P);
  z.run(IS_ZERO_X);
  z.run('memory[ap] = int(x == 0)');
  assert.equal(z.ap(), 1);
  raises(() => z.run(X_INV), 'AssertionError', '');
});

test('verify_zero writes q; a nonzero remainder raises the reference message', () => {
  const f = new Fake();
  f.bigint3('val', 3n * SECP_P);
  f.felt('q');
  f.run(VERIFY_ZERO);
  assert.equal(f.read('q'), 3n);

  const neg = new Fake();
  neg.bigint3('val', [P - SECP_P % BASE, P - (SECP_P / BASE) % BASE, P - SECP_P / BASE / BASE]);
  neg.felt('q');
  neg.run(VERIFY_ZERO);
  assert.equal(neg.read('q'), P - 1n); // q = -1 taken modulo PRIME

  const bad = new Fake();
  bad.bigint3('val', [1n, 2n, 3n]);
  bad.felt('q');
  raises(() => bad.run(VERIFY_ZERO), 'AssertionError', 'verify_zero: Invalid input (1, 2, 3).');
  assert.equal(bad.get('q'), undefined);

  const noPack = new Fake();
  noPack.bigint3('val', 0n);
  noPack.felt('q');
  raises(() => noPack.run(VERIFY_ZERO_NO_PACK_IMPORT), 'NameError', "name 'pack' is not defined");
});

test('ec_double chain (slope, new x, new y) gives 2G as @noble/curves computes it', () => {
  const f = new Fake();
  const { x, y } = G.toAffine();
  f.point('point', x, y);
  f.run(DOUBLE_SLOPE);
  const slope = f.scope('slope') as bigint;
  f.bigint3('slope', slope);
  f.run(DOUBLE_NEW_X);
  f.run(NEW_Y);
  const d = G.double().toAffine();
  assert.equal(f.scope('new_x'), d.x);
  assert.equal(f.scope('new_y'), d.y);
  assert.equal(f.scope('value'), d.y);
});

test('fast_ec_add chain gives G + 2G; equal x coordinates assert in line_slope', () => {
  const f = new Fake();
  const a = G.toAffine();
  const b = G.double().toAffine();
  f.point('point0', a.x, a.y);
  f.point('point1', b.x, b.y);
  f.run(LINE_SLOPE);
  f.bigint3('slope', f.scope('slope') as bigint);
  f.run(ADD_NEW_X);
  f.run(ADD_NEW_Y);
  const s = G.add(G.double()).toAffine();
  assert.equal(f.scope('new_x'), s.x);
  assert.equal(f.scope('new_y'), s.y);

  // The pt0 / pt1 spelling of the new-x hint.
  const t = new Fake();
  t.point('pt0', a.x, a.y);
  t.point('pt1', b.x, b.y);
  t.bigint3('slope', f.scope('slope') as bigint);
  t.run(ADD_NEW_X.replace(/point([01])/g, 'pt$1'));
  assert.equal(t.scope('new_x'), s.x);

  const g = new Fake();
  g.point('point0', a.x, a.y);
  g.point('point1', a.x, SECP_P - a.y);
  raises(() => g.run(LINE_SLOPE), 'AssertionError', '');
  const h = new Fake();
  raises(() => h.run(NEW_Y), 'NameError', "name 'slope' is not defined");
});

test('doubling slope asserts on y = 0; the secp256r1 variant reads ALPHA and SECP_P from the scope', () => {
  const f = new Fake();
  f.point('point', 5n, 0n);
  raises(() => f.run(DOUBLE_SLOPE), 'AssertionError', '');

  const r = new Fake();
  const q = p256.ProjectivePoint.BASE.toAffine();
  r.point('point', q.x, q.y);
  raises(() => r.run(DOUBLE_SLOPE_R1), 'NameError', "name 'ALPHA' is not defined");
  r.run(R1_P_IMPORT);
  r.run(R1_ALPHA_IMPORT);
  r.run(DOUBLE_SLOPE_R1);
  const slope = r.scope('slope') as bigint;
  const d = p256.ProjectivePoint.BASE.double().toAffine();
  const newX = (((slope * slope - 2n * q.x) % R1_P) + R1_P) % R1_P;
  assert.equal(newX, d.x);
});

test('ec_negate', () => {
  const f = new Fake();
  f.point('point', 1n, 10n);
  f.run(NEGATE);
  assert.equal(f.scope('value'), SECP_P - 10n);
});

test('div_mod_n and its quotient; secp256r1 N from the import hint', () => {
  const f = new Fake();
  f.bigint3('a', 123456789n);
  f.bigint3('b', 987654321n);
  f.run(DIV_MOD_N);
  const res = f.scope('res') as bigint;
  assert.equal((res * 987654321n) % N, 123456789n);
  f.run(K_PLUS_ONE);
  assert.equal(f.scope('k_plus_one'), (res * 987654321n - 123456789n) / N + 1n);

  const r = new Fake();
  r.bigint3('a', 5n);
  r.bigint3('b', 7n);
  raises(() => r.run(DIV_MOD_N_SCOPE), 'NameError', "name 'N' is not defined");
  r.run(R1_N_IMPORT);
  r.run(DIV_MOD_N_SCOPE);
  assert.equal(((r.scope('res') as bigint) * 7n) % R1_N, 5n);

  const z = new Fake();
  z.bigint3('a', 5n);
  z.bigint3('b', 0n);
  raises(() => z.run(DIV_MOD_N), 'AssertionError', '');

  const nd = new Fake();
  nd.vm.scope.set('safe_div', {});
  nd.vm.scope.set('res', 2n);
  nd.vm.scope.set('b', 3n);
  nd.vm.scope.set('a', 1n);
  nd.vm.scope.set('N', 7n);
  raises(() => nd.run(K_PLUS_ONE), 'AssertionError', '5 is not divisible by 7.');
});

test('signature: get_point_from_x picks the root with the parity of v; x / s modulo N', () => {
  const { x, y } = G.toAffine();
  for (const v of [0n, 1n]) {
    const f = new Fake();
    f.bigint3('x_cube', (x * x * x) % SECP_P);
    f.felt('v', v);
    f.consts.set('BETA', 7n);
    f.run(GET_Y);
    const value = f.scope('value') as bigint;
    assert.equal(value % 2n, v);
    assert.ok(value === y || value === SECP_P - y);
  }
  const s = new Fake();
  s.bigint3('x', N + 10n);
  s.bigint3('s', 3n);
  s.run(SIG_DIV);
  assert.equal(s.scope('x'), 10n);
  const res = s.scope('res') as bigint;
  assert.equal((res * 3n) % N, 10n);
  s.run(SIG_K);
  assert.equal(s.scope('k'), (res * 3n - 10n) / N);
});

test('assert_nn: out of range, an address, and no range_check builtin', () => {
  const f = new Fake();
  f.builtins.set('range_check', { bound: 1n << 128n });
  f.felt('a', -1n);
  raises(() => f.run(ASSERT_NN), 'AssertionError', `a = ${P - 1n} is out of range.`);
  const ok = new Fake();
  ok.builtins.set('range_check', { bound: 1n << 128n });
  ok.felt('a', (1n << 128n) - 1n);
  ok.run(ASSERT_NN);
  const addr = new Fake();
  addr.felt('a', new Relocatable(1, 5));
  raises(() => addr.run(ASSERT_NN), 'AssertionError', 'Expected integer, found: 1:5.');
  const none = new Fake();
  none.felt('a', 3n);
  raises(() => none.run(ASSERT_NN), 'NameError', "name 'range_check_builtin' is not defined");
});

test('quad_bit, dibit, len_hi, low', () => {
  const f = new Fake();
  f.felt('scalar_u', 0b0110n);
  f.felt('scalar_v', 0b1010n);
  f.felt('m', 3n);
  f.felt('quad_bit');
  f.felt('dibit');
  f.run(QUAD_BIT);
  assert.equal(f.read('quad_bit'), 8n * 1n + 4n * 0n + 2n * 0n + 1n);
  f.run('ids.dibit = ((ids.scalar_u >> ids.m) & 1) + 2 * ((ids.scalar_v >> ids.m) & 1)');
  assert.equal(f.read('dibit'), 2n);

  const z = new Fake();
  z.felt('scalar_u', 1n);
  z.felt('scalar_v', 1n);
  z.felt('m', 0n);
  z.felt('quad_bit');
  raises(() => z.run(QUAD_BIT), 'ValueError', 'negative shift count');

  const h = new Fake();
  h.bigint3('scalar_u', [0n, 0n, 0n]);
  h.bigint3('scalar_v', [0n, 0n, 0n]);
  h.felt('len_hi');
  h.run('ids.len_hi = max(ids.scalar_u.d2.bit_length(), ids.scalar_v.d2.bit_length())-1');
  assert.equal(h.read('len_hi'), P - 1n);

  const l = new Fake();
  l.bigint3('x', [BASE - 1n, BASE - 1n, 0n]);
  l.consts.set('BASE', BASE);
  l.felt('low');
  l.run('ids.low = (ids.x.d0 + ids.x.d1 * ids.BASE) & ((1 << 128) - 1)');
  assert.equal(l.read('low'), ((BASE - 1n) * BASE + BASE - 1n) & ((1n << 128n) - 1n));
});
