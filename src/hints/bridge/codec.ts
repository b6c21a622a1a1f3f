// Values between Cairn and the Python side of the hint bridge. A memory value: a felt is a JSON
// number below 2^53, else a decimal string; an address is [segment, offset]. A scope variable is
// tagged ({i: int as text}, {f: float}, {b}, {n}, {s}, {r: address}, {l: list}, {d: dict}); a Python object
// that is not plain data comes back as {o: its repr, t: its type} and stays a PyObject here.
import { Relocatable, Value } from '../../vm/relocatable';
import * as F from '../../vm/felt';

export type Wire = number | string | [number, number];

export function encValue(v: Value): Wire {
  if (typeof v === 'object') return [v.segment, v.offset];
  return typeof v === 'number' ? v : v.toString();
}

export function decValue(x: Wire): Value {
  if (Array.isArray(x)) return new Relocatable(x[0], x[1]);
  if (typeof x === 'number') return F.toFelt(x);
  return F.toFelt(BigInt(x));
}

export function decAddr(x: unknown): Relocatable {
  if (!Array.isArray(x) || x.length !== 2) throw new Error(`not an address: ${JSON.stringify(x)}`);
  return new Relocatable(x[0], x[1]);
}

/** A Python object of a scope variable that only the Python side holds: shown by its repr. */
export class PyObject {
  constructor(
    readonly repr: string,
    readonly type: string,
  ) {}
  toString(): string {
    return this.repr;
  }
  /** The debugger's Hint scopes pane shows it by its repr, with nothing to expand. */
  describe(): string {
    return this.repr;
  }
  dicts(): Map<string, unknown> {
    return new Map();
  }
}

type VarWire = { i: string } | { f: number } | { b: boolean } | { n: 0 } | { s: string } | { r: [number, number] } | { l: VarWire[] } | { d: Record<string, VarWire> } | { o: string; t: string };

const MAX_DEPTH = 64;

/** A Cairn scope variable for Python, or undefined when it has no Python form. */
export function encVar(v: unknown, depth = 0): VarWire | undefined {
  if (v === null || v === undefined) return { n: 0 };
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return { i: v.toString() };
  if (typeof v === 'number' && Number.isFinite(v)) return { f: v };
  if (typeof v === 'boolean') return { b: v };
  if (typeof v === 'string') return { s: v };
  if (v instanceof Relocatable) return { r: [v.segment, v.offset] };
  // Plain data nests as deep as a program_input does (a bootloader task's reaches Python this way).
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(v)) {
    const items = v.map((x) => encVar(x, depth + 1));
    return items.every((x) => x !== undefined) ? { l: items as VarWire[] } : undefined;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, VarWire> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const e = encVar(x, depth + 1);
      if (e === undefined) return undefined;
      out[k] = e;
    }
    return { d: out };
  }
  return undefined;
}

export function decVar(x: VarWire): unknown {
  if ('i' in x) return BigInt(x.i);
  if ('f' in x) return x.f;
  if ('b' in x) return x.b;
  if ('n' in x) return null;
  if ('s' in x) return x.s;
  if ('r' in x) return new Relocatable(x.r[0], x.r[1]);
  if ('l' in x) return x.l.map(decVar);
  if ('d' in x) return Object.fromEntries(Object.entries(x.d).map(([k, y]) => [k, decVar(y)]));
  return new PyObject(x.o, x.t);
}

export function encScope(scope: ReadonlyMap<string, unknown>): Record<string, VarWire> {
  const out: Record<string, VarWire> = {};
  for (const [k, v] of scope) {
    const e = encVar(v);
    if (e !== undefined) out[k] = e;
  }
  return out;
}
