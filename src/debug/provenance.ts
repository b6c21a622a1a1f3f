// "Who wrote this?": memory is write-once and the history knows the step that first wrote each
// cell, so a value leads to the step and instruction that wrote it, and that instruction's
// operands to their own writers: a wrong value can be followed back through its dataflow.
import { Relocatable, Value } from '../vm/relocatable';
import { decodeInstruction, Reg, Op1Src } from '../vm/instruction';
import { Timeline } from './history';
import { Code } from './code';
import { formatValue } from './values';

export interface Operand {
  /** dst, op0 or op1, as cairo-lang names them. */
  role: 'dst' | 'op0' | 'op1';
  /** The operand as the instruction writes it (`[fp + -3]`). */
  text: string;
  address: Relocatable;
  value: string;
  /** The step that wrote it: undefined when it was there before the run (program, arguments). */
  writer: number | undefined;
}

export interface Provenance {
  cell: Relocatable;
  value: string;
  /** The step that wrote the cell; undefined when it was written before the first step. */
  step: number | undefined;
  /** The writing step's pc in the code, when it ran there. */
  pc?: number;
  /** The operands of the writing instruction; empty when a hint, not the instruction, wrote the cell. */
  operands: Operand[];
  /** The instruction itself wrote the cell (one of its operands), rather than a hint at its pc. */
  byInstruction: boolean;
}

export function provenance(timeline: Timeline, code: Code, cell: Relocatable): Provenance {
  const mem = timeline.memoryAt(timeline.latest);
  const value = formatValue(mem.get(cell.segment, cell.offset));
  const step = timeline.writerOf(cell.segment, cell.offset);
  if (step === undefined) return { cell, value, step, operands: [], byInstruction: false };
  const regs = timeline.registersAt(step);
  if (!code.isCode(regs.pc)) return { cell, value, step, operands: [], byInstruction: false };
  const pc = regs.pc.offset;
  const enc = mem.get(regs.pc.segment, pc);
  if (enc === undefined || typeof enc === 'object') return { cell, value, step, pc, operands: [], byInstruction: false };
  const inst = decodeInstruction(enc, mem.get(regs.pc.segment, pc + 1));
  const reg = (r: Reg) => (r === Reg.AP ? regs.ap : regs.fp);
  const name = (r: Reg) => (r === Reg.AP ? 'ap' : 'fp');
  const operand = (role: Operand['role'], text: string, address: Relocatable): Operand => ({
    role,
    text,
    address,
    value: formatValue(mem.get(address.segment, address.offset)),
    writer: timeline.writerOf(address.segment, address.offset),
  });
  const operands: Operand[] = [
    operand('dst', `[${name(inst.dstReg)} + ${inst.off0}]`, reg(inst.dstReg).add(inst.off0)),
    operand('op0', `[${name(inst.op0Reg)} + ${inst.off1}]`, reg(inst.op0Reg).add(inst.off1)),
  ];
  let op1: Relocatable | undefined;
  let op1Text: string;
  switch (inst.op1Src) {
    case Op1Src.IMM:
      op1 = regs.pc.add(1);
      op1Text = 'immediate';
      break;
    case Op1Src.AP:
    case Op1Src.FP: {
      const r = inst.op1Src === Op1Src.AP ? Reg.AP : Reg.FP;
      op1 = reg(r).add(inst.off2);
      op1Text = `[${name(r)} + ${inst.off2}]`;
      break;
    }
    default: {
      const base: Value | undefined = mem.get(operands[1].address.segment, operands[1].address.offset);
      op1Text = `[[${name(inst.op0Reg)} + ${inst.off1}] + ${inst.off2}]`;
      if (typeof base === 'object') op1 = base.add(inst.off2);
    }
  }
  if (op1 !== undefined) operands.push(operand('op1', op1Text, op1));
  const byInstruction = operands.some((o) => o.address.segment === cell.segment && o.address.offset === cell.offset);
  return { cell, value, step, pc, operands, byInstruction };
}
