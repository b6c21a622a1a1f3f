// The ecdsa (signature) builtin: instances of 2 cells, public key and message hash. A hint
// gives the signature (addSignature); a validation rule verifies it once both cells are written.
import { BuiltinRunner, builtinError } from './builtin';
import { Memory } from '../vm/memory';
import { Relocatable, Value, valueToString } from '../vm/relocatable';
import { Felt, big, inv } from '../vm/felt';
import { CURVE } from '@scure/starknet';
import { CurveAssertion, EC_ORDER, FIELD_PRIME, Point, ALPHA, BETA, ecAdd, ecDouble, sqrtMod } from './stark-curve';
import type { VirtualMachine } from '../vm/vm';

const N_BITS = 251;
const LIMIT = 1n << 251n;
const SHIFT_POINT: Point = [
  0x49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804n,
  0x3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268an,
];
const MINUS_SHIFT_POINT: Point = [SHIFT_POINT[0], FIELD_PRIME - SHIFT_POINT[1]];
const EC_GEN: Point = [CURVE.Gx, CURVE.Gy];

/** m * point + shift, with the AIR's steps; throws CurveAssertion where the AIR would fail. */
function mimicEcMultAir(m: bigint, point: Point, shift: Point): Point {
  if (!(m > 0n && m < LIMIT)) throw new CurveAssertion('');
  let sum = shift;
  for (let i = 0; i < N_BITS; i++) {
    if (sum[0] === point[0]) throw new CurveAssertion('');
    if (m & 1n) sum = ecAdd(sum, point);
    point = ecDouble(point);
    m >>= 1n;
  }
  return sum;
}

/**
 * cairo-lang's signature.verify with the public key given by its x coordinate (both y tried).
 * Out-of-range r, s, w or message hash fail with cairo-lang's assertion text.
 */
export function verifyEcdsa(msgHash: bigint, r: bigint, s: bigint, publicKey: bigint | Point): boolean {
  if (!(s >= 1n && s < EC_ORDER)) throw builtinError(`s = ${s}`);
  const w = inv(s, EC_ORDER);
  if (!(r >= 1n && r < LIMIT)) throw builtinError(`r = ${r}`);
  if (!(w >= 1n && w < LIMIT)) throw builtinError(`w = ${w}`);
  if (!(msgHash >= 0n && msgHash < LIMIT)) throw builtinError(`msg_hash = ${msgHash}`);
  if (typeof publicKey === 'bigint') {
    const x = publicKey;
    const y = sqrtMod(x * x * x + ALPHA * x + BETA);
    if (y === undefined) return false;
    return verifyEcdsa(msgHash, r, s, [x, y]) || verifyEcdsa(msgHash, r, s, [x, (FIELD_PRIME - y) % FIELD_PRIME]);
  }
  try {
    const zG = mimicEcMultAir(msgHash, EC_GEN, MINUS_SHIFT_POINT);
    const rQ = mimicEcMultAir(r, publicKey, SHIFT_POINT);
    const wB = mimicEcMultAir(w, ecAdd(zG, rQ), SHIFT_POINT);
    return ecAdd(wB, MINUS_SHIFT_POINT)[0] === r;
  } catch (e) {
    if (e instanceof CurveAssertion) return false;
    throw e;
  }
}

export class EcdsaBuiltin extends BuiltinRunner {
  readonly name = 'ecdsa';
  readonly cellsPerInstance = 2;
  readonly inputCells = 2;
  /** Signatures (r, s) by the offset of their public-key cell, given by hints. */
  readonly signatures = new Map<number, [bigint, bigint]>();

  /**
   * For hints (`ecdsa_builtin.add_signature(addr, (r, s))`): records the signature of the
   * instance whose public key is at `addr`.
   */
  addSignature(addr: Value, signature: readonly [Felt | bigint, Felt | bigint]): void {
    if (typeof addr !== 'object') throw builtinError(`Expected memory address to be relocatable value. Found: ${valueToString(addr)}.`);
    if (addr.segment !== this.base.segment) throw builtinError(`Signature hint must point to the signature builtin segment, not ${addr}.`);
    if (addr.offset % 2 !== 0) throw builtinError(`Signature hint must point to the public key cell, not ${addr}.`);
    this.signatures.set(addr.offset, [big(signature[0]), big(signature[1])]);
  }

  override addRules(vm: VirtualMachine): void {
    const seg = this.base.segment;
    const check = (mem: Memory, segment: number, offset: number): void => this.validate(mem, segment, offset);
    vm.mem.validators[seg] = check;
    const cells = vm.mem.segment(seg) ?? [];
    for (let i = 0; i < cells.length; i++) if (cells[i] !== undefined) this.validate(vm.mem, seg, i);
  }

  private validate(mem: Memory, seg: number, offset: number): void {
    let keyOff: number;
    if (offset % 2 === 0 && mem.get(seg, offset + 1) !== undefined) keyOff = offset;
    else if (offset % 2 === 1 && mem.get(seg, offset - 1) !== undefined) keyOff = offset - 1;
    else return;
    const pubkey = mem.get(seg, keyOff) as Value;
    const msg = mem.get(seg, keyOff + 1) as Value;
    const keyAddr = new Relocatable(seg, keyOff);
    if (typeof pubkey === 'object') throw builtinError(`ECDSA builtin: Expected public key at address ${keyAddr} to be an integer. Got: ${pubkey}.`);
    if (typeof msg === 'object') throw builtinError(`ECDSA builtin: Expected message hash at address ${seg}:${keyOff + 1} to be an integer. Got: ${msg}.`);
    const sig = this.signatures.get(keyOff);
    if (sig === undefined) {
      throw builtinError(`Signature hint is missing for ECDSA builtin at address ${keyAddr}. Add it using 'ecdsa_builtin.add_signature'.`);
    }
    if (!verifyEcdsa(big(msg), sig[0], sig[1], big(pubkey))) {
      throw builtinError(`Signature (${sig[0]}, ${sig[1]}), is invalid, with respect to the public key ${pubkey}, and the message hash ${msg}.`);
    }
  }

  /** The AIR's signature input: r and w = s^-1 (process_ecdsa). */
  static processSignature(sig: [bigint, bigint]): { r: string; w: string } {
    return { r: '0x' + sig[0].toString(16), w: '0x' + inv(sig[1], EC_ORDER).toString(16) };
  }
}
