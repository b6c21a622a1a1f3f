// The few protobuf wire-format pieces pprof's Profile needs: varints, length-delimited fields and
// packed repeated varints (writing), and a field walker (reading, for tests and tools).

export class ProtoWriter {
  private buf = new Uint8Array(1 << 12);
  private n = 0;

  private ensure(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.n));
    this.buf = b;
  }

  varint(v: number): void {
    this.ensure(10);
    if (v < 0) throw new Error('protobuf: negative varint');
    while (v >= 0x80) {
      this.buf[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.n++] = v;
  }

  /** A varint field from a bigint (an int64 past 2^53, such as a time in nanoseconds). */
  bigUint(field: number, v: bigint): void {
    if (v === 0n) return;
    this.varint(field * 8);
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.n++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.n++] = Number(v);
  }

  /** A varint field; proto3 leaves out zero (and false). */
  uint(field: number, v: number | boolean): void {
    const x = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    if (x === 0) return;
    this.varint(field * 8);
    this.varint(x);
  }

  bytes(field: number, data: Uint8Array): void {
    this.varint(field * 8 + 2);
    this.varint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.n);
    this.n += data.length;
  }

  string(field: number, s: string): void {
    this.bytes(field, Buffer.from(s, 'utf8'));
  }

  message(field: number, fill: (w: ProtoWriter) => void): void {
    const w = new ProtoWriter();
    fill(w);
    this.bytes(field, w.finish());
  }

  packed(field: number, values: readonly number[]): void {
    if (values.length === 0) return;
    const w = new ProtoWriter();
    for (const v of values) w.varint(v);
    this.bytes(field, w.finish());
  }

  finish(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

export type ProtoValue = number | Uint8Array;

/** The fields of one message, in order: [field number, value] (varints as numbers, the rest as bytes). */
export function readFields(data: Uint8Array): [number, ProtoValue][] {
  const out: [number, ProtoValue][] = [];
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (i >= data.length) throw new Error('protobuf: truncated varint');
      const b = data[i++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
    }
  };
  while (i < data.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) out.push([field, varint()]);
    else if (wire === 2) { const len = varint(); out.push([field, data.subarray(i, i + len)]); i += len; }
    else if (wire === 1) { out.push([field, data.subarray(i, i + 8)]); i += 8; }
    else if (wire === 5) { out.push([field, data.subarray(i, i + 4)]); i += 4; }
    else throw new Error(`protobuf: wire type ${wire} not supported`);
  }
  return out;
}

/** A packed (or single) repeated varint field's values. */
export function readPacked(v: ProtoValue): number[] {
  if (typeof v === 'number') return [v];
  const out: number[] = [];
  let i = 0;
  while (i < v.length) {
    let x = 0;
    let mul = 1;
    for (;;) {
      const b = v[i++];
      x += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 0x80;
    }
    out.push(x);
  }
  return out;
}
