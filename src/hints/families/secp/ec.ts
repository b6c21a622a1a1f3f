// cairo_secp curve hints: ec_negate, the doubling and line slopes, the new x / new y of
// ec_double and ec_add (fast_ec_add), and ec_mul_inner's bit.
import { defineHint, HintContext } from '../../hint';
import { SECP_P, packIds } from '../../lib/bigint3';
import { divMod, ecDoubleSlope, lineSlope, mod, pyPow } from '../../lib/math-utils';
import { bindLocals, code, idsInt, scopeInt, scopeInts, writeAp } from '../../lib/py';
import { getPrime } from '../../../vm/felt';
import { PY } from './py';

const IMPORT_SECP_P_PACK = 'from starkware.cairo.common.cairo_secp.secp_utils import SECP_P, pack';
const IMPORT_PACK = 'from starkware.cairo.common.cairo_secp.secp_utils import pack';

/** Where SECP_P comes from: imported by the hint (secp256k1), or bound by an earlier hint. */
type PrimeSource = 'import' | 'scope';
function secpP(ctx: HintContext, src: PrimeSource): bigint {
  return src === 'import' ? SECP_P : scopeInt(ctx, 'SECP_P');
}

// secp#8: ec_negate.
const NEG = [
  'y = pack(ids.point.y, PRIME) % SECP_P',
  '# The modulo operation in python always returns a nonnegative number.',
  'value = (-y) % SECP_P',
];
defineHint(code(IMPORT_SECP_P_PACK, '', ...NEG), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  const y = mod(packIds(ctx, 'point.y', NEG[0]), SECP_P);
  bindLocals(ctx, { y });
  bindLocals(ctx, { value: mod(-y, SECP_P) });
});

// secp#9, #35: compute_doubling_slope (alpha 0 on secp256k1, ALPHA from the scope for secp256r1).
function doublingSlope(ctx: HintContext, pt: string, alpha: () => bigint, src: PrimeSource, line: string): void {
  const x = packIds(ctx, `${pt}.x`);
  bindLocals(ctx, { x });
  const y = packIds(ctx, `${pt}.y`);
  bindLocals(ctx, { y });
  const a = alpha();
  const slope = ecDoubleSlope([x, y], a, secpP(ctx, src), line);
  bindLocals(ctx, { value: slope, slope });
}
const DS_LINE_K1 = 'value = slope = ec_double_slope(point=(x, y), alpha=0, p=SECP_P)';
defineHint(
  code(
    IMPORT_SECP_P_PACK,
    'from starkware.python.math_utils import ec_double_slope',
    '',
    '# Compute the slope.',
    'x = pack(ids.point.x, PRIME)',
    'y = pack(ids.point.y, PRIME)',
    DS_LINE_K1,
  ),
  (ctx) => {
    bindLocals(ctx, { SECP_P, pack: PY.pack, ec_double_slope: PY.ec_double_slope });
    doublingSlope(ctx, 'point', () => 0n, 'import', DS_LINE_K1);
  },
);
const DS_LINE_ALPHA = 'value = slope = ec_double_slope(point=(x, y), alpha=ALPHA, p=SECP_P)';
defineHint(
  code(
    IMPORT_PACK,
    'from starkware.python.math_utils import ec_double_slope',
    '',
    '# Compute the slope.',
    'x = pack(ids.point.x, PRIME)',
    'y = pack(ids.point.y, PRIME)',
    DS_LINE_ALPHA,
  ),
  (ctx) => {
    bindLocals(ctx, { pack: PY.pack, ec_double_slope: PY.ec_double_slope });
    doublingSlope(ctx, 'point', () => scopeInt(ctx, 'ALPHA'), 'scope', DS_LINE_ALPHA);
  },
);

// secp#48: the ed25519-style doubling slope written with div_mod (alpha 0).
const DS_DIVMOD_LINE = 'value = slope = div_mod(3 * x ** 2, 2 * y, SECP_P)';
defineHint(
  code(
    IMPORT_SECP_P_PACK,
    'from starkware.python.math_utils import div_mod',
    '',
    '# Compute the slope.',
    'x = pack(ids.pt.x, PRIME)',
    'y = pack(ids.pt.y, PRIME)',
    DS_DIVMOD_LINE,
  ),
  (ctx) => {
    bindLocals(ctx, { SECP_P, pack: PY.pack, div_mod: PY.div_mod });
    const x = packIds(ctx, 'pt.x');
    bindLocals(ctx, { x });
    const y = packIds(ctx, 'pt.y');
    bindLocals(ctx, { y });
    const slope = divMod(3n * x * x, 2n * y, SECP_P, DS_DIVMOD_LINE);
    bindLocals(ctx, { value: slope, slope });
  },
);

// secp#10, #36, #49: compute_slope of two points.
function readTwoPoints(ctx: HintContext, p0: string, p1: string): [bigint, bigint, bigint, bigint] {
  const x0 = packIds(ctx, `${p0}.x`);
  bindLocals(ctx, { x0 });
  const y0 = packIds(ctx, `${p0}.y`);
  bindLocals(ctx, { y0 });
  const x1 = packIds(ctx, `${p1}.x`);
  bindLocals(ctx, { x1 });
  const y1 = packIds(ctx, `${p1}.y`);
  bindLocals(ctx, { y1 });
  return [x0, y0, x1, y1];
}
const TWO_POINTS = [
  '# Compute the slope.',
  'x0 = pack(ids.point0.x, PRIME)',
  'y0 = pack(ids.point0.y, PRIME)',
  'x1 = pack(ids.point1.x, PRIME)',
  'y1 = pack(ids.point1.y, PRIME)',
];
const LS_LINE = 'value = slope = line_slope(point1=(x0, y0), point2=(x1, y1), p=SECP_P)';
defineHint(
  code(IMPORT_SECP_P_PACK, 'from starkware.python.math_utils import line_slope', '', ...TWO_POINTS, LS_LINE),
  (ctx) => {
    bindLocals(ctx, { SECP_P, pack: PY.pack, line_slope: PY.line_slope });
    const [x0, y0, x1, y1] = readTwoPoints(ctx, 'point0', 'point1');
    const slope = lineSlope([x0, y0], [x1, y1], SECP_P, LS_LINE);
    bindLocals(ctx, { value: slope, slope });
  },
);
defineHint(code(IMPORT_PACK, 'from starkware.python.math_utils import line_slope', '', ...TWO_POINTS, LS_LINE), (ctx) => {
  bindLocals(ctx, { pack: PY.pack, line_slope: PY.line_slope });
  const [x0, y0, x1, y1] = readTwoPoints(ctx, 'point0', 'point1');
  const slope = lineSlope([x0, y0], [x1, y1], scopeInt(ctx, 'SECP_P'), LS_LINE);
  bindLocals(ctx, { value: slope, slope });
});
const LS_DIVMOD_LINE = 'value = slope = div_mod(y0 - y1, x0 - x1, SECP_P)';
defineHint(
  code(
    IMPORT_SECP_P_PACK,
    'from starkware.python.math_utils import div_mod',
    '',
    ...TWO_POINTS.map((l) => l.replace('point', 'pt')),
    LS_DIVMOD_LINE,
  ),
  (ctx) => {
    bindLocals(ctx, { SECP_P, pack: PY.pack, div_mod: PY.div_mod });
    const [x0, y0, x1, y1] = readTwoPoints(ctx, 'pt0', 'pt1');
    const slope = divMod(y0 - y1, x0 - x1, SECP_P, LS_DIVMOD_LINE);
    bindLocals(ctx, { value: slope, slope });
  },
);

// secp#3, #44, #46: ec_double's new x.
const DOUBLE_X_LINE = 'value = new_x = (pow(slope, 2, SECP_P) - 2 * x) % SECP_P';
function doubleNewX(ctx: HintContext, pt: string, src: PrimeSource): void {
  const slope = packIds(ctx, 'slope');
  bindLocals(ctx, { slope });
  const x = packIds(ctx, `${pt}.x`);
  bindLocals(ctx, { x });
  const y = packIds(ctx, `${pt}.y`);
  bindLocals(ctx, { y });
  const p = secpP(ctx, src);
  const newX = mod(pyPow(slope, 2n, p) - 2n * x, p);
  bindLocals(ctx, { value: newX, new_x: newX });
}
const doubleXBody = (pt: string) => [
  'slope = pack(ids.slope, PRIME)',
  `x = pack(ids.${pt}.x, PRIME)`,
  `y = pack(ids.${pt}.y, PRIME)`,
  '',
  DOUBLE_X_LINE,
];
defineHint(code(IMPORT_SECP_P_PACK, '', ...doubleXBody('point')), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  doubleNewX(ctx, 'point', 'import');
});
defineHint(code(IMPORT_SECP_P_PACK, '', ...doubleXBody('pt')), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  doubleNewX(ctx, 'pt', 'import');
});
defineHint(code(IMPORT_PACK, '', ...doubleXBody('point')), (ctx) => {
  bindLocals(ctx, { pack: PY.pack });
  doubleNewX(ctx, 'point', 'scope');
});

// secp#4, #37, #47: fast_ec_add's new x.
const ADD_X_LINE = 'value = new_x = (pow(slope, 2, SECP_P) - x0 - x1) % SECP_P';
function addNewX(ctx: HintContext, p0: string, p1: string, src: PrimeSource): void {
  const slope = packIds(ctx, 'slope');
  bindLocals(ctx, { slope });
  const x0 = packIds(ctx, `${p0}.x`);
  bindLocals(ctx, { x0 });
  const x1 = packIds(ctx, `${p1}.x`);
  bindLocals(ctx, { x1 });
  const y0 = packIds(ctx, `${p0}.y`);
  bindLocals(ctx, { y0 });
  const p = secpP(ctx, src);
  const newX = mod(pyPow(slope, 2n, p) - x0 - x1, p);
  bindLocals(ctx, { value: newX, new_x: newX });
}
const addXBody = (p0: string, p1: string) => [
  'slope = pack(ids.slope, PRIME)',
  `x0 = pack(ids.${p0}.x, PRIME)`,
  `x1 = pack(ids.${p1}.x, PRIME)`,
  `y0 = pack(ids.${p0}.y, PRIME)`,
  '',
  ADD_X_LINE,
];
defineHint(code(IMPORT_SECP_P_PACK, '', ...addXBody('point0', 'point1')), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  addNewX(ctx, 'point0', 'point1', 'import');
});
defineHint(code(IMPORT_SECP_P_PACK, '', ...addXBody('pt0', 'pt1')), (ctx) => {
  bindLocals(ctx, { SECP_P, pack: PY.pack });
  addNewX(ctx, 'pt0', 'pt1', 'import');
});
defineHint(code(IMPORT_PACK, '', ...addXBody('point0', 'point1')), (ctx) => {
  bindLocals(ctx, { pack: PY.pack });
  addNewX(ctx, 'point0', 'point1', 'scope');
});

// secp#19, #20: the new y, from the locals the new-x hint left.
defineHint('value = new_y = (slope * (x - new_x) - y) % SECP_P', (ctx) => {
  const [slope, x, newX, y, p] = scopeInts(ctx, 'slope', 'x', 'new_x', 'y', 'SECP_P');
  const v = mod(slope * (x - newX) - y, p);
  bindLocals(ctx, { value: v, new_y: v });
});
defineHint('value = new_y = (slope * (x0 - new_x) - y0) % SECP_P', (ctx) => {
  const [slope, x0, newX, y0, p] = scopeInts(ctx, 'slope', 'x0', 'new_x', 'y0', 'SECP_P');
  const v = mod(slope * (x0 - newX) - y0, p);
  bindLocals(ctx, { value: v, new_y: v });
});

// secp#17: ec_mul_inner's lowest bit of the scalar.
defineHint('memory[ap] = (ids.scalar % PRIME) % 2', (ctx) => {
  writeAp(ctx, mod(idsInt(ctx, 'scalar', '%'), getPrime()) % 2n);
});
