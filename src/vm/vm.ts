// The Cairo virtual machine: registers, the step, and the run loop (cairo-lang's vm_core.py).
// The step is the hot path of everything Cairn does: instructions are decoded once per pc,
// registers are plain numbers (segment + offset), small felts stay JS numbers, and the loop
// allocates nothing for a step that only touches felts and existing addresses.
import { div as fdiv, big } from './felt';
import { Relocatable, Value, valueToString, addOffset } from './relocatable';
import { Memory } from './memory';
import { VmError } from './errors';
import { Instruction, decodeInstruction, Reg, Op1Src, Res, PcUpdate, ApUpdate, FpUpdate, Opcode } from './instruction';
import { addValues, subValues, mulValues } from './values';
import { Trace } from './trace';
import { StepHooks } from './hooks';
import { Block, compileBlock } from './blocks';

/** A hint ready to run: its code is matched once, at load; `run` has its ids bound. */
export interface LoadedHint {
  readonly code: string;
  /** Index among the hints of its pc. */
  readonly index: number;
  run(vm: VirtualMachine): void;
}

export type Scope = Map<string, unknown>;

/** An error raised while executing the instruction or a hint at `pc`. */
export class VmException extends Error {
  constructor(
    readonly pc: Relocatable,
    readonly fp: Relocatable,
    readonly inner: Error,
    readonly hintIndex: number | undefined,
  ) {
    super(`Error at pc=${pc}:\n${inner.message}`);
    this.name = 'VmException';
  }
}

export class VirtualMachine {
  pcSeg = 0;
  pc = 0;
  apSeg = 1;
  ap = 0;
  fpSeg = 1;
  fp = 0;
  currentStep = 0;
  /** Set by a hint to skip the instruction of the current step. */
  skipInstruction = false;
  trace: Trace | undefined;
  /** Code run around each step (see hooks.ts); undefined keeps run() on its plain loop. */
  hooks: StepHooks<VirtualMachine> | undefined;
  readonly execScopes: Scope[] = [new Map()];
  /** Hints by pc offset in the program segment. */
  hints: (LoadedHint[] | undefined)[] = [];
  /** Hints of programs loaded into other segments by a hint (vm_load_program), by segment. */
  readonly otherHints = new Map<number, (LoadedHint[] | undefined)[]>();
  /** Extra data shared by builtins and hints (for example ecdsa signatures). */
  readonly extra = new Map<string, unknown>();
  private decoded: (Instruction | undefined)[] = [];
  /** Return addresses by call pc: one object per call site instead of one per call. */
  private returnPcs: (Relocatable | undefined)[] = [];
  private otherDecoded = new Map<string, Instruction>();
  /** Run straight runs of instructions as compiled blocks (blocks.ts); false: the interpreter only. */
  compileBlocks = true;
  /** Compiled blocks by start pc (null: none can start there); valid for the hints they were made with. */
  private blocks: (Block | null | undefined)[] = [];
  private blockHeat = new Uint8Array(0);
  /** Pcs after passedFrom up to passedTo: a block's, run by the interpreter at the moment (no heat). */
  private passedFrom = -1;
  private passedTo = -1;
  private blocksFor: unknown = undefined;

  constructor(
    readonly mem: Memory,
    readonly programSeg: number,
  ) {}

  pcValue(): Relocatable {
    return new Relocatable(this.pcSeg, this.pc);
  }
  apValue(): Relocatable {
    return new Relocatable(this.apSeg, this.ap);
  }
  fpValue(): Relocatable {
    return new Relocatable(this.fpSeg, this.fp);
  }
  setPc(v: Relocatable): void {
    this.pcSeg = v.segment;
    this.pc = v.offset;
  }
  setAp(v: Relocatable): void {
    this.apSeg = v.segment;
    this.ap = v.offset;
  }
  setFp(v: Relocatable): void {
    this.fpSeg = v.segment;
    this.fp = v.offset;
  }

  enableTrace(): void {
    this.trace = new Trace(this.programSeg, this.apSeg);
  }

  enterScope(vars?: Map<string, unknown>): void {
    this.execScopes.push(vars ?? new Map());
  }
  exitScope(): void {
    if (this.execScopes.length <= 1) throw new VmError('Scope', 'Cannot exit main scope.');
    this.execScopes.pop();
  }
  get scope(): Scope {
    return this.execScopes[this.execScopes.length - 1];
  }

  /** The instruction at the current pc (decoded once per pc of the program segment). */
  instructionAt(seg: number, off: number): Instruction {
    if (seg === this.programSeg) {
      const hit = this.decoded[off];
      if (hit !== undefined) return hit;
    } else {
      const hit = this.otherDecoded.get(`${seg}:${off}`);
      if (hit !== undefined) return hit;
    }
    const enc = this.mem.get(seg, off);
    if (enc === undefined) throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${seg}:${off}.`);
    if (typeof enc === 'object') throw new VmError('InvalidInstruction', `Instruction should be an int. Found: ${enc}`);
    const inst = decodeInstruction(enc, this.mem.get(seg, off + 1));
    if (inst.op1Src === Op1Src.IMM && inst.off2 !== 1) throw new VmError('InvalidInstruction', 'In immediate mode, off2 should be 1.');
    if (seg === this.programSeg) this.decoded[off] = inst;
    else this.otherDecoded.set(`${seg}:${off}`, inst);
    return inst;
  }

  /** One step: the hints at pc, then the instruction. Errors come out as VmException. */
  step(): void {
    const hints = this.pcSeg === this.programSeg ? this.hints[this.pc] : this.otherHints.get(this.pcSeg)?.[this.pc];
    if (hints !== undefined) {
      this.skipInstruction = false;
      for (let i = 0; i < hints.length; i++) {
        try {
          hints[i].run(this);
        } catch (e) {
          throw this.wrap(e, i);
        }
        if (this.skipInstruction) return;
      }
    }
    try {
      this.runInstruction(this.instructionAt(this.pcSeg, this.pc));
    } catch (e) {
      throw this.wrap(e, undefined);
    }
  }

  /**
   * Runs until pc reaches (endSeg, endOff), `maxSteps` steps have run, or a beforeStep hook stops
   * it. Returns the number of steps run.
   */
  run(endSeg: number, endOff: number, maxSteps: number): number {
    if (this.hooks !== undefined) {
      if (this.hooks.afterBlock !== undefined && this.compileBlocks) return this.runBlocks(endSeg, endOff, maxSteps, this.hooks);
      return this.runHooked(endSeg, endOff, maxSteps, this.hooks);
    }
    if (this.compileBlocks) return this.runBlocks(endSeg, endOff, maxSteps);
    let n = 0;
    const programSeg = this.programSeg;
    const hints = this.hints;
    while (n < maxSteps && !(this.pc === endOff && this.pcSeg === endSeg)) {
      if (this.pcSeg === programSeg && hints[this.pc] === undefined) {
        const inst = this.decoded[this.pc];
        if (inst !== undefined) {
          try {
            this.runInstruction(inst);
          } catch (e) {
            throw this.wrap(e, undefined);
          }
          n++;
          continue;
        }
      }
      this.step();
      n++;
    }
    return n;
  }

  /**
   * run() on compiled blocks: at a pc of the program segment without hints, the block starting
   * there runs (compiled once the pc has been reached BLOCK_HEAT times); a block that bails
   * leaves the instruction it stopped at to one interpreter step. With `hooks` (block hooks, see
   * hooks.ts), each block and each interpreter step is reported to them; a block runs only where
   * their blockMayRun allows it, and their beforeStep may stop the run at an interpreter step.
   */
  private runBlocks(endSeg: number, endOff: number, maxSteps: number, hooks?: StepHooks<VirtualMachine>): number {
    const programSeg = this.programSeg;
    const hints = this.hints;
    if (this.blocksFor !== hints) {
      this.blocks = [];
      this.blockHeat = new Uint8Array(this.mem.segment(programSeg)?.length ?? 0);
      this.blocksFor = hints;
    }
    const blocks = this.blocks;
    const heat = this.blockHeat;
    const rules = this.mem.relocationRules;
    let n = 0;
    while (n < maxSteps && !(this.pc === endOff && this.pcSeg === endSeg)) {
      const pc = this.pc;
      if (this.pcSeg === programSeg && hints[pc] === undefined && rules.size === 0) {
        let b = blocks[pc];
        // Inside a block the interpreter runs instead (see below), pcs are not block starts.
        const inside = pc > this.passedFrom && pc <= this.passedTo;
        if (b === undefined && !inside && pc < heat.length && ++heat[pc] >= BLOCK_HEAT) {
          b = blocks[pc] = compileBlock(this, pc, heat.length) ?? null;
        }
        if (b != null && b.length <= maxSteps - n && (hooks?.blockMayRun === undefined || hooks.blockMayRun(this, pc, b.lastPc))) {
          this.passedTo = -1;
          let r: number;
          if (hooks !== undefined) hooks.beforeBlock?.(this);
          try {
            r = b.fn(this);
          } catch (e) {
            throw this.wrap(e, undefined);
          }
          n += r >> 1;
          if (hooks !== undefined && r > 1) hooks.afterBlock!(this, pc, r >> 1);
          if ((r & 1) === 0) continue;
          // Bailed: the instruction it stopped at goes to the interpreter.
        } else if (b != null && !inside) {
          // The block does not fit the steps left (or the hooks refuse it): the interpreter runs
          // its instructions. Were they heated as block starts, each would soon compile a block
          // of its own to the same end (a slice's end cost keccak 60 blocks of 200 each time).
          this.passedFrom = pc;
          this.passedTo = b.lastPc;
        } else if (!inside) this.passedTo = -1;
      } else this.passedTo = -1;
      if (hooks !== undefined) {
        if (hooks.beforeStep?.(this) === true && n !== 0) break;
        this.step();
        n++;
        hooks.afterStep?.(this);
        continue;
      }
      this.step();
      n++;
    }
    return n;
  }

  /** run() with hooks: one step() at a time, the hooks around it. */
  private runHooked(endSeg: number, endOff: number, maxSteps: number, hooks: StepHooks<VirtualMachine>): number {
    const { beforeStep, afterStep } = hooks;
    let n = 0;
    while (n < maxSteps && !(this.pc === endOff && this.pcSeg === endSeg)) {
      if (beforeStep !== undefined && beforeStep.call(hooks, this) === true && n !== 0) break;
      this.step();
      n++;
      if (afterStep !== undefined) afterStep.call(hooks, this);
    }
    return n;
  }

  wrap(e: unknown, hintIndex: number | undefined): VmException {
    if (e instanceof VmException) return e;
    const inner = e instanceof Error ? e : new Error(String(e));
    return new VmException(this.pcValue(), this.fpValue(), inner, hintIndex);
  }

  private unknown(seg: number, off: number): never {
    throw new VmError('UnknownMemory', `Unknown value for memory cell at address ${seg}:${off}.`);
  }

  runInstruction(inst: Instruction): void {
    const mem = this.mem;
    // Operand addresses (compute_dst_addr / compute_op0_addr / compute_op1_addr).
    const dstSeg = inst.dstReg === Reg.AP ? this.apSeg : this.fpSeg;
    const dstOff = (inst.dstReg === Reg.AP ? this.ap : this.fp) + inst.off0;
    const op0Seg = inst.op0Reg === Reg.AP ? this.apSeg : this.fpSeg;
    const op0Off = (inst.op0Reg === Reg.AP ? this.ap : this.fp) + inst.off1;
    let dst = mem.get(dstSeg, dstOff);
    let op0 = mem.get(op0Seg, op0Off);
    let op1Seg: number;
    let op1Off: number;
    switch (inst.op1Src) {
      case Op1Src.FP: op1Seg = this.fpSeg; op1Off = this.fp + inst.off2; break;
      case Op1Src.AP: op1Seg = this.apSeg; op1Off = this.ap + inst.off2; break;
      case Op1Src.IMM: op1Seg = this.pcSeg; op1Off = this.pc + 1; break;
      default: {
        // As compute_op1_addr: op0 must already be in memory (no auto-deduction before this).
        if (op0 === undefined) throw new VmError('UnknownMemory', 'op0 must be known in double dereference.');
        if (typeof op0 !== 'object') throw new VmError('InvalidAddress', `Memory address must be relocatable, got the felt ${valueToString(op0)} (double dereference through op0).`);
        op1Seg = op0.segment;
        op1Off = addOffset(op0.offset, inst.off2);
      }
    }
    let op1 = mem.get(op1Seg, op1Off);
    let res: Value | undefined;

    // Auto-deduction rules (builtins) first; such a deduced cell is written at once.
    if (op0 === undefined) op0 = mem.deduce(op0Seg, op0Off);
    if (op1 === undefined) op1 = mem.deduce(op1Seg, op1Off);
    const updateDst = dst === undefined;
    const updateOp0 = op0 === undefined;
    const updateOp1 = op1 === undefined;

    if (op0 === undefined) {
      // deduce_op0
      if (inst.opcode === Opcode.CALL) {
        op0 = this.returnPc(inst);
      } else if (inst.opcode === Opcode.ASSERT_EQ) {
        if (inst.res === Res.ADD && dst !== undefined && op1 !== undefined) {
          op0 = subValues(dst, op1);
          res = dst;
        } else if (inst.res === Res.MUL && dst !== undefined && typeof dst !== 'object' && op1 !== undefined && typeof op1 !== 'object') {
          if (op1 === 0) throw new VmError('DivisionByZero', `Cannot deduce operand in '0 = ? * ${big(dst)}' (possibly due to division by 0).`);
          op0 = fdiv(dst, op1);
          res = dst;
        }
      }
    }
    if (op1 === undefined) {
      // deduce_op1
      if (inst.opcode === Opcode.ASSERT_EQ && dst !== undefined) {
        if (inst.res === Res.OP1) {
          op1 = dst;
          if (res === undefined) res = dst;
        } else if (inst.res === Res.ADD && op0 !== undefined) {
          op1 = subValues(dst, op0);
          if (res === undefined) res = dst;
        } else if (inst.res === Res.MUL && typeof dst !== 'object' && op0 !== undefined && typeof op0 !== 'object' && op0 !== 0) {
          op1 = fdiv(dst, op0);
          if (res === undefined) res = dst;
        }
      }
    }
    if (op0 === undefined) this.unknown(op0Seg, op0Off);
    if (op1 === undefined) this.unknown(op1Seg, op1Off);

    if (res === undefined) {
      // compute_res
      switch (inst.res) {
        case Res.OP1: res = op1; break;
        case Res.ADD: {
          const k = inst.immNum;
          if (k !== undefined && typeof op0 === 'number') {
            const r = op0 + k; // `x + c` with a small constant: no BigInt when it stays small
            res = r >= 0 && r < SAFE ? r : addValues(op0, op1);
          } else if (k !== undefined && typeof op0 === 'object' && op0.offset + k >= 0) {
            res = new Relocatable(op0.segment, op0.offset + k);
          } else res = addValues(op0, op1);
          break;
        }
        case Res.MUL: res = mulValues(op0, op1); break;
        default: res = undefined;
      }
    }
    if (dst === undefined) {
      if (inst.opcode === Opcode.ASSERT_EQ && res !== undefined) dst = res;
      else if (inst.opcode === Opcode.CALL) dst = new Relocatable(this.fpSeg, this.fp);
      else this.unknown(dstSeg, dstOff);
    }
    if (updateDst) mem.write(dstSeg, dstOff, dst);
    if (updateOp0) mem.write(op0Seg, op0Off, op0);
    if (updateOp1) mem.write(op1Seg, op1Off, op1);

    // Opcode assertions.
    if (inst.opcode === Opcode.ASSERT_EQ) {
      if (res === undefined) throw new VmError('Unconstrained', 'Res.UNCONSTRAINED cannot be used with Opcode.ASSERT_EQ');
      if (dst !== res && !sameValue(dst, res)) {
        throw new VmError('AssertEq', `An ASSERT_EQ instruction failed: ${valueToString(dst)} != ${valueToString(res)}.`);
      }
    } else if (inst.opcode === Opcode.CALL) {
      const retPc = this.returnPc(inst);
      if (!sameValue(op0, retPc)) {
        throw new VmError('CallFailed', `Call failed to write return-pc (inconsistent op0): ${valueToString(op0)} != ${retPc}. Did you forget to increment ap?`);
      }
      const retFp = new Relocatable(this.fpSeg, this.fp);
      if (!sameValue(dst, retFp)) {
        throw new VmError('CallFailed', `Call failed to write return-fp (inconsistent dst): ${valueToString(dst)} != ${retFp}. Did you forget to increment ap?`);
      }
    }

    const trace = this.trace;
    if (trace !== undefined) {
      trace.push(this.pcSeg, this.pc, this.apSeg, this.ap, this.fpSeg, this.fp);
    }

    // update_registers: fp, then ap, then pc (so an error leaves pc at the failing instruction).
    let newFpSeg = this.fpSeg;
    let newFp = this.fp;
    if (inst.fpUpdate === FpUpdate.AP_PLUS2) {
      newFpSeg = this.apSeg;
      newFp = this.ap + 2;
    } else if (inst.fpUpdate === FpUpdate.DST) {
      if (typeof dst !== 'object') throw new VmError('PureValue', `ret: the saved fp must be a relocatable value, got the felt ${valueToString(dst)}.`);
      newFpSeg = dst.segment;
      newFp = dst.offset;
    }
    let newAp = this.ap;
    switch (inst.apUpdate) {
      case ApUpdate.ADD:
        if (res === undefined) throw new VmError('Unconstrained', 'Res.UNCONSTRAINED cannot be used with ApUpdate.ADD');
        if (typeof res === 'object') throw new VmError('PureValue', `Could not complete computation ap += of non pure value: ${res}.`);
        newAp = addOffset(this.ap, res);
        break;
      case ApUpdate.ADD1: newAp = this.ap + 1; break;
      case ApUpdate.ADD2: newAp = this.ap + 2; break;
    }
    switch (inst.pcUpdate) {
      case PcUpdate.REGULAR:
        this.pc += inst.size;
        break;
      case PcUpdate.JUMP:
        if (res === undefined) throw new VmError('Unconstrained', 'Res.UNCONSTRAINED cannot be used with PcUpdate.JUMP');
        if (typeof res !== 'object') throw new VmError('PureValue', `Cannot jump to ${valueToString(res)}: a jump target must be a relocatable address.`);
        this.pcSeg = res.segment;
        this.pc = res.offset;
        break;
      case PcUpdate.JUMP_REL:
        if (res === undefined) throw new VmError('Unconstrained', 'Res.UNCONSTRAINED cannot be used with PcUpdate.JUMP_REL');
        if (typeof res === 'object') throw new VmError('PureValue', `Could not complete computation jmp rel of non pure value: ${res}.`);
        if (inst.immNum !== undefined && inst.op1Src === Op1Src.IMM && inst.res === Res.OP1) this.pc += inst.immNum;
        else this.pc = typeof res === 'number' && res < SMALL_JUMP ? this.pc + res : addOffset(this.pc, res);
        if (this.pc < 0) throw new VmError('InvalidAddress', `Jump to a negative offset: ${this.pcSeg}:${this.pc}.`);
        break;
      case PcUpdate.JNZ:
        if (isZero(dst)) this.pc += inst.size;
        else {
          if (typeof op1 === 'object') throw new VmError('PureValue', `Could not complete computation jnz of non pure value: ${op1}.`);
          if (inst.immNum !== undefined && inst.op1Src === Op1Src.IMM) this.pc += inst.immNum;
          else this.pc = typeof op1 === 'number' && op1 < SMALL_JUMP ? this.pc + op1 : addOffset(this.pc, op1);
          if (this.pc < 0) throw new VmError('InvalidAddress', `Jump to a negative offset: ${this.pcSeg}:${this.pc}.`);
        }
        break;
    }
    this.fpSeg = newFpSeg;
    this.fp = newFp;
    this.ap = newAp;
    this.currentStep++;
  }

  private returnPc(inst: Instruction): Relocatable {
    if (this.pcSeg !== this.programSeg) return new Relocatable(this.pcSeg, this.pc + inst.size);
    let r = this.returnPcs[this.pc];
    if (r === undefined) this.returnPcs[this.pc] = r = new Relocatable(this.pcSeg, this.pc + inst.size);
    return r;
  }
}

/** Forward jumps below this need no overflow check (backward jumps are big felts: P - k). */
const SMALL_JUMP = 2 ** 30;
const SAFE = 2 ** 53;
/** Times a pc starts a straight run before its block is compiled: short runs stay interpreted. */
const BLOCK_HEAT = 8;

function sameValue(a: Value, b: Value): boolean {
  if (a === b) return true;
  return typeof a === 'object' && a.equals(b);
}

function isZero(v: Value): boolean {
  if (typeof v !== 'object') return v === 0;
  if (v.offset >= 0) return false;
  throw new VmError('PureValue', `Could not complete computation jmp != 0 of non pure value: ${v}.`);
}

