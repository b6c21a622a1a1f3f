// Reads a pprof file (gzip'd or not) back into per-function sample totals, for tools and for
// comparing Cairn's profile with cairo-run's.
import { gunzipSync } from 'node:zlib';
import { readFields, readPacked, ProtoValue } from './protobuf';

export interface PprofTotals {
  /** samples' values summed by the function of their innermost location */
  self: Map<string, number>;
  /** samples' values summed for each distinct function on their stack */
  total: Map<string, number>;
  /** all samples' values */
  sum: number;
}

const bytes = (v: ProtoValue) => (typeof v === 'number' ? new Uint8Array(0) : v);

export function readPprofTotals(file: Uint8Array): PprofTotals {
  const data = file[0] === 0x1f && file[1] === 0x8b ? gunzipSync(file) : file;
  const strings: string[] = [];
  const samples: { locs: number[]; value: number }[] = [];
  const locFn = new Map<number, number>();
  const fnName = new Map<number, number>();
  for (const [f, v] of readFields(data)) {
    if (f === 6) strings.push(Buffer.from(bytes(v)).toString('utf8'));
    else if (f === 2) {
      let locs: number[] = [];
      let value = 0;
      for (const [g, w] of readFields(bytes(v))) {
        if (g === 1) locs = locs.concat(readPacked(w));
        else if (g === 2) value += readPacked(w)[0] ?? 0;
      }
      samples.push({ locs, value });
    } else if (f === 4) {
      let id = 0;
      let fn = 0;
      for (const [g, w] of readFields(bytes(v))) {
        if (g === 1) id = w as number;
        else if (g === 4) for (const [h, x] of readFields(bytes(w))) if (h === 1) fn = x as number;
      }
      locFn.set(id, fn);
    } else if (f === 5) {
      let id = 0;
      let name = 0;
      for (const [g, w] of readFields(bytes(v))) {
        if (g === 1) id = w as number;
        else if (g === 2) name = w as number;
      }
      fnName.set(id, name);
    }
  }
  const nameOf = (loc: number) => strings[fnName.get(locFn.get(loc) ?? -1) ?? 0] ?? '';
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let sum = 0;
  for (const s of samples) {
    sum += s.value;
    if (s.locs.length === 0) continue;
    const leaf = nameOf(s.locs[0]);
    self.set(leaf, (self.get(leaf) ?? 0) + s.value);
    for (const n of new Set(s.locs.map(nameOf))) total.set(n, (total.get(n) ?? 0) + s.value);
  }
  return { self, total, sum };
}
