// The memory file as the Rust VM writes it (cairo-vm's write_encoded_memory, which cairo-execute
// uses): the same 40-byte records as cairo-run's, but in address order rather than in
// first-write order. Segments are laid out in index order, so walking each segment's cells in
// order is walking the relocated addresses in order.
import { Memory } from '../../vm/memory';
import { VmError } from '../../vm/errors';

export function memoryBytesByAddress(mem: Memory, offsets: number[]): Buffer {
  let cells = 0;
  for (let s = 0; s < mem.numSegments; s++) {
    const data = mem.segments[s];
    for (let o = 0; o < data.length; o++) if (data[o] !== undefined) cells++;
  }
  const buf = Buffer.alloc(cells * 40);
  let at = 0;
  for (let s = 0; s < mem.numSegments; s++) {
    const data = mem.segments[s];
    const base = offsets[s];
    for (let o = 0; o < data.length; o++) {
      const v = data[o];
      if (v === undefined) continue;
      buf.writeBigUInt64LE(BigInt(base + o), at);
      let n: bigint;
      if (typeof v === 'object') {
        if (v.segment < 0) throw new VmError('Security', `Cannot relocate the value ${v}: a temporary segment has no relocation rule.`);
        n = BigInt(offsets[v.segment] + v.offset);
      } else n = BigInt(v);
      for (let k = 0; k < 4; k++) {
        buf.writeBigUInt64LE(n & 0xffffffffffffffffn, at + 8 + 8 * k);
        n >>= 64n;
      }
      at += 40;
    }
  }
  return buf;
}
