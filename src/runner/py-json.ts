// JSON as Python's json.dumps writes it by default (", " and ": " separators, non-ASCII escaped,
// integers of any size as digits): the format of the files inside a Cairo PIE. A Map is a dict
// in its insertion order (even for keys like "1", which a JS object would move first); RawJson
// is JSON text Python wrote already.
import { RawJson } from '../builtins/output';
import { VmError } from '../vm/errors';

export function pyJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`pyJson: ${v} has no JSON form`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (Array.isArray(v)) return `[${v.map(pyJson).join(', ')}]`;
  if (v instanceof RawJson) {
    if (v.error !== undefined) throw new VmError('Program', v.error);
    return v.text;
  }
  const entries = v instanceof Map ? [...v] : Object.entries(v as Record<string, unknown>);
  return `{${entries.map(([k, x]) => `${pyJson(k)}: ${pyJson(x)}`).join(', ')}}`;
}
