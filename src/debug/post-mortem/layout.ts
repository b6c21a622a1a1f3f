// Where the segments were: a relocated file is one flat address space, and Cairn's debugger
// reads segments. cairo-run lays them out in order from address 1 (program, execution, the
// builtins, the entrypoint's return-fp and end segments, then those hints added), so the
// program length, the initial fp and the initial stack tell the borders of all but the last
// group: segments added while running sit back to back with nothing to tell them apart, and are
// shown as one segment.
import { Relocatable } from '../../vm/relocatable';
import { RecordingError } from './files';

export interface SegmentSpan {
  segment: number;
  base: number;
  name: string;
}

export class Layout {
  /** By segment number; `base` ascending. */
  readonly spans: SegmentSpan[];

  constructor(
    readonly executionBase: number,
    builtinBases: number[],
    builtinNames: string[],
    /** The address right after the builtin segments: the return-fp segment (empty) is there. */
    readonly hintBase: number,
    readonly end: number,
  ) {
    this.spans = [
      { segment: 0, base: 1, name: 'program' },
      { segment: 1, base: executionBase, name: 'execution' },
      ...builtinBases.map((base, i) => ({ segment: 2 + i, base, name: builtinNames[i] })),
      { segment: 2 + builtinBases.length, base: hintBase, name: 'return fp of the entrypoint' },
      { segment: 3 + builtinBases.length, base: hintBase, name: 'end (return address of the entrypoint)' },
      { segment: 4 + builtinBases.length, base: hintBase, name: 'segments added while running (a relocated file does not keep their borders)' },
    ];
    for (let i = 1; i < this.spans.length; i++) {
      if (this.spans[i].base < this.spans[i - 1].base) throw new RecordingError(`The memory file's segments are out of order (${this.spans[i].name} at ${this.spans[i].base}): is the program JSON the one that ran?`);
    }
  }

  get hintSegment(): number {
    return this.spans.length - 1;
  }

  /** The first address after a segment (its last cell + 1). */
  limit(segment: number): number {
    return segment + 1 < this.spans.length ? this.spans[segment + 1].base : this.end;
  }

  /** The segment an address is in (of segments that share a base, the last: the others are empty). */
  segmentOf(address: number): number {
    let lo = 0;
    let hi = this.spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.spans[mid].base <= address) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * An address as a segment and offset; `hint` is preferred when the address is in it or just
   * past its end (or anywhere past a builtin's base: its unwritten output cells have no place in
   * the file, so a pointer into them may run past its relocated end).
   */
  toRelocatable(address: number, hint?: number): Relocatable {
    if (hint !== undefined && address >= this.spans[hint].base && (address <= this.limit(hint) || this.isBuiltin(hint))) return new Relocatable(hint, address - this.spans[hint].base);
    const s = this.segmentOf(address);
    return new Relocatable(s, address - this.spans[s].base);
  }

  private isBuiltin(segment: number): boolean {
    return segment >= 2 && segment < this.spans.length - 3;
  }

  address(segment: number, offset: number): number | undefined {
    const span = this.spans[segment];
    return span === undefined ? undefined : span.base + offset;
  }
}
