// cairo_secp field hints (secp256k1 and the secp256r1 variants): nondet_bigint3, reduce,
// is_zero, verify_zero, div_mod_n and the signature recovery ones.
import { defineHint, HintContext } from '../../hint';
import { HintError } from '../../errors';
import { getPrime } from '../../../vm/felt';
import { SECP_P, SECP_N, SECP256R1_P, SECP256R1_N, SECP256R1_ALPHA, packIds, split } from '../../lib/bigint3';
import { divMod, divmod, mod, pyPow, safeDiv } from '../../lib/math-utils';
import { bindLocals, code, idsInt, scopeGet, scopeInt, scopeInts, writeAp, writeArg } from '../../lib/py';
import { PY } from './py';

const IMPORT_SECP_P_PACK = 'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack';
const IMPORT_PACK = 'from starkware.cairo.common.cairo_secp.secp_utils import pack';

// secp#11: nondet_bigint3.
defineHint(
  code(
    'from starkware.cairo.common.cairo_secp.secp_utils import split',
    '',
    'segments.write_arg(ids.res.address_, split(value))',
  ),
  (ctx) => {
    bindLocals(ctx, { split: PY.split });
    const line = 'segments.write_arg(ids.res.address_, split(value))';
    const ptr = ctx.ids.addr('res');
    writeArg(ctx.mem, ptr, split(scopeInt(ctx, 'value'), line));
  },
);

// secp#32, #33, #34: the secp256r1 constants under the names the following hints use.
defineHint('from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_P as SECP_P', (ctx) =>
  bindLocals(ctx, { SECP_P: SECP256R1_P }),
);
defineHint('from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_ALPHA as ALPHA', (ctx) =>
  bindLocals(ctx, { ALPHA: SECP256R1_ALPHA }),
);
defineHint('from starkware.cairo.common.cairo_secp.secp256r1_utils import SECP256R1_N as N', (ctx) =>
  bindLocals(ctx, { N: SECP256R1_N }),
);

// secp#5 and #39: reduce.
defineHint(code(IMPORT_SECP_P_PACK, '', 'value = pack(ids.x, PRIME) % SECP_P'), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  bindLocals(ctx, { value: mod(packIds(ctx, 'x', 'value = pack(ids.x, PRIME) % SECP_P'), SECP_P) });
});
defineHint(code(IMPORT_PACK, 'value = pack(ids.x, PRIME) % SECP_P'), (ctx) => {
  bindLocals(ctx, { pack: PY.pack });
  const v = packIds(ctx, 'x', 'value = pack(ids.x, PRIME) % SECP_P');
  bindLocals(ctx, { value: mod(v, scopeInt(ctx, 'SECP_P')) });
});

// secp#6, #50, #38, #79: is_zero's `x`.
const X_LINE = 'x = pack(ids.x, PRIME) % SECP_P';
defineHint([code(IMPORT_SECP_P_PACK, '', X_LINE), code(IMPORT_SECP_P_PACK, X_LINE)], (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  bindLocals(ctx, { x: mod(packIds(ctx, 'x', X_LINE), SECP_P) });
});
defineHint([code(IMPORT_PACK, X_LINE), code(IMPORT_PACK, '', X_LINE)], (ctx) => {
  bindLocals(ctx, { pack: PY.pack });
  const v = packIds(ctx, 'x', X_LINE);
  bindLocals(ctx, { x: mod(v, scopeInt(ctx, 'SECP_P')) });
});

// secp#18, #53: is_zero's nondeterministic branch.
// Python's `x == 0` never raises: only an int (or bool) equal to zero compares equal.
const xIsZero = (ctx: HintContext): bigint => {
  const x = scopeGet(ctx, 'x');
  return x === 0n || x === 0 || x === false ? 1n : 0n;
};
defineHint('memory[ap] = to_felt_or_relocatable(x == 0)', (ctx) => writeAp(ctx, xIsZero(ctx)));
defineHint('memory[ap] = int(x == 0)', (ctx) => writeAp(ctx, xIsZero(ctx)));

// secp#1, #40: is_zero's inverse.
const X_INV_LINE = 'value = x_inv = div_mod(1, x, SECP_P)';
defineHint(
  code(
    'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P',
    'from starkware.python.math_utils import div_mod',
    '',
    X_INV_LINE,
  ),
  (ctx) => {
    bindLocals(ctx, { SECP_P, div_mod: PY.div_mod });
    const v = divMod(1n, scopeInt(ctx, 'x'), SECP_P, X_INV_LINE);
    bindLocals(ctx, { value: v, x_inv: v });
  },
);
defineHint(code('from starkware.python.math_utils import div_mod', '', X_INV_LINE), (ctx) => {
  bindLocals(ctx, { div_mod: PY.div_mod });
  const [x, p] = scopeInts(ctx, 'x', 'SECP_P');
  const v = divMod(1n, x, p, X_INV_LINE);
  bindLocals(ctx, { value: v, x_inv: v });
});

// secp#2, #43, #45: verify_zero.
const VZ_ASSERT = 'assert r == 0, f"verify_zero: Invalid input {ids.val.d0, ids.val.d1, ids.val.d2}."';
const VZ_BODY = ['q, r = divmod(pack(ids.val, PRIME), SECP_P)', VZ_ASSERT, 'ids.q = q % PRIME'];
function verifyZero(ctx: HintContext, p: () => bigint): void {
  const packed = packIds(ctx, 'val', VZ_BODY[0]);
  const [q, r] = divmod(packed, p());
  bindLocals(ctx, { q, r });
  if (r !== 0n) {
    const limbs = ['d0', 'd1', 'd2'].map((l) => idsInt(ctx, `val.${l}`, '%', VZ_ASSERT));
    throw new HintError('AssertionError', `verify_zero: Invalid input (${limbs.join(', ')}).`, VZ_ASSERT);
  }
  ctx.ids.set('q', mod(q, getPrime()));
}
defineHint(code(IMPORT_SECP_P_PACK, '', ...VZ_BODY), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  verifyZero(ctx, () => SECP_P);
});
defineHint(code(IMPORT_PACK, '', ...VZ_BODY), (ctx) => {
  bindLocals(ctx, { pack: PY.pack });
  verifyZero(ctx, () => scopeInt(ctx, 'SECP_P'));
});
defineHint(code('from starkware.cairo.common.cairo_secp.secp_utils import SECP_P', ...VZ_BODY), (ctx) => {
  bindLocals(ctx, { SECP_P });
  scopeGet(ctx, 'pack');
  verifyZero(ctx, () => SECP_P);
});

// secp#0, #41: div_mod_n (N is secp256k1's order, or whatever `N` an earlier hint bound).
const DIV_MOD_N_LINE = 'value = res = div_mod(a, b, N)';
const DIV_MOD_N_BODY = ['a = pack(ids.a, PRIME)', 'b = pack(ids.b, PRIME)', DIV_MOD_N_LINE];
function divModN(ctx: HintContext, n: () => bigint): void {
  const a = packIds(ctx, 'a', DIV_MOD_N_BODY[0]);
  bindLocals(ctx, { a });
  const b = packIds(ctx, 'b', DIV_MOD_N_BODY[1]);
  bindLocals(ctx, { b });
  const res = divMod(a, b, n(), DIV_MOD_N_LINE);
  bindLocals(ctx, { value: res, res });
}
defineHint(
  code(
    'from starkware.cairo.common.cairo_secp.secp_utils import N, pack',
    'from starkware.python.math_utils import div_mod, safe_div',
    '',
    ...DIV_MOD_N_BODY,
  ),
  (ctx) => {
    bindLocals(ctx, { N: SECP_N, pack: PY.pack, div_mod: PY.div_mod, safe_div: PY.safe_div });
    divModN(ctx, () => SECP_N);
  },
);
defineHint(
  code(IMPORT_PACK, 'from starkware.python.math_utils import div_mod, safe_div', '', ...DIV_MOD_N_BODY),
  (ctx) => {
    bindLocals(ctx, { pack: PY.pack, div_mod: PY.div_mod, safe_div: PY.safe_div });
    divModN(ctx, () => scopeInt(ctx, 'N'));
  },
);

// secp#42: div_mod_n's quotient.
const K_PLUS_ONE = 'value = k_plus_one = safe_div(res * b - a, N) + 1';
defineHint(K_PLUS_ONE, (ctx) => {
  scopeGet(ctx, 'safe_div');
  const [res, b, a, n] = scopeInts(ctx, 'res', 'b', 'a', 'N');
  const v = safeDiv(res * b - a, n, K_PLUS_ONE) + 1n;
  bindLocals(ctx, { value: v, k_plus_one: v });
});

// secp#51: signature recovery, x / s modulo secp256k1's order.
const SIG_BODY = [
  'N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141',
  'x = pack(ids.x, PRIME) % N',
  's = pack(ids.s, PRIME) % N',
  'value = res = div_mod(x, s, N)',
];
defineHint(code(IMPORT_PACK, 'from starkware.python.math_utils import div_mod, safe_div', '', ...SIG_BODY), (ctx) => {
  bindLocals(ctx, { pack: PY.pack, div_mod: PY.div_mod, safe_div: PY.safe_div, N: SECP_N });
  const x = mod(packIds(ctx, 'x', SIG_BODY[1]), SECP_N);
  bindLocals(ctx, { x });
  const s = mod(packIds(ctx, 's', SIG_BODY[2]), SECP_N);
  bindLocals(ctx, { s });
  const res = divMod(x, s, SECP_N, SIG_BODY[3]);
  bindLocals(ctx, { value: res, res });
});

// secp#54: its quotient.
const K_LINE = 'value = k = safe_div(res * s - x, N)';
defineHint(K_LINE, (ctx) => {
  scopeGet(ctx, 'safe_div');
  const [res, s, x, n] = scopeInts(ctx, 'res', 's', 'x', 'N');
  const v = safeDiv(res * s - x, n, K_LINE);
  bindLocals(ctx, { value: v, k: v });
});

// secp#7: recover_public_key's y from x^3 (signature.cairo get_point_from_x).
const GPX = [
  'x_cube_int = pack(ids.x_cube, PRIME) % SECP_P',
  'y_square_int = (x_cube_int + ids.BETA) % SECP_P',
  'y = pow(y_square_int, (SECP_P + 1) // 4, SECP_P)',
  '',
  '# We need to decide whether to take y or SECP_P - y.',
  'if ids.v % 2 == y % 2:',
  '    value = y',
  'else:',
  '    value = (-y) % SECP_P',
];
defineHint(code(IMPORT_SECP_P_PACK, '', ...GPX), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  const xCube = mod(packIds(ctx, 'x_cube', GPX[0]), SECP_P);
  bindLocals(ctx, { x_cube_int: xCube });
  const ySquare = mod(xCube + ctx.ids.const('BETA'), SECP_P);
  bindLocals(ctx, { y_square_int: ySquare });
  const y = pyPow(ySquare, (SECP_P + 1n) / 4n, SECP_P);
  bindLocals(ctx, { y });
  const v = idsInt(ctx, 'v', '%', GPX[5]);
  bindLocals(ctx, { value: v % 2n === y % 2n ? y : mod(-y, SECP_P) });
});
