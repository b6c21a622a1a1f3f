// Three-limb big integers (BigInt3, base 2^86) as cairo-lang's secp_utils / bigint helpers use.
import { asInt } from './math-utils';
import { HintError } from '../errors';
import type { HintContext } from '../hint';
import { assertInteger } from './py';

export const BASE = 1n << 86n;
export const SECP_P = (1n << 256n) - (1n << 32n) - 977n;
export const SECP_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
export const SECP256R1_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
export const SECP256R1_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
export const SECP256R1_ALPHA = 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn;
export const SECP256R1_BETA = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

/** pack(z, prime): sum of as_int(limb) * BASE^i (limbs are signed). */
export function pack(limbs: readonly bigint[], prime?: bigint): bigint {
  let r = 0n;
  for (let i = 0; i < limbs.length; i++) r += asInt(limbs[i], prime) * BASE ** BigInt(i);
  return r;
}

/**
 * secp_utils.pack(ids.<name>, prime) (PRIME unless given): the limbs (d0, d1, d2 by default) go through as_int, whose
 * assert_integer raises `Expected integer, found: ...` for an address.
 */
export function packIds(ctx: HintContext, name: string, codeLine?: string, limbs: readonly string[] = ['d0', 'd1', 'd2'], prime?: bigint): bigint {
  return pack(limbs.map((l) => assertInteger(ctx.ids.get(`${name}.${l}`), codeLine)), prime);
}

/** secp_utils.split(num): three limbs of 86 bits (divmod by BASE); then a bare `assert num == 0`. */
export function split(num: bigint, codeLine?: string): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < 3; i++) {
    out.push(num & (BASE - 1n));
    num >>= 86n;
  }
  if (num !== 0n) throw new HintError('AssertionError', '', codeLine);
  return out;
}
