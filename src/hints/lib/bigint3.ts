// Three-limb big integers (BigInt3, base 2^86) as cairo-lang's secp_utils / bigint helpers use.
import { asInt } from './math-utils';
import { HintError } from '../errors';

export const BASE = 1n << 86n;
export const SECP_P = (1n << 256n) - (1n << 32n) - 977n;
export const SECP_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
export const SECP256R1_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
export const SECP256R1_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
export const SECP256R1_ALPHA = 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn;

/** pack(z, prime): sum of as_int(limb) * BASE^i (limbs are signed). */
export function pack(limbs: readonly bigint[], prime?: bigint): bigint {
  let r = 0n;
  for (let i = 0; i < limbs.length; i++) r += asInt(limbs[i], prime) * BASE ** BigInt(i);
  return r;
}

/** split(num): three limbs of 86 bits; the reference asserts num < 2^258 (and >= 0). */
export function split(num: bigint, nLimbs = 3): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < nLimbs; i++) {
    out.push(num & (BASE - 1n));
    num >>= 86n;
  }
  if (num !== 0n) throw new HintError('AssertionError', ''); // the reference's bare `assert num == 0`
  return out;
}
