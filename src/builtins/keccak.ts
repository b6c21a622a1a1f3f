// The keccak builtin: instances of 16 cells, 8 input felts of 200 bits (the 1600-bit state,
// little endian) and the 8 felts of keccak-f[1600] applied to it.
import { keccakP } from '@noble/hashes/sha3';
import { BuiltinRunner, BuiltinOptions, builtinError } from './builtin';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { fromReduced } from '../vm/felt';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** keccak_f on a 200-byte state (little-endian lanes), in place. */
export function keccakF1600(state: Uint8Array): void {
  const words = new Uint32Array(state.buffer, state.byteOffset, 50);
  if (!LITTLE_ENDIAN) swap32(words);
  keccakP(words, 24);
  if (!LITTLE_ENDIAN) swap32(words);
}

function swap32(w: Uint32Array): void {
  for (let i = 0; i < w.length; i++) {
    const x = w[i];
    w[i] = ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }
}

export class KeccakBuiltin extends BuiltinRunner {
  readonly name = 'keccak';
  readonly cellsPerInstance: number;
  readonly inputCells: number;
  /** Bits of each state felt; their sum is 1600. */
  readonly stateRep: number[];
  /** Outputs by offset: all 8 are computed when one is asked for. */
  readonly cache = new Map<number, bigint>();
  private rule: Deducer | undefined;

  constructor(opts: BuiltinOptions) {
    super(opts);
    this.stateRep = opts.stateRep ?? Array(8).fill(200);
    this.inputCells = this.stateRep.length;
    this.cellsPerInstance = 2 * this.inputCells;
    this.instancesPerComponent = opts.instancesPerComponent ?? 16;
  }

  override deducer(): Deducer {
    if (this.rule !== undefined) return this.rule;
    const cache = this.cache;
    const rep = this.stateRep;
    const nIn = this.inputCells;
    const cells = this.cellsPerInstance;
    this.rule = (mem: Memory, seg: number, off: number): Value | undefined => {
      const index = off % cells;
      if (index < nIn) return undefined;
      const hit = cache.get(off);
      if (hit !== undefined) return fromReduced(hit);
      const first = off - index;
      for (let i = 0; i < nIn; i++) if (mem.get(seg, first + i) === undefined) return undefined;
      const state = new Uint8Array(200);
      let pos = 0;
      for (let i = 0; i < nIn; i++) {
        const v = mem.get(seg, first + i) as Value;
        if (typeof v === 'object') throw builtinError(`Keccak builtin: Expected integer at address ${seg}:${first + i}. Got: ${valueToString(v)}.`);
        let x = BigInt(v);
        if (x >= 1n << BigInt(rep[i])) {
          throw builtinError(`Keccak builtin: Expected integer at address ${seg}:${first + i} to be smaller than 2^${rep[i]}. Got: ${x}.`);
        }
        const nBytes = rep[i] / 8;
        for (let b = 0; b < nBytes; b++) {
          state[pos + b] = Number(x & 0xffn);
          x >>= 8n;
        }
        pos += nBytes;
      }
      keccakF1600(state);
      pos = 0;
      for (let i = 0; i < nIn; i++) {
        const nBytes = rep[i] / 8;
        let x = 0n;
        for (let b = nBytes - 1; b >= 0; b--) x = (x << 8n) | BigInt(state[pos + b]);
        cache.set(first + nIn + i, x);
        pos += nBytes;
      }
      return fromReduced(cache.get(off) as bigint);
    };
    return this.rule;
  }

  /** Diluted-pool units one instance uses. */
  dilutedUnitsPerInstance(_spacing: number, nBits: number): number {
    return (1 << 18) / nBits;
  }
}
