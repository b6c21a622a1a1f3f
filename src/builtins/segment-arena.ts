// The segment_arena builtin (Cairo 1's dictionaries and arrays of segments). It is not in
// cairo-lang 0.14's Python VM; this follows lambdaclass/cairo-vm's SegmentArenaBuiltinRunner:
// an info segment is created first, then the arena segment, whose first 3 cells hold
// (info segment, 0, 0); the program's pointer starts after them, at arena + 3.
import { BuiltinRunner, BuiltinOptions } from './builtin';
import { Memory } from '../vm/memory';
import { Relocatable, valueToString } from '../vm/relocatable';
import { VmError } from '../vm/errors';

/** Cells of the arena header written at creation. */
const INITIAL_SEGMENT_SIZE = 3;

export class SegmentArenaBuiltin extends BuiltinRunner {
  readonly name = 'segment_arena';
  readonly cellsPerInstance = 3;
  readonly inputCells = 3;

  constructor(opts: BuiltinOptions) {
    super(opts);
  }

  override initializeSegments(mem: Memory): void {
    const info = mem.addSegment();
    const arena = mem.addSegment();
    mem.load(arena, [info, 0, 0]);
    this.baseAddr = arena.add(INITIAL_SEGMENT_SIZE);
  }

  override usedCells(mem: Memory): number {
    return mem.usedSize(this.base.segment) - INITIAL_SEGMENT_SIZE;
  }

  override finalStack(mem: Memory, pointer: Relocatable): Relocatable {
    if (!this.included) {
      this.stopPtr = this.base;
      return pointer;
    }
    const at = new Relocatable(pointer.segment, pointer.offset - 1);
    const stop = mem.getAt(at);
    if (stop === undefined || typeof stop !== 'object') {
      throw new VmError('Builtin', `Invalid stop pointer for ${this.name}. Expected a relocatable value at ${at}, found: ${stop === undefined ? 'nothing' : valueToString(stop)}`);
    }
    if (stop.segment !== this.base.segment) {
      throw new VmError('Builtin', `Invalid stop pointer for ${this.name}: segment ${stop.segment} is not the builtin's segment ${this.base.segment}.`);
    }
    const expected = this.base.add(this.usedCells(mem));
    if (!stop.equals(expected)) throw new VmError('Builtin', `Invalid stop pointer for ${this.name}. Expected: ${expected}, found: ${stop}`);
    this.stopPtr = stop;
    return at;
  }

  /** cairo-vm skips segment_arena in the security checks. */
  override runSecurityChecks(): void {}
}
