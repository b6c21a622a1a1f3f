// Reads the reference VM's runs from the shared corpus (never copied into the project): a
// program's memory.bin as a map from relocated address to value, and a segment's cells.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Memory } from '../../src/vm/memory';
import { Felt, fromReduced } from '../../src/vm/felt';
import { shared } from '../support/shared';

export const CORPUS = shared('corpus', 'cairo0');

export function hasCorpus(name: string): boolean {
  return existsSync(join(CORPUS, name, 'memory.bin'));
}

/** memory.bin: 40-byte records, 8-byte LE relocated address then 32-byte LE value. */
export function readMemoryFile(name: string): Map<number, bigint> {
  const buf = readFileSync(join(CORPUS, name, 'memory.bin'));
  const cells = new Map<number, bigint>();
  for (let at = 0; at + 40 <= buf.length; at += 40) {
    const addr = Number(buf.readBigUInt64LE(at));
    let v = 0n;
    for (let i = 31; i >= 0; i--) v = (v << 8n) | BigInt(buf[at + 8 + i]);
    cells.set(addr, v);
  }
  return cells;
}

export function segmentOffsets(name: string): Record<string, number> {
  return JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')).segment_offsets;
}

/** The recorded cells of segment `index` by offset (undefined where nothing was written). */
export function segmentCells(name: string, index: number): (Felt | undefined)[] {
  const mem = readMemoryFile(name);
  const offsets = segmentOffsets(name);
  const start = offsets[String(index)];
  const next = offsets[String(index + 1)] ?? Infinity;
  const cells: (Felt | undefined)[] = [];
  for (const [addr, v] of mem) {
    if (addr >= start && addr < next) cells[addr - start] = fromReduced(v);
  }
  return cells;
}

/** A memory with segments 0..count-1, as the runner would have made them. */
export function memoryWithSegments(count: number): Memory {
  const mem = new Memory();
  for (let i = 0; i < count; i++) mem.addSegment();
  return mem;
}
