// Where the dict squash hints are between one hint and the next: the keys left and each key's
// access indices (kept in the run's Cairo 1 state, as DictSquashExecScope is in cairo-vm).
import { Felt } from '../../vm/felt';
import { VmError } from '../../vm/errors';

export class SquashState {
  /** Access indices per key, each list reversed so the next index is last. */
  readonly accessIndices = new Map<Felt, number[]>();
  /** Keys in decreasing order: the current key is last. */
  keys: Felt[] = [];

  currentKey(): Felt {
    const k = this.keys[this.keys.length - 1];
    if (k === undefined) throw new VmError('Hint', 'No dict key left to squash.');
    return k;
  }
  currentIndices(): number[] {
    return this.accessIndices.get(this.currentKey())!;
  }
  currentIndex(): number {
    const list = this.currentIndices();
    if (list.length === 0) throw new VmError('Hint', 'No access index left for the current key.');
    return list[list.length - 1];
  }
}
