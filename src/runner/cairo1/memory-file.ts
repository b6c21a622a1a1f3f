// The memory file as the Rust VM writes it (cairo-vm's write_encoded_memory, which cairo-execute
// uses): the same 40-byte records as cairo-run's, but in address order rather than in
// first-write order. Segments are laid out in index order, so walking each segment's cells in
// order is walking the relocated addresses in order. Written in pieces through one reused
// buffer, as the first-write-order file is (see ../relocate.ts).
import { Memory } from '../../vm/memory';
import { ByteSink, PIECE_RECORDS, words, putAddr, putValue } from '../relocate';

export function writeMemoryByAddress(mem: Memory, offsets: number[], sink: ByteSink, pieceRecords = PIECE_RECORDS): void {
  const piece = words(Math.min(mem.size, pieceRecords) * 40);
  const { u32, u64 } = piece;
  let inPiece = 0;
  for (let s = 0; s < mem.numSegments; s++) {
    const data = mem.segments[s];
    const base = offsets[s];
    for (let o = 0; o < data.length; o++) {
      const v = data[o];
      if (v === undefined) continue;
      if (inPiece === pieceRecords) {
        sink(piece.buf);
        u32.fill(0);
        inPiece = 0;
      }
      const w = inPiece * 10;
      putAddr(u32, w, base + o);
      putValue(u32, u64, w + 2, v, offsets);
      inPiece++;
    }
  }
  if (inPiece !== 0) sink(piece.buf.subarray(0, inPiece * 40));
}

/** The whole file in one buffer. */
export function memoryBytesByAddress(mem: Memory, offsets: number[]): Buffer {
  const pieces: Buffer[] = [];
  writeMemoryByAddress(mem, offsets, (p) => pieces.push(Buffer.from(p)));
  return Buffer.concat(pieces);
}
