// Values of the hints' exec scopes (any JS value the hint families keep there), shown as the
// hint's Python would print them.
import { Relocatable } from '../vm/relocatable';
import * as F from '../vm/felt';
import { VarNode, formatFelt, errorText } from './values';

/** A value from a hint's exec scope (any JS value the hint families keep there). */
export function pyNode(name: string, v: unknown, depth = 0): VarNode {
  const node: VarNode = { name, value: '' };
  if (v === null || v === undefined) node.value = String(v);
  else if (typeof v === 'bigint') node.value = v >= 0n && v < F.getPrime() ? formatFelt(F.toFelt(v)) : v.toString();
  else if (typeof v === 'number' || typeof v === 'boolean') node.value = String(v);
  else if (typeof v === 'string') node.value = JSON.stringify(v);
  else if (typeof v === 'function') node.value = 'function';
  else if (v instanceof Relocatable) node.value = v.toString();
  else if (depth > 8) node.value = '...';
  else {
    const o = v as Record<string, unknown>;
    let entries: [string, unknown][];
    let label: string;
    if (typeof o.describe === 'function') {
      try {
        const d = (o.describe as () => unknown).call(o);
        if (typeof d === 'string') label = d;
        else return { ...pyNode(name, d, depth + 1), type: o.constructor?.name };
      } catch {
        label = o.constructor?.name ?? 'object';
      }
    } else label = '';
    if (typeof o.dicts === 'function') {
      let d: unknown;
      try {
        d = (o.dicts as () => unknown).call(o);
      } catch (e) {
        d = errorText(e);
      }
      entries = d instanceof Map ? [...d.entries()].map(([k, x]) => [keyText(k), x]) : Object.entries(d as object);
    } else if (v instanceof Map) entries = [...v.entries()].map(([k, x]) => [keyText(k), x]);
    else if (v instanceof Set) entries = [...v.values()].map((x, i) => [String(i), x]);
    else if (Array.isArray(v)) entries = v.map((x, i) => [String(i), x]);
    else entries = Object.entries(o).filter(([, x]) => typeof x !== 'function');
    const kind = v instanceof Map ? `Map(${entries.length})` : Array.isArray(v) ? `Array(${entries.length})` : v instanceof Set ? `Set(${entries.length})` : (o.constructor?.name ?? 'object');
    node.type = o.constructor?.name;
    node.value = label || (entries.length <= 6 ? `${kind} {${entries.map(([k, x]) => `${k}: ${shortJs(x)}`).join(', ')}}` : kind);
    if (entries.length > 0) node.children = { list: () => entries.slice(0, 1000).map(([k, x]) => pyNode(k, x, depth + 1)) };
  }
  return node;
}

function keyText(k: unknown): string {
  if (typeof k === 'bigint') return formatFelt(F.toFelt(k));
  if (k instanceof Relocatable) return k.toString();
  return typeof k === 'string' ? k : String(k);
}

function shortJs(v: unknown): string {
  if (typeof v === 'bigint') return formatFelt(F.toFelt(v));
  if (v instanceof Relocatable) return v.toString();
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? JSON.stringify(v) : String(v);
  if (v instanceof Map) return `Map(${v.size})`;
  if (Array.isArray(v)) return `Array(${v.length})`;
  return (v as object).constructor?.name ?? 'object';
}
