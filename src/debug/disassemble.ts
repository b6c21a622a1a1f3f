// CASM text of an instruction, in the syntax cairo-lang's compiler writes (`[ap + 0] = [fp + -3] + 1, ap++`,
// `call rel 5`, `jmp rel 3 if [ap + -1] != 0`, `ret`), for the Registers scope and disassembly.
import { Instruction, decodeInstruction, Reg, Op1Src, Res, PcUpdate, ApUpdate, Opcode } from '../vm/instruction';
import { Value } from '../vm/relocatable';
import { big, getPrime } from '../vm/felt';

function reg(r: Reg): string {
  return r === Reg.AP ? 'ap' : 'fp';
}

/** An immediate as a signed number: `jmp rel -8` reads better than P - 8. */
function signed(v: Value): string {
  if (typeof v === 'object') return v.toString();
  const b = big(v);
  const p = getPrime();
  return b > p / 2n ? (b - p).toString() : b.toString();
}

function op1Text(inst: Instruction): string {
  switch (inst.op1Src) {
    case Op1Src.IMM:
      return signed(inst.imm!);
    case Op1Src.AP:
      return `[ap + ${inst.off2}]`;
    case Op1Src.FP:
      return `[fp + ${inst.off2}]`;
    default:
      return `[[${reg(inst.op0Reg)} + ${inst.off1}] + ${inst.off2}]`;
  }
}

function resText(inst: Instruction): string {
  const op0 = `[${reg(inst.op0Reg)} + ${inst.off1}]`;
  switch (inst.res) {
    case Res.ADD:
      return `${op0} + ${op1Text(inst)}`;
    case Res.MUL:
      return `${op0} * ${op1Text(inst)}`;
    default:
      return op1Text(inst);
  }
}

export function instructionText(inst: Instruction): string {
  const dst = `[${reg(inst.dstReg)} + ${inst.off0}]`;
  const apSuffix = inst.apUpdate === ApUpdate.ADD1 ? ', ap++' : '';
  switch (inst.opcode) {
    case Opcode.RET:
      return 'ret';
    case Opcode.CALL:
      return `call ${inst.pcUpdate === PcUpdate.JUMP ? 'abs' : 'rel'} ${resText(inst)}`;
    case Opcode.ASSERT_EQ:
      return `${dst} = ${resText(inst)}${apSuffix}`;
  }
  // NOP: jumps and `ap +=`.
  switch (inst.pcUpdate) {
    case PcUpdate.JUMP:
      return `jmp abs ${resText(inst)}${apSuffix}`;
    case PcUpdate.JUMP_REL:
      return `jmp rel ${resText(inst)}${apSuffix}`;
    case PcUpdate.JNZ:
      return `jmp rel ${op1Text(inst)} if ${dst} != 0${apSuffix}`;
  }
  if (inst.apUpdate === ApUpdate.ADD) return `ap += ${resText(inst)}`;
  if (inst.apUpdate === ApUpdate.ADD1) return 'ap++';
  return 'nop';
}

/** Decodes and prints the instruction whose encoding is `enc` (immediate `imm`); undefined when it is not one. */
export function disassemble(enc: Value | undefined, imm: Value | undefined): { text: string; size: number } | undefined {
  if (enc === undefined || typeof enc === 'object') return undefined;
  try {
    const inst = decodeInstruction(enc, imm);
    return { text: instructionText(inst), size: inst.size };
  } catch {
    return undefined;
  }
}

export interface ListedInstruction {
  pc: number;
  size: number;
  text: string;
  encoding: Value;
}

/** The program segment decoded from its start, one instruction after another (data words print as `dw`). */
export function listProgram(data: readonly Value[]): ListedInstruction[] {
  const out: ListedInstruction[] = [];
  for (let pc = 0; pc < data.length; ) {
    const d = disassemble(data[pc], data[pc + 1]);
    if (d === undefined || pc + d.size > data.length) {
      out.push({ pc, size: 1, text: `dw ${signed(data[pc])}`, encoding: data[pc] });
      pc++;
    } else {
      out.push({ pc, size: d.size, text: d.text, encoding: data[pc] });
      pc += d.size;
    }
  }
  return out;
}
