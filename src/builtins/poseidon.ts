// The poseidon builtin: instances of 6 cells, a 3-felt state and the Hades permutation of it
// (StarkNet's Poseidon parameters: 8 full rounds, 83 partial rounds).
import { poseidonSmall } from '@scure/starknet';
import { BuiltinRunner, builtinError } from './builtin';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { Felt, PRIME, big, fromReduced } from '../vm/felt';

// StarkNet's round constants come from @scure/starknet; the rounds themselves are inlined here
// (the MDS matrix [[3,1,1],[1,-1,1],[1,1,-2]] is additions only), 2-3x faster than its generic
// field code.
const RC: bigint[][] = poseidonSmall.roundConstants;
const K0 = RC.map((k) => k[0]);
const K1 = RC.map((k) => k[1]);
const K2 = RC.map((k) => k[2]);
const FULL_HALF = 4;
const PARTIAL = 83;

// BigInt `%` (a division) is the costly operation here, so it is used once per cube only:
// a state element plus its round constant is below 2p (constants are reduced), its cube below
// 8p^3, and one `%` of x*x*x reduces it. The MDS mix of values below 2p stays within (-4p, 9p)
// and is brought back into [0, p) by comparisons with multiples of p and one add or subtract.
const P = PRIME;
const P2 = 2n * P;
const P3 = 3n * P;
const P4 = 4n * P;
const P5 = 5n * P;
const P6 = 6n * P;
const P7 = 7n * P;
const P8 = 8n * P;
const N1 = -P;
const N2 = -P2;
const N3 = -P3;

/** x mod p for x in (-4p, 9p). */
function reduceSmall(x: bigint): bigint {
  if (x < 0n) {
    if (x >= N1) return x + P;
    if (x >= N2) return x + P2;
    if (x >= N3) return x + P3;
    return x + P4;
  }
  if (x < P) return x;
  if (x < P2) return x - P;
  if (x < P3) return x - P2;
  if (x < P4) return x - P3;
  if (x < P5) return x - P4;
  if (x < P6) return x - P5;
  if (x < P7) return x - P6;
  if (x < P8) return x - P7;
  return x - P8;
}

/** The Hades permutation of a 3-felt state (cairo-lang's poseidon_perm). */
export function poseidonPermutation(a: Felt, b: Felt, c: Felt): Felt[] {
  const p = P;
  let s0 = big(a);
  let s1 = big(b);
  let s2 = big(c);
  // Full rounds (the first and last FULL_HALF) cube every element; partial rounds only s2.
  // Inputs stay below 2p (s < p plus a constant), so t < 5p and the mix lies in (-4p, 9p).
  const rounds = 2 * FULL_HALF + PARTIAL;
  for (let r = 0; r < rounds; r++) {
    const full = r < FULL_HALF || r >= FULL_HALF + PARTIAL;
    let x0 = s0 + K0[r];
    let x1 = s1 + K1[r];
    let x2 = s2 + K2[r];
    if (full) {
      x0 = (x0 * x0 * x0) % p;
      x1 = (x1 * x1 * x1) % p;
    }
    x2 = (x2 * x2 * x2) % p;
    const t = x0 + x1 + x2;
    s0 = reduceSmall(t + (x0 << 1n));
    s1 = reduceSmall(t - (x1 << 1n));
    s2 = reduceSmall(t - 3n * x2);
  }
  return [fromReduced(s0), fromReduced(s1), fromReduced(s2)];
}

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
