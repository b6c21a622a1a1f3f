// The poseidon builtin: instances of 6 cells, a 3-felt state and the Hades permutation of it
// (StarkNet's Poseidon parameters: 8 full rounds, 83 partial rounds).
import { BuiltinRunner, builtinError } from './builtin';
import { poseidonPermutation } from './poseidon-wasm';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { Felt } from '../vm/felt';

export { poseidonPermutation };

export class PoseidonBuiltin extends BuiltinRunner {
  readonly name = 'poseidon';
  readonly cellsPerInstance = 6;
  readonly inputCells = 3;
  /** Outputs by offset: the whole state is computed when one cell is asked for. */
  readonly cache = new Map<number, Felt>();
  private rule: Deducer | undefined;

  override deducer(): Deducer {
    if (this.rule !== undefined) return this.rule;
    const cache = this.cache;
    const name = this.name;
    this.rule = (mem: Memory, seg: number, off: number): Value | undefined => {
      const index = off % 6;
      if (index < 3) return undefined;
      const hit = cache.get(off);
      if (hit !== undefined) return hit;
      const first = off - index;
      const s0 = mem.get(seg, first);
      const s1 = mem.get(seg, first + 1);
      const s2 = mem.get(seg, first + 2);
      if (s0 === undefined || s1 === undefined || s2 === undefined) return undefined;
      const ins = [s0, s1, s2];
      for (let i = 0; i < 3; i++) {
        const v = ins[i];
        if (typeof v === 'object') throw builtinError(`${name} builtin: Expected integer at address ${seg}:${first + i}. Got: ${valueToString(v)}.`);
      }
      const out = poseidonPermutation(s0 as Felt, s1 as Felt, s2 as Felt);
      for (let i = 0; i < 3; i++) cache.set(first + 3 + i, out[i]);
      return out[index - 3];
    };
    return this.rule;
  }
}
