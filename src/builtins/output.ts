// The output builtin: a plain segment the program writes its public output to.
import { BuiltinRunner } from './builtin';
import { Memory } from '../vm/memory';
import { Value } from '../vm/relocatable';

export class OutputBuiltin extends BuiltinRunner {
  readonly name = 'output';
  readonly cellsPerInstance = 1;
  readonly inputCells = 1;

  /** The output cells in order; undefined marks a gap (printed as <missing>). */
  outputs(mem: Memory): (Value | undefined)[] {
    const seg = mem.segment(this.base.segment) ?? [];
    return Array.from({ length: seg.length }, (_, i) => mem.get(this.base.segment, i));
  }

  override runSecurityChecks(): void {}
}
