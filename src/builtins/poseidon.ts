// The poseidon builtin: instances of 6 cells, a 3-felt state and the Hades permutation of it
// (StarkNet's Poseidon parameters: 8 full rounds, 83 partial rounds).
import { poseidonSmall } from '@scure/starknet';
import { BuiltinRunner, builtinError } from './builtin';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { Felt, PRIME, big, fromReduced } from '../vm/felt';
import type { VirtualMachine } from '../vm/vm';

// StarkNet's round constants come from @scure/starknet; the rounds themselves are inlined here
// (the MDS matrix [[3,1,1],[1,-1,1],[1,1,-2]] is additions only), 2-3x faster than its generic
// field code.
const RC: bigint[][] = poseidonSmall.roundConstants;
const FULL_HALF = 4;
const PARTIAL = 83;

/** The Hades permutation of a 3-felt state (cairo-lang's poseidon_perm). */
export function poseidonPermutation(a: Felt, b: Felt, c: Felt): Felt[] {
  const p = PRIME;
  let s0 = big(a);
  let s1 = big(b);
  let s2 = big(c);
  let r = 0;
  const round = (full: boolean): void => {
    const k = RC[r++];
    s0 = (s0 + k[0]) % p;
    s1 = (s1 + k[1]) % p;
    s2 = (s2 + k[2]) % p;
    if (full) {
      s0 = (((s0 * s0) % p) * s0) % p;
      s1 = (((s1 * s1) % p) * s1) % p;
    }
    s2 = (((s2 * s2) % p) * s2) % p;
    const t = s0 + s1 + s2;
    s0 = (t + 2n * s0) % p;
    s1 = (t - 2n * s1) % p;
    s2 = (t - 3n * s2) % p;
    if (s1 < 0n) s1 += p;
    if (s2 < 0n) s2 += p;
  };
  for (let i = 0; i < FULL_HALF; i++) round(true);
  for (let i = 0; i < PARTIAL; i++) round(false);
  for (let i = 0; i < FULL_HALF; i++) round(true);
  return [fromReduced(s0), fromReduced(s1), fromReduced(s2)];
}

export class PoseidonBuiltin extends BuiltinRunner {
  readonly name = 'poseidon';
  readonly cellsPerInstance = 6;
  readonly inputCells = 3;
  /** Outputs by offset: the whole state is computed when one cell is asked for. */
  readonly cache = new Map<number, Felt>();
  private rule: Deducer | undefined;

  override addRules(vm: VirtualMachine): void {
    vm.mem.deducers[this.base.segment] = this.deducer();
  }

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
