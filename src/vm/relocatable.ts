// Relocatable values: a (segment, offset) pair, the address form of Cairo's memory.
// Segments with a negative index are temporary; they are moved by relocation rules.
import { Felt, big, getPrime } from './felt';
import { VmError } from './errors';

export class Relocatable {
  constructor(
    readonly segment: number,
    readonly offset: number,
  ) {}

  toString(): string {
    return `${this.segment}:${this.offset}`;
  }

  add(n: Felt): Relocatable {
    return new Relocatable(this.segment, addOffset(this.offset, n));
  }

  equals(o: unknown): boolean {
    return o instanceof Relocatable && o.segment === this.segment && o.offset === this.offset;
  }
}

export type Value = Felt | Relocatable;

/** Largest offset a segment may reach: far above any real program, far below float trouble. */
export const MAX_OFFSET = 2 ** 40;

/** offset + n (mod P) as an offset; an offset that lands beyond MAX_OFFSET is an error. */
export function addOffset(offset: number, n: Felt): number {
  let r: number;
  if (typeof n === 'number') r = offset + n;
  else {
    const p = getPrime();
    let b = BigInt(offset) + n;
    if (b >= p) b -= p;
    if (b > BigInt(MAX_OFFSET)) throw new VmError('OffsetOverflow', `Offset ${b} is out of range: a relocatable value's offset must stay below 2^40.`);
    r = Number(b);
  }
  if (r > MAX_OFFSET) throw new VmError('OffsetOverflow', `Offset ${r} is out of range: a relocatable value's offset must stay below 2^40.`);
  return r;
}

export function isRelocatable(v: Value | undefined): v is Relocatable {
  return typeof v === 'object';
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a === 'object') return a.equals(b);
  return false;
}

/** Text of a value as cairo-lang prints it in errors (felt in decimal, address as s:o). */
export function valueToString(v: Value): string {
  return typeof v === 'object' ? v.toString() : big(v).toString();
}
