// Write-once segmented memory (cairo-lang's MemoryDict + ValidatedMemoryDict + segment manager).
// Segments are plain arrays indexed by offset; temporary segments (negative indices) live in a
// second list. Every first write is logged, because the reference memory file lists cells in
// first-write order.
import { Relocatable, Value, valuesEqual, valueToString, MAX_OFFSET } from './relocatable';
import { VmError } from './errors';

export type Cell = Value | undefined;
export type Segment = Cell[];
/** May compute the value of a cell from others (builtins); undefined when it cannot. */
export type Deducer = (mem: Memory, segment: number, offset: number) => Value | undefined;
/** Checks a value written into a segment (range_check, signature); throws VmError. */
export type Validator = (mem: Memory, segment: number, offset: number, value: Value) => void;

/** Int32s per log chunk (an even number: a pair never straddles two chunks). */
export const LOG_CHUNK = 1 << 20;

export class Memory {
  /** segments[i] for i >= 0. */
  readonly segments: Segment[] = [];
  /** temp[k] is segment -(k + 1). */
  readonly temp: Segment[] = [];
  readonly deducers: (Deducer | undefined)[] = [];
  /** A debugger's read-only view of a run's memory (history.ts): a rule must keep no state from its reads. */
  readonly isView: boolean = false;
  readonly validators: (Validator | undefined)[] = [];
  readonly relocationRules = new Map<number, Relocatable>();
  /** Sizes fixed by finalize() (builtins, program); others use their used size. */
  readonly finalizedSizes = new Map<number, number>();
  /**
   * Pairs (segment, offset) of first writes, in order, in fixed-size chunks: growing never
   * copies, so a long run's peak memory does not hold an old and a new log at once.
   */
  private chunks: Int32Array[] = [new Int32Array(LOG_CHUNK)];
  private chunk = this.chunks[0];
  private chunkLen = 0;
  private logLen = 0;
  frozen = false;

  get numSegments(): number {
    return this.segments.length;
  }
  get numTempSegments(): number {
    return this.temp.length;
  }
  /** Number of cells written (cairo-run's "Used memory cells"). */
  get size(): number {
    return this.logLen >> 1;
  }

  addSegment(): Relocatable {
    this.segments.push([]);
    return new Relocatable(this.segments.length - 1, 0);
  }

  addTempSegment(): Relocatable {
    this.temp.push([]);
    return new Relocatable(-this.temp.length, 0);
  }

  segment(index: number): Segment | undefined {
    return index >= 0 ? this.segments[index] : this.temp[-index - 1];
  }

  /** The value at an address, or undefined (no auto-deduction; relocation rules applied). */
  get(segment: number, offset: number): Cell {
    const data = segment >= 0 ? this.segments[segment] : this.temp[-segment - 1];
    if (data === undefined) return undefined;
    const v = data[offset];
    if (this.relocationRules.size !== 0 && typeof v === 'object') return this.relocateValue(v);
    return v;
  }

  getAt(addr: Relocatable): Cell {
    return this.get(addr.segment, addr.offset);
  }

  /** The value at an address, deducing it through builtins' rules if absent; throws if unknown. */
  read(segment: number, offset: number): Value {
    const v = this.get(segment, offset);
    if (v !== undefined) return v;
    const d = this.deduce(segment, offset);
    if (d !== undefined) return d;
    throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${segment}:${offset}.`);
  }

  readAt(addr: Relocatable): Value {
    return this.read(addr.segment, addr.offset);
  }

  /** Runs the segment's auto-deduction rule; a deduced value is written (as cairo-lang does). */
  deduce(segment: number, offset: number): Value | undefined {
    const rule = segment >= 0 ? this.deducers[segment] : undefined;
    if (rule === undefined) return undefined;
    const v = rule(this, segment, offset);
    if (v !== undefined) this.write(segment, offset, v);
    return v;
  }

  write(segment: number, offset: number, value: Value): void {
    const data = segment >= 0 ? this.segments[segment] : this.temp[-segment - 1];
    if (data === undefined || offset < 0 || offset > MAX_OFFSET) this.badAddress(segment, offset);
    const cur = data[offset];
    if (cur !== undefined) {
      if (cur !== value && !valuesEqual(cur, value)) {
        throw new VmError('InconsistentMemory',
          `Inconsistent memory assignment at address ${segment}:${offset}. ${valueToString(cur)} != ${valueToString(value)}.`);
      }
      return;
    }
    if (this.frozen) throw new VmError('InvalidAddress', 'Memory is frozen and cannot be changed.');
    data[offset] = value;
    this.logWrite(segment, offset);
    const check = segment >= 0 ? this.validators[segment] : undefined;
    if (check !== undefined) check(this, segment, offset, value);
  }

  writeAt(addr: Relocatable, value: Value): void {
    this.write(addr.segment, addr.offset, value);
  }

  /** Writes consecutive values; returns the address after the last one. */
  load(addr: Relocatable, values: readonly Value[]): Relocatable {
    for (let i = 0; i < values.length; i++) this.write(addr.segment, addr.offset + i, values[i]);
    return new Relocatable(addr.segment, addr.offset + values.length);
  }

  private logWrite(segment: number, offset: number): void {
    if (this.chunkLen === LOG_CHUNK) {
      this.chunk = new Int32Array(LOG_CHUNK);
      this.chunks.push(this.chunk);
      this.chunkLen = 0;
    }
    this.chunk[this.chunkLen++] = segment;
    this.chunk[this.chunkLen++] = offset;
    this.logLen += 2;
  }

  private badAddress(segment: number, offset: number): never {
    if (offset < 0) throw new VmError('InvalidAddress', `The offset of a relocatable value must be nonnegative. Found: ${segment}:${offset}.`);
    if (offset > MAX_OFFSET) throw new VmError('OffsetOverflow', `Memory address ${segment}:${offset} is beyond the largest offset Cairn supports (2^40).`);
    throw new VmError('InvalidAddress', `Memory address ${segment}:${offset} is in a segment that does not exist.`);
  }

  /** Visits every written cell in first-write order. */
  forEachWritten(fn: (segment: number, offset: number) => void): void {
    let left = this.logLen;
    for (const c of this.chunks) {
      const n = Math.min(left, LOG_CHUNK);
      for (let i = 0; i < n; i += 2) fn(c[i], c[i + 1]);
      left -= n;
    }
  }

  /** The log's chunks and its length in int32s (pairs (segment, offset)); chunks hold LOG_CHUNK each. */
  writeLogChunks(): { chunks: readonly Int32Array[]; length: number } {
    return { chunks: this.chunks, length: this.logLen };
  }

  /** Segment of the i-th written cell (first-write order). */
  loggedSegment(i: number): number {
    const k = 2 * i;
    return this.chunks[(k / LOG_CHUNK) | 0][k % LOG_CHUNK];
  }
  /** Offset of the i-th written cell. */
  loggedOffset(i: number): number {
    const k = 2 * i + 1;
    return this.chunks[(k / LOG_CHUNK) | 0][k % LOG_CHUNK];
  }

  /** The whole log as one array (a copy: O(cells); for tools, not for hot paths). */
  writeLog(): { log: Int32Array; length: number } {
    const log = new Int32Array(Math.max(2, this.logLen));
    let at = 0;
    for (const c of this.chunks) {
      const n = Math.min(this.logLen - at, LOG_CHUNK);
      if (n <= 0) break;
      log.set(c.subarray(0, n), at);
      at += n;
    }
    return { log, length: this.logLen };
  }

  addRelocationRule(src: Relocatable, dest: Relocatable): void {
    if (src.segment >= 0) throw new VmError('InvalidAddress', `src_ptr.segment_index must be < 0, src_ptr=${src}.`);
    if (src.offset !== 0) throw new VmError('InvalidAddress', `src_ptr.offset must be 0, src_ptr=${src}.`);
    if (this.relocationRules.has(src.segment)) throw new VmError('InvalidAddress', `The segment with index ${src.segment} already has a relocation rule.`);
    this.relocationRules.set(src.segment, dest);
  }

  relocateValue(v: Relocatable): Relocatable {
    if (v.segment >= 0) return v;
    const rule = this.relocationRules.get(v.segment);
    if (rule === undefined) return v;
    const base = this.relocateValue(rule);
    return new Relocatable(base.segment, base.offset + v.offset);
  }

  /**
   * Applies the relocation rules to every address and value (end of run). Order is kept: a cell
   * keeps the place of its first write, even when it moved out of a temporary segment.
   */
  relocateMemory(): void {
    if (this.relocationRules.size === 0) return;
    const oldLog = this.writeLog().log.subarray(0, this.logLen);
    const oldSegments = this.segments.map((s) => s);
    const oldTemp = this.temp.map((s) => s);
    for (let i = 0; i < this.segments.length; i++) this.segments[i] = [];
    for (let i = 0; i < this.temp.length; i++) this.temp[i] = [];
    const validators = this.validators.splice(0);
    this.chunks = [new Int32Array(LOG_CHUNK)];
    this.chunk = this.chunks[0];
    this.chunkLen = 0;
    this.logLen = 0;
    for (let i = 0; i < oldLog.length; i += 2) {
      const seg = oldLog[i];
      const off = oldLog[i + 1];
      let v = (seg >= 0 ? oldSegments[seg] : oldTemp[-seg - 1])[off] as Value;
      if (typeof v === 'object') v = this.relocateValue(v);
      const addr = this.relocateValue(new Relocatable(seg, off));
      this.write(addr.segment, addr.offset, v);
    }
    validators.forEach((v, i) => (this.validators[i] = v));
    this.relocationRules.clear();
  }

  /** Used size of a segment: one past the highest written offset. */
  usedSize(index: number): number {
    return this.segment(index)?.length ?? 0;
  }

  /** Size a segment takes after relocation: finalized size, else its used size. */
  segmentSize(index: number): number {
    return this.finalizedSizes.get(index) ?? this.usedSize(index);
  }
}
