// What the Sierra text of the debug file says about values: each type's declaration
// (`type [id] = Struct<ut@core::integer::u256, [a], [b]> [...]`) and each function's signature
// (`[id]@F3([0]: [t0], [1]: [t1]) -> (...)`, F3 being the label of its first statement). From
// them: how many cells a value of a type takes, as the Sierra-to-CASM compiler lays it out.
// The text carries no debug names: types are known by their declarations, parameters by position.
import { splitTopLevel } from '../split-top';

export interface SierraType {
  /** `felt252`, `u32`, `Array`, `Struct`, `Enum`, `Snapshot`, ... */
  generic: string;
  /** Generic arguments as written: `[123]` (a type), `ut@name` (a user type's name) or a number. */
  args: string[];
}

export interface SierraSignature {
  /** Label number of the function's first statement (`F3`). */
  label: number;
  /** The Sierra function's id (`[959263]@F3`). */
  id: number;
  /** Parameter types. */
  params: string[];
  /** Parameter variable ids, in the same order. */
  vars: number[];
}

/** Types whose values take one cell: numbers, builtin pointers, boxes and other handles. */
const ONE_CELL = new Set([
  'felt252', 'u8', 'u16', 'u32', 'u64', 'u128', 'i8', 'i16', 'i32', 'i64', 'i128', 'bytes31', 'BoundedInt',
  'Box', 'Nullable', 'Felt252Dict', 'RangeCheck', 'RangeCheck96', 'Bitwise', 'Pedersen', 'Poseidon', 'EcOp',
  'GasBuiltin', 'BuiltinCosts', 'SegmentArena', 'System', 'AddMod', 'MulMod',
  'ContractAddress', 'ClassHash', 'StorageAddress', 'StorageBaseAddress',
]);
/** The builtins and handles a function takes before the user's own parameters. */
export const IMPLICIT = new Set(['RangeCheck', 'RangeCheck96', 'Bitwise', 'Pedersen', 'Poseidon', 'EcOp', 'GasBuiltin', 'BuiltinCosts', 'SegmentArena', 'System', 'AddMod', 'MulMod']);

export class SierraTypes {
  readonly types = new Map<string, SierraType>();
  /** Signatures by label number. */
  readonly signatures = new Map<number, SierraSignature>();
  private readonly sizes = new Map<string, number | undefined>();

  constructor(sierra: string) {
    for (const line of sierra.split('\n')) {
      const t = /^type (\[\d+\]) = ([A-Za-z0-9_]+)(?:<(.*)>)? \[storable/.exec(line);
      if (t !== null) {
        this.types.set(t[1], { generic: t[2], args: t[3] === undefined ? [] : splitTop(t[3]) });
        continue;
      }
      const f = /^\[(\d+)\]@F(\d+)\((.*)\) -> \(/.exec(line);
      if (f !== null) {
        const params = f[3] === '' ? [] : splitTop(f[3]).map((p) => /^\[(\d+)\]: (\[\d+\])$/.exec(p));
        this.signatures.set(Number(f[2]), { label: Number(f[2]), id: Number(f[1]), params: params.map((m) => m?.[2] ?? '?'), vars: params.map((m) => (m === null ? -1 : Number(m[1]))) });
      }
    }
  }

  /** Cells a value of the type takes, or undefined for a type Cairn does not lay out. */
  size(id: string): number | undefined {
    if (this.sizes.has(id)) return this.sizes.get(id);
    this.sizes.set(id, undefined); // a recursive type has no size of its own
    const t = this.types.get(id);
    let n: number | undefined;
    if (t === undefined) n = undefined;
    else if (ONE_CELL.has(t.generic)) n = 1;
    else if (t.generic === 'Array' || t.generic === 'SquashedFelt252Dict' || t.generic === 'EcPoint') n = 2;
    else if (t.generic === 'EcState') n = 3;
    else if (t.generic === 'Snapshot' || t.generic === 'NonZero') n = this.size(t.args[0]);
    else if (t.generic === 'Struct') n = sum(t.args.slice(1).map((a) => this.size(a)));
    else if (t.generic === 'Enum') {
      const v = t.args.slice(1).map((a) => this.size(a));
      n = v.some((x) => x === undefined) ? undefined : 1 + Math.max(0, ...(v as number[]));
    }
    this.sizes.set(id, n);
    return n;
  }

  /** A type as a person reads it: `u32`, `Array<u32>`, `core::integer::u256`, `(u32, felt252)`. */
  name(id: string, depth = 0): string {
    const t = this.types.get(id);
    if (t === undefined || depth > 8) return id;
    const user = t.args[0]?.startsWith('ut@') ? t.args[0].slice(3) : undefined;
    if ((t.generic === 'Struct' || t.generic === 'Enum') && user !== undefined) {
      return user === 'Tuple' ? `(${t.args.slice(1).map((a) => this.name(a, depth + 1)).join(', ')})` : user;
    }
    if (t.generic === 'Snapshot') return `@${this.name(t.args[0], depth + 1)}`;
    if (t.args.length === 0) return t.generic;
    return `${t.generic}<${t.args.map((a) => (a.startsWith('[') ? this.name(a, depth + 1) : a)).join(', ')}>`;
  }
}

function sum(xs: (number | undefined)[]): number | undefined {
  let s = 0;
  for (const x of xs) {
    if (x === undefined) return undefined;
    s += x;
  }
  return s;
}

/** Splits `a, b<c, d>, (e, f)` at the commas outside brackets. */
export function splitTop(text: string): string[] {
  return splitTopLevel(text, '<([{', '>)]}');
}
