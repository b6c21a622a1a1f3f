// The bitwise builtin: instances of 5 cells x, y, x & y, x ^ y, x | y, operands below
// 2^total_n_bits (251).
import { BuiltinRunner, BuiltinOptions, builtinError } from './builtin';
import { Deducer, Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import { Felt, fromReduced } from '../vm/felt';

export class BitwiseBuiltin extends BuiltinRunner {
  readonly name = 'bitwise';
  readonly cellsPerInstance = 5;
  readonly inputCells = 2;
  readonly totalNBits: number;
  private rule: Deducer | undefined;

  constructor(opts: BuiltinOptions) {
    super(opts);
    this.totalNBits = opts.totalNBits ?? 251;
  }

  override deducer(): Deducer {
    if (this.rule !== undefined) return this.rule;
    const name = this.name;
    const nBits = this.totalNBits;
    const limit = 1n << BigInt(nBits);
    const checked = (v: Value, seg: number, off: number): Felt => {
      if (typeof v === 'object') throw builtinError(`${name} builtin: Expected integer at address ${seg}:${off}. Got: ${valueToString(v)}.`);
      if ((typeof v === 'bigint' || nBits < 53) && BigInt(v) >= limit) {
        throw builtinError(`${name} builtin: Expected integer at address ${seg}:${off} to be smaller than 2^${nBits}. Got: ${v}.`);
      }
      return v;
    };
    this.rule = (mem: Memory, seg: number, off: number): Value | undefined => {
      const index = off % 5;
      if (index < 2) return undefined;
      const xOff = off - index;
      const xv = mem.get(seg, xOff);
      const yv = mem.get(seg, xOff + 1);
      if (xv === undefined || yv === undefined) return undefined;
      const x = checked(xv, seg, xOff);
      const y = checked(yv, seg, xOff + 1);
      // 31-bit operands stay in JS's 32-bit integer operations; results stay non-negative.
      if (typeof x === 'number' && typeof y === 'number' && x <= 0x7fffffff && y <= 0x7fffffff) {
        return index === 2 ? x & y : index === 3 ? x ^ y : x | y;
      }
      const a = BigInt(x);
      const b = BigInt(y);
      return fromReduced(index === 2 ? a & b : index === 3 ? a ^ b : a | b);
    };
    return this.rule;
  }

  /** Diluted-pool units one instance uses (get_diluted_units_per_builtin). */
  dilutedUnitsPerInstance(spacing: number, nBits: number): number {
    const total = this.totalNBits;
    const partition: number[] = [];
    for (let i = 0; i < total; i += spacing * nBits) {
      for (let j = 0; j < spacing; j++) if (i + j < total) partition.push(i + j);
    }
    const trimmed = partition.filter((shift) => shift + spacing * (nBits - 1) + 1 > total).length;
    return 4 * partition.length + trimmed;
  }
}
