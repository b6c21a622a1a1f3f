// range_check and range_check96: every value written to the segment must be an integer in
// [0, 2^(16 * n_parts)). A validation rule (no deduction), checked as each cell is written.
import { BuiltinRunner, BuiltinOptions, builtinError } from './builtin';
import { Memory } from '../vm/memory';
import { Value, valueToString } from '../vm/relocatable';
import type { VirtualMachine } from '../vm/vm';

/** The range of one range-check unit: values are checked in 16-bit parts. */
const INNER_RC_BOUND = 1n << 16n;

export class RangeCheckBuiltin extends BuiltinRunner {
  readonly cellsPerInstance = 1;
  readonly inputCells = 1;
  readonly nParts: number;
  /** 2^(16 * nParts). */
  readonly bound: bigint;

  constructor(
    readonly name: 'range_check' | 'range_check96',
    opts: BuiltinOptions,
  ) {
    super(opts);
    this.nParts = opts.nParts ?? (name === 'range_check' ? 8 : 6);
    this.bound = INNER_RC_BOUND ** BigInt(this.nParts);
  }

  override addRules(vm: VirtualMachine): void {
    const seg = this.base.segment;
    const baseOffset = this.base.offset;
    const bound = this.bound;
    // Every number-typed felt is below 2^53, so only bigints need the comparison (n_parts >= 4).
    const numbersFit = bound >= 1n << 53n;
    const check = (_mem: Memory, segment: number, offset: number, value: Value): void => {
      if (typeof value === 'number') {
        if (numbersFit || BigInt(value) < bound) return;
      } else if (typeof value === 'object') {
        throw builtinError(`Range-check builtin: Expected value at address ${segment}:${offset} to be an integer. Got: ${valueToString(value)}.`);
      } else if (value < bound) return;
      throw builtinError(`Value ${valueToString(value)}, in range check builtin ${offset - baseOffset}, is out of range [0, ${bound}).`);
    };
    vm.mem.validators[seg] = check;
    // cairo-runner validates what is already in memory once the rules are in place.
    const cells = vm.mem.segment(seg) ?? [];
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v !== undefined) check(vm.mem, seg, i, v);
    }
  }

  /** Range-check units the builtin used (get_used_perm_range_check_units). */
  usedPermRangeCheckUnits(mem: Memory): number {
    return this.usedCells(mem) * this.nParts;
  }

  /** [min, max] of the 16-bit parts of the checked values, or undefined if none (rc bounds). */
  rangeCheckUsage(mem: Memory): [number, number] | undefined {
    const cells = mem.segment(this.base.segment) ?? [];
    let min = Infinity;
    let max = -Infinity;
    for (const v of cells) {
      if (v === undefined || typeof v === 'object') continue;
      let x = BigInt(v);
      for (let i = 0; i < this.nParts; i++) {
        const part = Number(x & 0xffffn);
        if (part < min) min = part;
        if (part > max) max = part;
        x >>= 16n;
      }
    }
    return min === Infinity ? undefined : [min, max];
  }
}
