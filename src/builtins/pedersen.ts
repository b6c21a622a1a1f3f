// The pedersen builtin (cairo-lang's HashBuiltinRunner): instances of 3 cells x, y, hash(x, y).
import { pedersen } from '@scure/starknet';
import { BuiltinRunner, builtinError } from './builtin';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { Felt, big, fromReduced } from '../vm/felt';
import type { VirtualMachine } from '../vm/vm';

/** Pedersen hash of two felts, as a felt. */
export function pedersenHash(x: Felt, y: Felt): Felt {
  return fromReduced(BigInt(pedersen(big(x), big(y))));
}

export class PedersenBuiltin extends BuiltinRunner {
  readonly name = 'pedersen';
  readonly cellsPerInstance = 3;
  readonly inputCells = 2;
  /**
   * Output offsets already deduced: cairo-lang's rule answers nothing for them afterwards, so
   * end-of-run verification does not hash them twice.
   */
  readonly verified = new Set<number>();
  private rule: Deducer | undefined;

  override addRules(vm: VirtualMachine): void {
    vm.mem.deducers[this.base.segment] = this.deducer();
  }

  override deducer(): Deducer {
    if (this.rule !== undefined) return this.rule;
    const verified = this.verified;
    const name = this.name;
    this.rule = (mem: Memory, seg: number, off: number): Value | undefined => {
      if (off % 3 !== 2 || verified.has(off)) return undefined;
      const x = mem.get(seg, off - 2);
      const y = mem.get(seg, off - 1);
      if (x === undefined || y === undefined) return undefined;
      if (typeof x === 'object') throw builtinError(`${name} builtin: Expected integer at address ${seg}:${off - 2}. Got: ${valueToString(x)}.`);
      if (typeof y === 'object') throw builtinError(`${name} builtin: Expected integer at address ${seg}:${off - 1}. Got: ${valueToString(y)}.`);
      const res = pedersenHash(x, y);
      verified.add(off);
      return res;
    };
    return this.rule;
  }
}
