// The block compiler: a straight run of decoded instructions of the program segment (up to and
// including the first jump, call or ret, and stopping before a pc with hints) becomes one
// generated JavaScript function with every instruction field folded in as a constant and the
// registers in local variables. The interpreter (VirtualMachine.runInstruction) stays the
// reference: a block only runs the common shapes and hands anything else back to it.
//
// The contract that keeps a block exactly equal to the interpreter:
// - a block "bails" at instruction i by storing the registers as they were before i and
//   returning; the interpreter then runs instruction i from scratch. Bailing is allowed after
//   some of i's memory writes, because the interpreter would write the same cells with the same
//   values in the same order, and a rewrite of an equal value is a no-op in write-once memory;
//   the trace entry of i is pushed only after every check of i has passed, so it is never pushed
//   twice.
// - the only exceptions a block lets through come from the same calls, in the same order, as
//   the interpreter's (Memory.write's validators, addValues on two addresses); before they leave
//   the block the registers are stored as they were before the failing instruction.
// - cells that a builtin could deduce are never assumed unknown: a missing one reached through
//   op0 is deduced where the interpreter deduces it (Memory.deduce, the same call); ap and fp
//   in a builtin segment make the block bail at once.
import { Instruction, Reg, Op1Src, Res, PcUpdate, ApUpdate, FpUpdate, Opcode } from './instruction';
import { Relocatable, Value, valuesEqual } from './relocatable';
import { addValues } from './values';
import * as F from './felt';
import type { VirtualMachine } from './vm';

/** A compiled block: runs from its first pc; returns 2 * steps run, plus 1 when it bailed. */
export type BlockFn = (vm: VirtualMachine) => number;

export interface Block {
  readonly fn: BlockFn;
  /** Instructions in the block (the most steps one call runs). */
  readonly length: number;
  /** Pc of its last instruction (the block's pcs run from its start to this one). */
  readonly lastPc: number;
}

/** Longest block: bounds the generated source of very long straight-line functions. */
const MAX_BLOCK = 200;
const SAFE = 2 ** 53;
/** Forward jumps below this need no overflow check (as in the interpreter). */
const SMALL_JUMP = 2 ** 30;
const MAX_OFFSET = 2 ** 40;

/**
 * Compiles the block starting at `pc` (program segment), or returns undefined when its first
 * instruction cannot start one (hints there, or it does not decode: the interpreter reports).
 */
export function compileBlock(vm: VirtualMachine, pc: number, programLength: number): Block | undefined {
  const insts: { pc: number; inst: Instruction }[] = [];
  let at = pc;
  while (insts.length < MAX_BLOCK && at < programLength) {
    if (vm.hints[at] !== undefined) break;
    let inst: Instruction;
    try {
      inst = vm.instructionAt(vm.programSeg, at);
    } catch {
      break;
    }
    if (inst.size === 2 && at + 1 >= programLength) break;
    insts.push({ pc: at, inst });
    if (inst.pcUpdate !== PcUpdate.REGULAR || inst.opcode === Opcode.CALL || inst.opcode === Opcode.RET) break;
    at += inst.size;
  }
  if (insts.length === 0) return undefined;
  const consts: unknown[] = [];
  const k = (v: unknown): string => {
    consts.push(v);
    return `K[${consts.length - 1}]`;
  };
  const body = insts.map((x, i) => emit(x.inst, x.pc, i, vm.programSeg, k)).join('\n');
  const last = insts[insts.length - 1];
  const tail = last.inst.pcUpdate === PcUpdate.REGULAR && last.inst.opcode !== Opcode.CALL && last.inst.opcode !== Opcode.RET
    ? `vm.pc = ${last.pc + last.inst.size}; vm.ap = ap; vm.currentStep += ${insts.length}; return ${2 * insts.length};`
    : ''; // the last instruction stores the registers itself
  const src = `
"use strict";
return function block_${pc}(vm) {
  const mem = vm.mem;
  const segs = mem.segments;
  const D = mem.deducers;
  const apSeg = vm.apSeg;
  const fpSeg = vm.fpSeg;
  const A = apSeg >= 0 ? segs[apSeg] : mem.temp[-apSeg - 1];
  const Fm = fpSeg === apSeg ? A : fpSeg >= 0 ? segs[fpSeg] : mem.temp[-fpSeg - 1];
  if (A === undefined || Fm === undefined || (apSeg >= 0 && D[apSeg] !== undefined) || (fpSeg >= 0 && D[fpSeg] !== undefined)) return 1;
  const T = vm.trace;
  let ap = vm.ap;
  const fp = vm.fp;
  let i = 0;
  let dst, op0, op1, res, r, s, o, M;
  try {
${body}
${tail}
  } catch (e) {
    vm.ap = ap;
    vm.pc = PCS[i];
    vm.currentStep += i;
    throw e;
  }
};`;
  const pcs = Int32Array.from(insts.map((x) => x.pc));
  const make = new Function('K', 'PCS', 'R', 'Fadd', 'Fmul', 'addValues', 'eq', 'SAFE', 'SMALL_JUMP', 'MAX_OFFSET', 'B', 'Dsub', src);
  const fn = make(consts, pcs, Relocatable, F.add, F.mul, addValues, valuesEqual, SAFE, SMALL_JUMP, MAX_OFFSET, bailAt, deducedDiff) as BlockFn;
  return { fn, length: insts.length, lastPc: last.pc };
}

/** The source of one instruction: reads, deductions, writes, checks, trace, registers. */
function emit(inst: Instruction, pc: number, i: number, programSeg: number, k: (v: unknown) => string): string {
  const bail = `return B(vm, ap, ${pc}, ${i});`;
  const mem = (reg: Reg) => (reg === Reg.AP ? 'A' : 'Fm');
  const segOf = (reg: Reg) => (reg === Reg.AP ? 'apSeg' : 'fpSeg');
  const offOf = (reg: Reg, off: number) => `${reg === Reg.AP ? 'ap' : 'fp'} + ${off}`;
  const L: string[] = [`    i = ${i};`];
  const dstAt = offOf(inst.dstReg, inst.off0);
  const op0At = offOf(inst.op0Reg, inst.off1);
  L.push(`    dst = ${mem(inst.dstReg)}[${dstAt}];`, `    op0 = ${mem(inst.op0Reg)}[${op0At}];`);

  // op1 and where it lives (for a write of a deduced op1).
  let op1Seg = '';
  let op1At = '';
  const imm = inst.op1Src === Op1Src.IMM;
  switch (inst.op1Src) {
    case Op1Src.IMM:
      L.push(`    op1 = ${k(inst.imm)};`);
      break;
    case Op1Src.AP:
    case Op1Src.FP: {
      const reg = inst.op1Src === Op1Src.AP ? Reg.AP : Reg.FP;
      op1Seg = segOf(reg);
      op1At = offOf(reg, inst.off2);
      L.push(`    op1 = ${mem(reg)}[${op1At}];`);
      break;
    }
    default:
      // Double dereference: op0 must already be an address; a missing op1 there may be a builtin cell.
      L.push(
        `    if (typeof op0 !== 'object') ${bail}`,
        `    s = op0.segment; o = op0.offset + ${inst.off2};`,
        `    M = s >= 0 ? segs[s] : mem.temp[-s - 1];`,
        `    if (M === undefined || o < 0) ${bail}`,
        `    op1 = M[o];`,
        // A builtin cell: deduced here as the interpreter does at this point (op0 is known, so
        // this is its first deduction and comes before any write of the instruction).
        `    if (op1 === undefined && s >= 0 && D[s] !== undefined) op1 = mem.deduce(s, o);`,
      );
      op1Seg = 's';
      op1At = 'o';
  }

  const writeDst = (v: string) => `mem.write(${segOf(inst.dstReg)}, ${dstAt}, ${v});`;
  const writeOp0 = (v: string) => `mem.write(${segOf(inst.op0Reg)}, ${op0At}, ${v});`;
  const checkDst = `if (dst !== res && !eq(dst, res)) ${bail}`;

  if (inst.opcode === Opcode.ASSERT_EQ) {
    if (inst.res === Res.OP1) {
      // An immediate op1 is always known: only the last branch can run.
      L.push(`    if (op0 === undefined) ${bail}`);
      if (!imm) {
        L.push(
          `    if (op1 === undefined) {`,
          `      if (dst === undefined) ${bail}`,
          `      res = op1 = dst;`,
          `      mem.write(${op1Seg}, ${op1At}, op1);`,
          `    } else {`,
        );
      }
      L.push(
        `      res = op1;`,
        `      if (dst === undefined) { dst = res; ${writeDst('res')} } else ${checkDst}`,
      );
      if (!imm) L.push(`    }`);
    } else if (inst.res === Res.ADD) {
      const sum = imm && inst.immNum !== undefined
        ? [
          `      if (typeof op0 === 'number') { r = op0 + ${inst.immNum}; res = r >= 0 && r < SAFE ? r : Fadd(op0, op1); }`,
          `      else if (typeof op0 === 'object') { r = op0.offset + ${inst.immNum}; if (r < 0) ${bail} res = new R(op0.segment, r); }`,
          `      else res = Fadd(op0, op1);`,
        ]
        : [
          `      if (typeof op0 === 'number' && typeof op1 === 'number') { r = op0 + op1; res = r < SAFE ? r : Fadd(op0, op1); }`,
          `      else if (typeof op0 !== 'object' && typeof op1 !== 'object') res = Fadd(op0, op1);`,
          `      else res = addValues(op0, op1);`,
        ];
      L.push(
        `    if (op0 === undefined) {`,
        `      if (dst === undefined || op1 === undefined) ${bail}`,
        `      op0 = Dsub(dst, op1);`,
        `      if (op0 === undefined) ${bail}`,
        `      res = dst;`,
        `      ${writeOp0('op0')}`,
        ...(imm ? [] : [
          `    } else if (op1 === undefined) {`,
          `      if (dst === undefined) ${bail}`,
          `      op1 = Dsub(dst, op0);`,
          `      if (op1 === undefined) ${bail}`,
          `      res = dst;`,
          `      mem.write(${op1Seg}, ${op1At}, op1);`,
        ]),
        `    } else {`,
        ...sum,
        `      if (dst === undefined) { dst = res; ${writeDst('res')} } else ${checkDst}`,
        `    }`,
      );
    } else if (inst.res === Res.MUL) {
      L.push(
        `    if (op0 === undefined || op1 === undefined) ${bail}`,
        `    if (typeof op0 === 'number' && typeof op1 === 'number') { r = op0 * op1; res = r < SAFE ? r : Fmul(op0, op1); }`,
        `    else if (typeof op0 !== 'object' && typeof op1 !== 'object') res = Fmul(op0, op1);`,
        `    else ${bail}`,
        `    if (dst === undefined) { dst = res; ${writeDst('res')} } else ${checkDst}`,
      );
    } else {
      L.push(`    ${bail}`); // ASSERT_EQ with an unconstrained res: the interpreter's error
    }
  } else if (inst.opcode === Opcode.CALL) {
    const retPc = new Relocatable(programSeg, pc + inst.size);
    L.push(
      `    if (op1 === undefined) ${bail}`,
      `    if (dst === undefined) { dst = new R(fpSeg, fp); ${writeDst('dst')} }`,
      `    if (op0 === undefined) { op0 = ${k(retPc)}; ${writeOp0('op0')} }`,
      `    if (typeof dst !== 'object' || dst.segment !== fpSeg || dst.offset !== fp) ${bail}`,
      `    if (typeof op0 !== 'object' || op0.segment !== ${programSeg} || op0.offset !== ${pc + inst.size}) ${bail}`,
    );
    if (inst.res !== Res.OP1) L.push(`    ${bail}`);
    L.push(`    res = op1;`);
  } else {
    // NOP and RET: every operand must be known (else the interpreter deduces or reports).
    L.push(`    if (dst === undefined || op0 === undefined || op1 === undefined) ${bail}`);
    if (inst.res === Res.OP1) L.push(`    res = op1;`);
    else if (inst.res === Res.ADD) {
      L.push(
        `    if (typeof op0 === 'number' && typeof op1 === 'number') { r = op0 + op1; res = r < SAFE ? r : Fadd(op0, op1); }`,
        `    else if (typeof op0 !== 'object' && typeof op1 !== 'object') res = Fadd(op0, op1);`,
        `    else res = addValues(op0, op1);`,
      );
    } else if (inst.res === Res.MUL) {
      L.push(
        `    if (typeof op0 !== 'object' && typeof op1 !== 'object') res = Fmul(op0, op1);`,
        `    else ${bail}`,
      );
    } else L.push(`    res = undefined;`);
  }

  // New registers, checked before the trace entry is pushed; stored after it.
  const last = inst.pcUpdate !== PcUpdate.REGULAR || inst.opcode === Opcode.CALL || inst.opcode === Opcode.RET;
  let newAp = 'ap';
  switch (inst.apUpdate) {
    case ApUpdate.ADD:
      L.push(`    if (typeof res !== 'number') ${bail}`, `    r = ap + res;`, `    if (r > MAX_OFFSET) ${bail}`);
      newAp = 'r';
      break;
    case ApUpdate.ADD1: newAp = 'ap + 1'; break;
    case ApUpdate.ADD2: newAp = 'ap + 2'; break;
  }
  const trace = `    if (T !== undefined) T.push(${programSeg}, ${pc}, apSeg, ap, fpSeg, fp);`;
  if (!last) {
    L.push(trace);
    if (newAp !== 'ap') L.push(`    ap = ${newAp};`);
    return L.join('\n');
  }

  // The block's last instruction: pc, fp (and the segments) may change; store everything.
  L.push(`    const nAp = ${newAp};`);
  let nFpSeg = 'fpSeg';
  let nFp = 'fp';
  if (inst.fpUpdate === FpUpdate.AP_PLUS2) {
    nFpSeg = 'apSeg';
    nFp = 'ap + 2';
  } else if (inst.fpUpdate === FpUpdate.DST) {
    L.push(`    if (typeof dst !== 'object') ${bail}`);
    nFpSeg = 'dst.segment';
    nFp = 'dst.offset';
  }
  let nPcSeg = `${programSeg}`;
  let nPc: string;
  switch (inst.pcUpdate) {
    case PcUpdate.REGULAR:
      nPc = `${pc + inst.size}`;
      break;
    case PcUpdate.JUMP:
      L.push(`    if (typeof res !== 'object') ${bail}`);
      nPcSeg = 'res.segment';
      nPc = 'res.offset';
      break;
    case PcUpdate.JUMP_REL:
      if (imm && inst.immNum !== undefined && inst.res === Res.OP1) {
        if (pc + inst.immNum < 0) L.push(`    ${bail}`);
        nPc = `${pc + inst.immNum}`;
      } else {
        L.push(`    if (typeof res !== 'number' || res >= SMALL_JUMP) ${bail}`);
        nPc = `${pc} + res`;
      }
      break;
    default: {
      // JNZ: a zero dst falls through; an address is never zero.
      const taken = imm && inst.immNum !== undefined
        ? (pc + inst.immNum < 0 ? `${bail}` : `nPc = ${pc + inst.immNum};`)
        : `{ if (typeof op1 !== 'number' || op1 >= SMALL_JUMP) ${bail} nPc = ${pc} + op1; }`;
      L.push(
        `    let nPc;`,
        `    if (dst === 0) nPc = ${pc + inst.size};`,
        `    else if (typeof dst === 'object' && dst.offset < 0) ${bail}`,
        `    else ${taken}`,
      );
      nPc = 'nPc';
    }
  }
  L.push(
    trace,
    `    vm.fpSeg = ${nFpSeg}; vm.fp = ${nFp};`,
    `    vm.ap = nAp;`,
    `    vm.pcSeg = ${nPcSeg}; vm.pc = ${nPc};`,
    `    vm.currentStep += ${i + 1};`,
    `    return ${2 * (i + 1)};`,
  );
  return L.join('\n');
}

// Bailing and deducing an operand are shared functions rather than inline source: generated
// source is parsed and compiled on every run (about 1 KB an instruction inline, a fifth of a
// keccak run's time went to compiling it).

/** A bail at instruction i (pc): the registers as before it; returns 2 i + 1. */
function bailAt(vm: VirtualMachine, ap: number, pc: number, i: number): number {
  vm.ap = ap;
  vm.pc = pc;
  vm.currentStep += i;
  return 2 * i + 1;
}

/** `a - b` for a deduced operand, on the shapes the interpreter's subValues handles without
 * error; undefined (the block bails) otherwise. */
function deducedDiff(a: Value, b: Value): Value | undefined {
  if (typeof a === 'number' && typeof b === 'number' && a >= b) return a - b;
  if (typeof a !== 'object' && typeof b !== 'object') return F.sub(a, b);
  if (typeof a === 'object' && typeof b === 'object' && a.segment === b.segment && a.offset >= b.offset) return a.offset - b.offset;
  if (typeof a === 'object' && typeof b === 'number' && a.offset >= b) return new Relocatable(a.segment, a.offset - b);
  return undefined;
}
