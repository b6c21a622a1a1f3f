// The Python dicts behind Cairo dicts (cairo-lang's common/dict.py: DictManager, DictTracker).
// A hint keeps one DictManager in its exec scope as `__dict_manager`; each Cairo dict is a memory
// segment, and the manager maps the segment index to a tracker holding the dict's current
// content and the pointer to the first unused DictAccess of the segment.
import { HintError } from '../../errors';
import { Memory } from '../../../vm/memory';
import { Relocatable, Value, valueToString } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';

/** A key of a Python dict built by hints: a Python int (a felt) or an address. */
export type DictKey = bigint | Relocatable;

/** The scope variable name the dict hints use. */
export const DICT_MANAGER = '__dict_manager';

/** A Cairo value as a dict key (felts become Python ints). */
export function toDictKey(v: Value | bigint): DictKey {
  return v instanceof Relocatable ? v : F.big(v);
}

function keyId(k: DictKey): string {
  return typeof k === 'bigint' ? k.toString() : `@${k.segment}:${k.offset}`;
}

/** Python's repr() of a key, as a KeyError shows it. */
export function keyRepr(k: DictKey): string {
  return typeof k === 'bigint' ? k.toString() : `RelocatableValue(segment_index=${k.segment}, offset=${k.offset})`;
}

/**
 * A Python dict from keys to Cairo values, in insertion order; with a default value it is a
 * `defaultdict(lambda: default_value)`: reading a missing key inserts the default.
 */
export class PyDict {
  private readonly map = new Map<string, [DictKey, Value]>();

  constructor(readonly defaultValue?: Value) {}

  get size(): number {
    return this.map.size;
  }

  has(key: DictKey): boolean {
    return this.map.has(keyId(key));
  }

  /** `d[key]`: KeyError for a missing key of a plain dict. */
  get(key: DictKey, codeLine?: string): Value {
    const id = keyId(key);
    const hit = this.map.get(id);
    if (hit !== undefined) return hit[1];
    if (this.defaultValue === undefined) throw new HintError('KeyError', keyRepr(key), codeLine);
    this.map.set(id, [key, this.defaultValue]);
    return this.defaultValue;
  }

  /** `d[key] = value`. */
  set(key: DictKey, value: Value): void {
    const id = keyId(key);
    const hit = this.map.get(id);
    if (hit !== undefined) hit[1] = value;
    else this.map.set(id, [key, value]);
  }

  entries(): [DictKey, Value][] {
    return [...this.map.values()].map(([k, v]) => [k, v]);
  }

  /** `dict(d)`: a plain copy (a defaultdict's default is not kept). */
  copy(): PyDict {
    const out = new PyDict();
    for (const [k, v] of this.map.values()) out.set(k, v);
    return out;
  }
}

/** What `new_dict` accepts as values: a Cairo value, or a list/tuple (it becomes a new segment). */
export type InitialValue = Value | bigint | readonly InitialValue[];

export class DictTracker {
  constructor(
    /** The dict's current content. */
    readonly data: PyDict,
    /** The first unused position in the dict segment. */
    public currentPtr: Relocatable,
  ) {}
}

/** One dict as the debugger's "Hint scopes" view shows it. */
export interface DictView {
  segment: number;
  currentPtr: string;
  /** The default value of a default dict (decimal felt or s:o), undefined for a plain dict. */
  defaultValue?: string;
  entries: { key: string; value: string }[];
}

export class DictManager {
  /** Trackers by the segment index of their dict. */
  readonly trackers = new Map<number, DictTracker>();

  /** new_dict(segments, initial_dict): a new dict segment holding initial_dict's entries. */
  newDict(mem: Memory, initial: PyDict | ReadonlyMap<DictKey | number, InitialValue>): Relocatable {
    const base = mem.addSegment();
    if (this.trackers.has(base.segment)) throw new HintError('AssertionError', '');
    const data = new PyDict();
    const pairs: [DictKey | number, InitialValue][] = initial instanceof PyDict ? initial.entries() : [...initial.entries()];
    for (const [k, v] of pairs) data.set(typeof k === 'number' ? BigInt(k) : k, genArg(mem, v));
    this.trackers.set(base.segment, new DictTracker(data, base));
    return base;
  }

  /** new_default_dict(segments, default_value, temp_segment). */
  newDefaultDict(mem: Memory, defaultValue: Value, tempSegment = false): Relocatable {
    const base = tempSegment ? mem.addTempSegment() : mem.addSegment();
    if (this.trackers.has(base.segment)) throw new HintError('AssertionError', '');
    this.trackers.set(base.segment, new DictTracker(new PyDict(defaultValue), base));
    return base;
  }

  /** get_tracker(dict_ptr): the tracker of the dict dict_ptr points into, which must be its current end. */
  getTracker(dictPtr: Value): DictTracker {
    if (!(dictPtr instanceof Relocatable)) {
      throw new HintError('AttributeError', "'int' object has no attribute 'segment_index'");
    }
    const tracker = this.trackers.get(dictPtr.segment);
    if (tracker === undefined) {
      throw new HintError('ValueError', `Dictionary pointer ${dictPtr} was not created using dict_new().`);
    }
    if (!tracker.currentPtr.equals(dictPtr)) {
      throw new HintError('AssertionError', `Wrong dict pointer supplied. Got ${dictPtr}, expected ${tracker.currentPtr}.`);
    }
    return tracker;
  }

  /** get_dict(dict_ptr). */
  getDict(dictPtr: Value): PyDict {
    return this.getTracker(dictPtr).data;
  }

  /** Every dict: its segment, current pointer and entries (key -> value), for display. */
  listDicts(): DictView[] {
    return [...this.trackers.entries()].map(([segment, t]) => ({
      segment,
      currentPtr: t.currentPtr.toString(),
      ...(t.data.defaultValue !== undefined ? { defaultValue: valueToString(t.data.defaultValue) } : {}),
      entries: t.data.entries().map(([k, v]) => ({ key: typeof k === 'bigint' ? k.toString() : k.toString(), value: valueToString(v) })),
    }));
  }
}

/** segments.gen_arg(value): lists become new segments (recursively), ints are reduced modulo P. */
export function genArg(mem: Memory, v: InitialValue): Value {
  if (Array.isArray(v)) {
    const base = mem.addSegment();
    const items = (v as readonly InitialValue[]).map((x) => genArg(mem, x));
    items.forEach((x, i) => mem.writeAt(base.add(i), x));
    return base;
  }
  if (v instanceof Relocatable) return v;
  return F.toFelt(v as bigint | number);
}
