// The shape every builtin runner has (cairo-lang's SimpleBuiltinRunner): one segment, a fixed
// number of cells per instance of which the first `inputCells` are inputs, an auto-deduction
// rule for the output cells and/or a validation rule for what is written.
import { Memory, Deducer } from '../vm/memory';
import { Relocatable, Value, valueToString } from '../vm/relocatable';
import { VmError } from '../vm/errors';
import type { VirtualMachine } from '../vm/vm';

/**
 * A builtin as a layout defines it (cairo-lang's *InstanceDef): the ratio and the instance
 * parameters a runner needs. Absent parameters take instances.py's default values.
 */
export interface BuiltinParams {
  /** Name without the `_builtin` suffix (output, pedersen, range_check, ...). */
  name: string;
  /** Steps per instance; undefined for the output builtin and in the dynamic layout. */
  ratio: number | undefined;
  /** Denominator of the ratio, for builtins allowed more than one instance per step. */
  ratioDen?: number;
  /** range_check, range_check96: 16-bit parts per value (8: bound 2^128; 6: bound 2^96). */
  nParts?: number;
  /** bitwise: bits of the operands. */
  totalNBits?: number;
  /** ec_op: rounds of the double-and-add loop, bits of m, and the bound on m. */
  scalarHeight?: number;
  scalarBits?: number;
  scalarLimit?: bigint;
  /** keccak: bits per state felt ([200] * 8). */
  stateRep?: number[];
  /** keccak: instances per component (16). */
  instancesPerComponent?: number;
  /** add_mod, mul_mod: n_words words of word_bit_len bits, batch_size operations per instance. */
  wordBitLen?: number;
  nWords?: number;
  batchSize?: number;
  /** mul_mod: bits of a range-check part (only for range-check unit accounting). */
  bitsPerPart?: number;
  /** pedersen, ecdsa: components (proof accounting only). */
  repetitions?: number;
}

export interface BuiltinOptions extends Partial<Omit<BuiltinParams, 'name' | 'ratio'>> {
  included: boolean;
  /** Steps per instance in the layout (undefined: dynamic, as many as used). */
  ratio: number | undefined;
  /** The layout's record of the builtin: its instance parameters apply unless given here. */
  layout?: BuiltinParams;
}

/** Error raised by a builtin rule while the program runs (an AssertionError in cairo-lang). */
export function builtinError(message: string): VmError {
  return new VmError('Builtin', message);
}

export abstract class BuiltinRunner {
  /** Name without the `_builtin` suffix, as in `%builtins` (output, pedersen, ...). */
  abstract readonly name: string;
  abstract readonly cellsPerInstance: number;
  abstract readonly inputCells: number;
  readonly included: boolean;
  readonly ratio: number | undefined;
  readonly ratioDen: number;
  /** Instances handled by one component of the AIR; the allocated count is a multiple of it. */
  instancesPerComponent = 1;
  /** Memory units an instance takes beyond its cells (mod builtins' values and offsets). */
  additionalMemoryUnitsPerInstance = 0;
  protected baseAddr: Relocatable | undefined;
  stopPtr: Relocatable | undefined;

  constructor(opts: BuiltinOptions) {
    this.included = opts.included;
    this.ratio = opts.ratio;
    this.ratioDen = opts.ratioDen ?? 1;
  }

  get base(): Relocatable {
    if (this.baseAddr === undefined) throw new VmError('Builtin', `${this.name} builtin: segments not initialized.`);
    return this.baseAddr;
  }

  initializeSegments(mem: Memory): void {
    this.baseAddr = mem.addSegment();
  }

  initialStack(): Value[] {
    return this.included ? [this.base] : [];
  }

  /** Installs the builtin's auto-deduction rule (and, in subclasses, validation rules) on its segment. */
  addRules(vm: VirtualMachine): void {
    const rule = this.deducer();
    if (rule !== undefined) vm.mem.deducers[this.base.segment] = rule;
  }

  /** The auto-deduction rule installed by addRules, if the builtin has one. */
  deducer(): Deducer | undefined {
    return undefined;
  }

  usedCells(mem: Memory): number {
    return mem.usedSize(this.base.segment);
  }

  usedInstances(mem: Memory): number {
    return Math.ceil(this.usedCells(mem) / this.cellsPerInstance);
  }

  /**
   * Instances the layout reserves for a run of `steps` steps (get_allocated_instances). Dynamic
   * ratio: the used instances rounded up to a power of 2 of components. Throws when the run is
   * too short for even one component.
   */
  allocatedInstances(mem: Memory, steps: number): number {
    const perComponent = this.instancesPerComponent;
    if (this.ratio === undefined) {
      const needed = Math.ceil(this.usedInstances(mem) / perComponent);
      return needed > 0 ? perComponent * nextPowerOf2(needed) : 0;
    }
    if (this.ratio === 0) return 0;
    const minSteps = Math.ceil((this.ratio * perComponent) / this.ratioDen);
    if (steps < minSteps) {
      throw new VmError('Builtin', `Number of steps must be at least ${minSteps} for the ${this.name} builtin.`);
    }
    const total = steps * this.ratioDen;
    if (total % this.ratio !== 0) throw new VmError('Builtin', `${total} is not divisible by ${this.ratio}.`);
    return total / this.ratio;
  }

  allocatedMemoryUnits(mem: Memory, steps: number): number {
    return (this.cellsPerInstance + this.additionalMemoryUnitsPerInstance) * this.allocatedInstances(mem, steps);
  }

  /** [used cells, allocated cells]; throws when the builtin used more than the layout allows. */
  usedCellsAndAllocatedSize(mem: Memory, steps: number): [number, number] {
    const used = this.usedCells(mem);
    const size = this.cellsPerInstance * this.allocatedInstances(mem, steps);
    if (used > size) throw new VmError('Builtin', `The ${this.name} builtin used ${used} cells but the capacity is ${size}.`);
    return [used, size];
  }

  /** Zero cells the builtin needs in the zero segment (mod builtins); 0 for most. */
  neededZeros(): number {
    return 0;
  }
  setZeroSegment(_addr: Relocatable): void {}

  /** Reads and checks the stop pointer at pointer - 1 after the run; returns the next pointer. */
  finalStack(mem: Memory, pointer: Relocatable): Relocatable {
    if (!this.included) {
      this.stopPtr = this.base;
      return pointer;
    }
    const at = new Relocatable(pointer.segment, pointer.offset - 1);
    const stop = mem.getAt(at);
    const expected = this.base.add(this.usedInstances(mem) * this.cellsPerInstance);
    if (stop === undefined || typeof stop !== 'object' || !stop.equals(expected)) {
      throw new VmError('Builtin', `Invalid stop pointer for ${this.name}. Expected: ${expected}, found: ${stop === undefined ? 'nothing' : valueToString(stop)}`);
    }
    this.stopPtr = stop;
    return at;
  }

  /**
   * cairo-run's secure-run checks: every input cell of every used instance is set, and the rule
   * runs for every output cell the program never read (so a bad input fails here). Every error
   * comes out as a Security error, as verify_secure_runner wraps them in SecurityError.
   */
  runSecurityChecks(vm: VirtualMachine): void {
    try {
      this.securityChecks(vm);
    } catch (e) {
      if (e instanceof VmError && e.kind === 'Security') throw e;
      throw new VmError('Security', e instanceof Error ? e.message : String(e));
    }
  }

  protected securityChecks(vm: VirtualMachine): void {
    const segIndex = this.base.segment;
    const seg = vm.mem.segment(segIndex) ?? [];
    let maxOff = -1;
    let count = 0;
    for (let i = 0; i < seg.length; i++) {
      if (seg[i] !== undefined) {
        count++;
        maxOff = i;
      }
    }
    const cpi = this.cellsPerInstance;
    const n = maxOff < 0 ? 0 : Math.floor(maxOff / cpi) + 1;
    if (n > Math.floor(count / this.inputCells)) throw new VmError('Security', `Missing memory cells for ${this.name}.`);
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < this.inputCells; j++) {
        if (seg[i * cpi + j] === undefined) missing.push(i * cpi + j);
      }
    }
    if (missing.length > 0) {
      // cairo-lang lists the offsets of a Python set: small ints come out in increasing order.
      const dots = missing.length > 20 ? '...' : '.';
      throw new VmError('Security', `Missing memory cells for ${this.name}: ${missing.slice(0, 20).join(', ')}${dots}`);
    }
    const rule = vm.mem.deducers[segIndex];
    if (rule === undefined || this.inputCells === cpi) return;
    for (let i = 0; i < n; i++) {
      for (let j = this.inputCells; j < cpi; j++) {
        if (seg[i * cpi + j] === undefined) rule(vm.mem, segIndex, i * cpi + j);
      }
    }
  }
}

export function nextPowerOf2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
