import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInstruction, isCallInstruction, Op1Src, Res, PcUpdate, ApUpdate, FpUpdate, Opcode, Reg } from '../../src/vm/instruction';
import { VmError } from '../../src/vm/errors';

// Encodings from cairo-lang's compiler (e.g. fib.json).
test('decodes [ap] = [fp - 3] + 1 style add with immediate and ap++', () => {
  // 0x482680017ffd8000: [ap + 0] = [fp + -3] + imm, ap++
  const i = decodeInstruction(0x482680017ffd8000n, 1);
  assert.equal(i.off0, 0);
  assert.equal(i.off1, -3);
  assert.equal(i.off2, 1);
  assert.equal(i.dstReg, Reg.AP);
  assert.equal(i.op0Reg, Reg.FP);
  assert.equal(i.op1Src, Op1Src.IMM);
  assert.equal(i.res, Res.ADD);
  assert.equal(i.apUpdate, ApUpdate.ADD1);
  assert.equal(i.opcode, Opcode.ASSERT_EQ);
  assert.equal(i.size, 2);
});

test('decodes call rel and ret', () => {
  const call = decodeInstruction(0x1104800180018000n, 5); // call rel imm
  assert.equal(call.opcode, Opcode.CALL);
  assert.equal(call.pcUpdate, PcUpdate.JUMP_REL);
  assert.equal(call.apUpdate, ApUpdate.ADD2);
  assert.equal(call.fpUpdate, FpUpdate.AP_PLUS2);
  assert.ok(isCallInstruction(0x1104800180018000n, 5));
  const ret = decodeInstruction(0x208b7fff7fff7ffen, undefined);
  assert.equal(ret.opcode, Opcode.RET);
  assert.equal(ret.pcUpdate, PcUpdate.JUMP);
  assert.equal(ret.fpUpdate, FpUpdate.DST);
  assert.equal(ret.off0, -2);
  assert.equal(ret.off2, -1);
  assert.ok(!isCallInstruction(0x208b7fff7fff7ffen, undefined));
});

test('decodes jnz with unconstrained res', () => {
  const j = decodeInstruction(0x20680017fff7fffn, 3); // jmp rel imm if [ap - 1] != 0
  assert.equal(j.pcUpdate, PcUpdate.JNZ);
  assert.equal(j.res, Res.UNCONSTRAINED);
});

test('rejects invalid flag groups and encodings', () => {
  const flags = (f: bigint) => (f << 48n) | 0x800080008000n;
  assert.throws(() => decodeInstruction(flags(0b11100n), 1), (e: unknown) => e instanceof VmError && e.kind === 'InvalidInstruction');
  assert.throws(() => decodeInstruction(flags(0b1100000n), 1), /more than one res/);
  assert.throws(() => decodeInstruction(flags(1n << 15n), 1), /fits in 63 bits/);
  assert.throws(() => decodeInstruction(flags(1n << 12n | 1n << 10n), 1), /CALL must have update_ap/);
  assert.throws(() => decodeInstruction(flags(0b100n), undefined), /no immediate/);
  assert.throws(() => decodeInstruction(flags(1n << 9n | 1n << 5n), 1), /jnz requires/);
});
