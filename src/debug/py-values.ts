// Values of the hints' exec scopes (whatever the TypeScript hint families keep there), shown as
// the hint's Python prints them: ints in decimal, True/False/None, 'strings', [lists], {dicts},
// addresses as `1:5` (their str) or RelocatableValue(...) inside containers (their repr), and a
// hint family's own classes (DictManager, DictTracker, ...) by their Python attribute names; an
// object that describes itself (a Python object held by the hint bridge) by that text.
import { Relocatable } from '../vm/relocatable';
import { VarNode } from './values';

/** Entries of a value with children: [shown name, value]. */
type Entries = [string, unknown][];

const MAX_TEXT = 200;
const MAX_CHILDREN = 1000;

/** A scope value as a Variables node. */
export function pyNode(name: string, v: unknown, depth = 0): VarNode {
  const node: VarNode = { name, value: clip(pyText(v, true, depth)) };
  const type = pyType(v);
  if (type !== undefined) node.type = type;
  const entries = depth < 8 ? childrenOf(v) : undefined;
  if (entries !== undefined && entries.length > 0) {
    node.children = { list: () => entries.slice(0, MAX_CHILDREN).map(([k, x]) => pyNode(k, x, depth + 1)) };
  }
  return node;
}

/** print(v) when top, repr(v) inside a container. */
export function pyText(v: unknown, top = false, depth = 0): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return top ? v : pyString(v);
  if (typeof v === 'function') return '<function>';
  if (v instanceof Relocatable) return top ? `${v.segment}:${v.offset}` : `RelocatableValue(segment_index=${v.segment}, offset=${v.offset})`;
  const repr = described(v);
  if (repr !== undefined) return repr;
  if (depth > 6) return '...';
  const d = depth + 1;
  if (Array.isArray(v)) return `[${v.map((x) => pyText(x, false, d)).join(', ')}]`;
  if (v instanceof Set) return v.size === 0 ? 'set()' : `{${[...v].map((x) => pyText(x, false, d)).join(', ')}}`;
  const dict = dictEntries(v);
  if (dict !== undefined) {
    const body = `{${dict.map(([k, x]) => `${pyText(k, false, d)}: ${pyText(x, false, d)}`).join(', ')}}`;
    const dflt = isPlain(v) ? undefined : (v as { defaultValue?: unknown }).defaultValue;
    return dflt !== undefined && !(v instanceof Map) ? `defaultdict(lambda: ${pyText(dflt, false, d)}, ${body})` : body;
  }
  const o = v as object;
  const fields = objectFields(o);
  return `${className(o)}(${fields.map(([k, x]) => `${k}=${pyText(x, false, d)}`).join(', ')})`;
}

/** Python's repr of a str: single quotes unless the text holds one and no double quote. */
function pyString(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(new RegExp(q, 'g'), `\\${q}`);
  return q + body + q;
}

/** A plain JS object: a Python dict (program_input's JSON, a dict the hint bridge sent back). */
function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A Map, a plain object, or a hint family's dict (an object with entries() giving [key, value] pairs). */
function dictEntries(v: unknown): [unknown, unknown][] | undefined {
  if (v instanceof Map) return [...v.entries()];
  if (isPlain(v)) return Object.entries(v);
  const e = (v as { entries?: unknown }).entries;
  if (typeof e !== 'function' || Array.isArray(v) || v instanceof Set) return undefined;
  try {
    const out = [...(e.call(v) as Iterable<unknown>)];
    return out.every((x) => Array.isArray(x) && x.length === 2) ? (out as [unknown, unknown][]) : undefined;
  } catch {
    return undefined;
  }
}

function className(o: object): string {
  const name = o.constructor?.name ?? 'object';
  return name === 'Object' ? 'dict' : name.replace(/^_+/, '');
}

/** An object's attributes as Python spells them (camelCase -> snake_case), without methods. */
function objectFields(o: object): Entries {
  return Object.entries(o)
    .filter(([, x]) => typeof x !== 'function')
    .map(([k, x]) => [k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()), x]);
}

/** An object that says how Python shows it (a Python-side object of the hint bridge: its repr). */
function described(v: unknown): string | undefined {
  const d = typeof v === 'object' && v !== null ? (v as { describe?: unknown }).describe : undefined;
  if (typeof d !== 'function') return undefined;
  try {
    const text = d.call(v);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(v: unknown): Entries | undefined {
  if (v === null || typeof v !== 'object' || v instanceof Relocatable || described(v) !== undefined) return undefined;
  if (Array.isArray(v)) return v.map((x, i) => [`[${i}]`, x]);
  if (v instanceof Set) return [...v].map((x, i) => [`[${i}]`, x]);
  const dict = dictEntries(v);
  if (dict !== undefined) return dict.map(([k, x]) => [pyText(k, true), x]);
  return objectFields(v);
}

function pyType(v: unknown): string | undefined {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof Relocatable) return 'RelocatableValue';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Set) return 'set';
  if (v instanceof Map) return 'dict';
  const t = (v as { type?: unknown }).type;
  if (described(v) !== undefined && typeof t === 'string') return t;
  if (typeof v === 'object') return dictEntries(v) !== undefined && !isPlain(v) && (v as { defaultValue?: unknown }).defaultValue !== undefined ? 'defaultdict' : dictEntries(v) !== undefined ? 'dict' : className(v);
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 3) + '...' : text;
}
