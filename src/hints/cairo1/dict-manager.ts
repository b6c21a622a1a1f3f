// The Felt252Dict tracker (cairo-lang-runner's DictManagerExecScope): one tracker per dict
// segment with the current value of each key and the dict's index in the dict_infos segment.
// The first dict gets a real segment, later ones temporary segments that the program's
// wrapper relocates after the first one (AddRelocationRule).
import type { Memory } from '../../vm/memory';
import { Relocatable, Value } from '../../vm/relocatable';
import { Felt } from '../../vm/felt';
import { VmError } from '../../vm/errors';

interface Tracker {
  readonly data: Map<Felt, Value>;
  readonly index: number;
}

export class DictManager {
  private readonly trackers = new Map<number, Tracker>();

  newDict(mem: Memory, noTemporarySegments = false): Relocatable {
    const seg = this.trackers.size === 0 || noTemporarySegments ? mem.addSegment() : mem.addTempSegment();
    if (this.trackers.has(seg.segment)) throw new VmError('Hint', 'Segment index already in use.');
    this.trackers.set(seg.segment, { data: new Map(), index: this.trackers.size });
    return seg;
  }

  private tracker(dictEnd: Relocatable): Tracker {
    const t = this.trackers.get(dictEnd.segment);
    if (t === undefined) throw new VmError('Hint', `The given value does not point to a known dictionary (${dictEnd}).`);
    return t;
  }

  index(dictEnd: Relocatable): number {
    return this.tracker(dictEnd).index;
  }

  get(dictEnd: Relocatable, key: Felt): Value | undefined {
    return this.tracker(dictEnd).data.get(key);
  }

  set(dictEnd: Relocatable, key: Felt, value: Value): void {
    this.tracker(dictEnd).data.set(key, value);
  }
}
