// Instruction decoding (cairo-lang's encode.py), with every flag group checked.
import { Felt, toSigned } from './felt';
import { Value } from './relocatable';
import { VmError } from './errors';

export const enum Reg { AP = 0, FP = 1 }
export const enum Op1Src { OP0 = 0, IMM = 1, AP = 2, FP = 4 }
export const enum Res { OP1 = 0, ADD = 1, MUL = 2, UNCONSTRAINED = 3 }
export const enum PcUpdate { REGULAR = 0, JUMP = 1, JUMP_REL = 2, JNZ = 4 }
export const enum ApUpdate { REGULAR = 0, ADD = 1, ADD1 = 2, ADD2 = 3 }
export const enum FpUpdate { REGULAR = 0, AP_PLUS2 = 1, DST = 2 }
export const enum Opcode { NOP = 0, CALL = 1, RET = 2, ASSERT_EQ = 4 }

/** A decoded instruction; one object per pc, reused for every execution of that pc. */
export interface Instruction {
  readonly off0: number;
  readonly off1: number;
  readonly off2: number;
  readonly imm: Value | undefined;
  /** The immediate as a small signed number (|v| < 2^52), so `x - 1` and `jmp rel -9` stay off BigInt. */
  readonly immNum: number | undefined;
  readonly dstReg: Reg;
  readonly op0Reg: Reg;
  readonly op1Src: Op1Src;
  readonly res: Res;
  readonly pcUpdate: PcUpdate;
  readonly apUpdate: ApUpdate;
  readonly fpUpdate: FpUpdate;
  readonly opcode: Opcode;
  readonly size: number;
}

const invalid = (why: string) => new VmError('InvalidInstruction', `Invalid instruction: ${why}`);

/** One of the flag groups, which must have at most one bit set. */
function oneHot(flags: number, bits: readonly number[], group: string): number {
  let seen = -1;
  for (let i = 0; i < bits.length; i++) {
    if ((flags >> bits[i]) & 1) {
      if (seen >= 0) throw invalid(`more than one ${group} flag is set.`);
      seen = i;
    }
  }
  return seen;
}

export function decodeInstruction(encoding: Felt, imm: Value | undefined): Instruction {
  if (typeof encoding === 'bigint' && encoding >= 1n << 63n) {
    throw invalid(`unsupported encoding ${encoding}: an instruction fits in 63 bits.`);
  }
  const e = BigInt(encoding);
  const off0 = Number(e & 0xffffn) - 0x8000;
  const off1 = Number((e >> 16n) & 0xffffn) - 0x8000;
  const off2 = Number((e >> 32n) & 0xffffn) - 0x8000;
  const flags = Number(e >> 48n);

  const dstReg = flags & 1 ? Reg.FP : Reg.AP;
  const op0Reg = (flags >> 1) & 1 ? Reg.FP : Reg.AP;
  const op1 = oneHot(flags, [2, 3, 4], 'op1 source');
  const op1Src = op1 === 0 ? Op1Src.IMM : op1 === 1 ? Op1Src.FP : op1 === 2 ? Op1Src.AP : Op1Src.OP0;
  const resBits = oneHot(flags, [5, 6], 'res');
  const pcBits = oneHot(flags, [7, 8, 9], 'pc update');
  const pcUpdate = pcBits === 0 ? PcUpdate.JUMP : pcBits === 1 ? PcUpdate.JUMP_REL : pcBits === 2 ? PcUpdate.JNZ : PcUpdate.REGULAR;
  const res = resBits === 0 ? Res.ADD : resBits === 1 ? Res.MUL : pcUpdate === PcUpdate.JNZ ? Res.UNCONSTRAINED : Res.OP1;
  if (pcUpdate === PcUpdate.JNZ && res !== Res.UNCONSTRAINED) throw invalid('jnz requires an unconstrained res (no res flags).');
  const apBits = oneHot(flags, [10, 11], 'ap update');
  let apUpdate = apBits === 0 ? ApUpdate.ADD : apBits === 1 ? ApUpdate.ADD1 : ApUpdate.REGULAR;
  const opBits = oneHot(flags, [12, 13, 14], 'opcode');
  const opcode = opBits === 0 ? Opcode.CALL : opBits === 1 ? Opcode.RET : opBits === 2 ? Opcode.ASSERT_EQ : Opcode.NOP;
  let fpUpdate = FpUpdate.REGULAR;
  if (opcode === Opcode.CALL) {
    if (apUpdate !== ApUpdate.REGULAR) throw invalid('CALL must have update_ap is ADD2.');
    apUpdate = ApUpdate.ADD2;
    fpUpdate = FpUpdate.AP_PLUS2;
  } else if (opcode === Opcode.RET) {
    fpUpdate = FpUpdate.DST;
  }
  if (op1Src === Op1Src.IMM) {
    if (imm === undefined) throw invalid('op1_addr is Op1Addr.IMM, but no immediate given.');
  } else {
    imm = undefined;
  }
  let immNum: number | undefined;
  if (imm !== undefined && typeof imm !== 'object') {
    const signed = toSigned(imm);
    if (signed > -(2n ** 52n) && signed < 2n ** 52n) immNum = Number(signed);
  }
  return { off0, off1, off2, imm, immNum, dstReg, op0Reg, op1Src, res, pcUpdate, apUpdate, fpUpdate, opcode, size: imm === undefined ? 1 : 2 };
}

/** True when the encoding decodes as a call (used to rebuild tracebacks from the fp chain). */
export function isCallInstruction(encoding: Value | undefined, imm: Value | undefined): boolean {
  if (encoding === undefined || typeof encoding === 'object') return false;
  try {
    const i = decodeInstruction(encoding, imm);
    return i.res === Res.OP1 && (i.pcUpdate === PcUpdate.JUMP || i.pcUpdate === PcUpdate.JUMP_REL) &&
      i.apUpdate === ApUpdate.ADD2 && i.fpUpdate === FpUpdate.AP_PLUS2 && i.opcode === Opcode.CALL;
  } catch {
    return false;
  }
}
