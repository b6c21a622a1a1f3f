// Limb packing/splitting the field hints define for themselves (`pack(z, num_bits_shift)`,
// `split(num, num_bits_shift, length)`) and writing limbs into ids. The shared Python semantics
// (operators, math_utils, the exec scope) are in ../../lib.
import type { HintContext } from '../../hint';

/** A hint's own `pack(z, num_bits_shift)`: sum(limb << (shift * i)) over the felt limbs (unsigned). */
export function packLimbs(ctx: HintContext, name: string, limbs: readonly string[], shift = 128n): bigint {
  let r = 0n;
  for (let i = limbs.length - 1; i >= 0; i--) r = (r << shift) + ctx.ids.big(`${name}.${limbs[i]}`);
  return r;
}

/** A hint's own `split(num, num_bits_shift, length)`: `length` limbs `num & mask`, then `num >>= shift`. */
export function splitLimbs(num: bigint, shift: bigint, length: number): bigint[] {
  const mask = (1n << shift) - 1n;
  const out: bigint[] = [];
  for (let i = 0; i < length; i++) {
    out.push(num & mask);
    num >>= shift;
  }
  return out;
}

/** Writes limbs into `name.<limb>` in order (`ids.q.d0 = ...; ids.q.d1 = ...`). */
export function setLimbs(ctx: HintContext, name: string, limbNames: readonly string[], values: readonly bigint[]): void {
  for (let i = 0; i < limbNames.length; i++) ctx.ids.set(`${name}.${limbNames[i]}`, values[i]);
}

export const D3 = ['d0', 'd1', 'd2'] as const;
export const D4 = ['d0', 'd1', 'd2', 'd3'] as const;
export const D6 = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'] as const;
export const LOW_HIGH = ['low', 'high'] as const;
