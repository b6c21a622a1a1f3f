// Bit extraction hints of the secp scalar-multiplication code: quad_bit, dibit, highest bit
// length, and the low 128 bits of a BigInt3.
import { defineHint } from '../../hint';
import { code, idsInt } from '../../lib/py';
import { pyShr } from './py';
import { bitLength } from '../../lib/py';

// secp#29
const QUAD_BIT = [
  'ids.quad_bit = (',
  '    8 * ((ids.scalar_v >> ids.m) & 1)',
  '    + 4 * ((ids.scalar_u >> ids.m) & 1)',
  '    + 2 * ((ids.scalar_v >> (ids.m - 1)) & 1)',
  '    + ((ids.scalar_u >> (ids.m - 1)) & 1)',
  ')',
];
defineHint(code(...QUAD_BIT), (ctx) => {
  const v = idsInt(ctx, 'scalar_v', '>>');
  const u = idsInt(ctx, 'scalar_u', '>>');
  const m = idsInt(ctx, 'm', '-');
  const bit = (s: bigint, n: bigint) => pyShr(s, n) & 1n;
  ctx.ids.set('quad_bit', 8n * bit(v, m) + 4n * bit(u, m) + 2n * bit(v, m - 1n) + bit(u, m - 1n));
});

// secp#31
defineHint('ids.dibit = ((ids.scalar_u >> ids.m) & 1) + 2 * ((ids.scalar_v >> ids.m) & 1)', (ctx) => {
  const u = idsInt(ctx, 'scalar_u', '>>');
  const m = idsInt(ctx, 'm', '-');
  const v = idsInt(ctx, 'scalar_v', '>>');
  ctx.ids.set('dibit', (pyShr(u, m) & 1n) + 2n * (pyShr(v, m) & 1n));
});

// secp#30
defineHint('ids.len_hi = max(ids.scalar_u.d2.bit_length(), ids.scalar_v.d2.bit_length())-1', (ctx) => {
  const a = bitLength(idsInt(ctx, 'scalar_u.d2', '>>'));
  const b = bitLength(idsInt(ctx, 'scalar_v.d2', '>>'));
  ctx.ids.set('len_hi', (a > b ? a : b) - 1n);
});

// secp#15
defineHint('ids.low = (ids.x.d0 + ids.x.d1 * ids.BASE) & ((1 << 128) - 1)', (ctx) => {
  const d0 = idsInt(ctx, 'x.d0', '+');
  const d1 = idsInt(ctx, 'x.d1', '*');
  const base = ctx.ids.const('BASE');
  ctx.ids.set('low', (d0 + d1 * base) & ((1n << 128n) - 1n));
});
