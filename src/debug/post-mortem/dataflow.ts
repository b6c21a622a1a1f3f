// What the relocated files lose, found again from the trace: which cells hold addresses (the
// memory file writes an address as a plain number) and which step wrote each cell (the file
// lists cells in first-write order, but not where one step's writes end).
//
// Each step's instruction is decoded at its pc and its operands located as the VM does. Cells an
// instruction must have had (dst of an assert or a call, op0 of an addition, op1...) were
// written by the end of that step; an instruction without a hint before it writes only its own
// operands, and they come last in the log. Address-ness spreads along the dataflow: a call writes
// an fp and a return pc, `[[x] + n]` reads x as an address, a copy keeps its kind, and
// x = y + z holds an address when exactly one of y and z does.
import { decodeInstruction, Instruction, Reg, Op1Src, Res, Opcode, PcUpdate } from '../../vm/instruction';
import { Value } from '../../vm/relocatable';
import { RelocatedMemory, RelocatedTrace, RecordingError } from './files';

const UNKNOWN = 0;
const FELT = 1;
const POINTER = 2;

export interface Dataflow {
  /** Per cell (in file order): it holds an address. */
  pointer: Uint8Array;
  /** Per cell: a segment its address is known to point into (-1: none known). */
  segmentHint: Int32Array;
  /** Log length after each step (cells written by the end of step k). */
  marks: Int32Array;
}

export interface DataflowInput {
  trace: RelocatedTrace;
  memory: RelocatedMemory;
  /** File index of the cell at an address, -1 when not written. */
  indexOf: Int32Array;
  /** Cells written before the first step (program and initial stack). */
  initialCells: number;
  /** Cells known to hold addresses before the run, with their segment. */
  initialPointers: [index: number, segment: number][];
  /** Pcs (offsets in the program) that carry hints. */
  hinted: (pc: number) => boolean;
  /** The first address past the program. */
  executionBase: number;
  /** Addresses of the builtin segments [from, to): a read there may deduce (write) the cell. */
  builtins: [number, number];
}

export function dataflow(input: DataflowInput): Dataflow {
  const { trace, memory, indexOf, initialCells, executionBase } = input;
  const n = memory.values.length;
  const steps = trace.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const kind = new Uint8Array(n);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const mark = (i: number, k: number) => {
    if (i < 0) return;
    const r = find(i);
    if (kind[r] === UNKNOWN) kind[r] = k;
  };
  const union = (a: number, b: number) => {
    if (a < 0 || b < 0) return;
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // An address copied is an address: on a conflict the address evidence wins.
    const k = kind[ra] === POINTER || kind[rb] === POINTER ? POINTER : kind[ra] || kind[rb];
    parent[rb] = ra;
    kind[ra] = k;
  };
  // A value that is no address of this run cannot hold one.
  // One past the last cell is still an address (the end of the last segment).
  const max = memory.maxAddress + 1;
  for (let i = 0; i < n; i++) {
    const v = memory.values[i];
    if (typeof v !== 'number' || v === 0 || v > max) kind[i] = FELT;
  }
  for (let i = 0; i < n && memory.addresses[i] < executionBase; i++) kind[i] = FELT;
  for (const [i] of input.initialPointers) kind[i] = POINTER;

  const value = (addr: number): Value | undefined => {
    const i = addr >= 0 && addr < indexOf.length ? indexOf[addr] : -1;
    return i < 0 ? undefined : memory.values[i];
  };
  const at = (addr: number): number => (addr >= 0 && addr < indexOf.length ? indexOf[addr] : -1);
  const decoded = new Map<number, Instruction>();
  /** Per step: file indices of the operands it needed (dst, op0, op1; -1 none). */
  const needed = new Int32Array(3 * steps).fill(-1);
  /** Per step: how many cells outside the builtins its instruction can write (an assert one, a call two). */
  const quota = new Uint8Array(steps);
  const sums: number[] = [];
  for (let k = 0; k < steps; k++) {
    const pc = trace.pc[k];
    const ap = trace.ap[k];
    const fp = trace.fp[k];
    let inst = decoded.get(pc);
    if (inst === undefined) {
      const enc = value(pc);
      if (typeof enc !== 'number' && typeof enc !== 'bigint') throw new RecordingError(`Step ${k} runs at address ${pc}, where the memory file holds no instruction: the trace and memory files are not from one run.`);
      try {
        inst = decodeInstruction(enc, value(pc + 1));
      } catch (e) {
        throw new RecordingError(`Step ${k}: ${(e as Error).message}`);
      }
      decoded.set(pc, inst);
    }
    const dst = at((inst.dstReg === Reg.AP ? ap : fp) + inst.off0);
    const op0Addr = (inst.op0Reg === Reg.AP ? ap : fp) + inst.off1;
    const op0 = at(op0Addr);
    let op1 = -1;
    switch (inst.op1Src) {
      case Op1Src.IMM:
        op1 = at(pc + 1);
        break;
      case Op1Src.AP:
        op1 = at(ap + inst.off2);
        break;
      case Op1Src.FP:
        op1 = at(fp + inst.off2);
        break;
      default: {
        const base = value(op0Addr);
        if (typeof base === 'number') op1 = at(base + inst.off2);
      }
    }
    const jnz = inst.pcUpdate === PcUpdate.JNZ;
    const needDst = inst.opcode === Opcode.ASSERT_EQ || inst.opcode === Opcode.CALL || inst.opcode === Opcode.RET || jnz;
    const needOp0 = inst.opcode === Opcode.CALL || inst.op1Src === Op1Src.OP0 || inst.res === Res.ADD || inst.res === Res.MUL;
    const needOp1 = !jnz || (dst >= 0 && memory.values[dst] !== 0);
    quota[k] = inst.opcode === Opcode.ASSERT_EQ ? 1 : inst.opcode === Opcode.CALL ? 2 : 0;
    if (needDst) needed[3 * k] = dst;
    if (needOp0) needed[3 * k + 1] = op0;
    if (needOp1) needed[3 * k + 2] = op1;

    if (inst.opcode === Opcode.CALL) {
      mark(dst, POINTER);
      mark(op0, POINTER);
    }
    if (inst.op1Src === Op1Src.OP0) mark(op0, POINTER);
    if (inst.opcode === Opcode.RET || (inst.pcUpdate === PcUpdate.JUMP && inst.opcode !== Opcode.CALL)) mark(op1, POINTER);
    if (inst.opcode === Opcode.RET) mark(dst, POINTER);
    if (inst.opcode === Opcode.ASSERT_EQ) {
      if (inst.res === Res.OP1) union(dst, op1);
      else if (inst.res === Res.ADD) {
        if (inst.op1Src === Op1Src.IMM) union(dst, op0);
        else sums.push(dst, op0, op1);
      } else if (inst.res === Res.MUL) {
        mark(dst, FELT);
        mark(op0, FELT);
        mark(op1, FELT);
      }
    }
  }
  // x = y + z: an address when exactly one of y, z is (and the address keeps its segment).
  for (let pass = 0, changed = true; changed && pass < 64; pass++) {
    changed = false;
    for (let s = 0; s < sums.length; s += 3) {
      const [d, a, b] = [sums[s], sums[s + 1], sums[s + 2]];
      if (d < 0 || a < 0 || b < 0) continue;
      const kd = kind[find(d)];
      const ka = kind[find(a)];
      const kb = kind[find(b)];
      const known = (kd ? 1 : 0) + (ka ? 1 : 0) + (kb ? 1 : 0);
      if (known < 2) continue;
      const isP = (k: number) => k === POINTER;
      if (!kd) {
        mark(d, isP(ka) !== isP(kb) ? POINTER : FELT);
        changed = true;
      } else if (!ka) {
        mark(a, isP(kd) !== isP(kb) ? POINTER : FELT);
        changed = true;
      } else if (!kb) {
        mark(b, isP(kd) !== isP(ka) ? POINTER : FELT);
        changed = true;
      }
      if (isP(kind[find(d)])) {
        if (isP(kind[find(a)]) && !isP(kind[find(b)]) && find(d) !== find(a)) union(d, a);
        if (isP(kind[find(b)]) && !isP(kind[find(a)]) && find(d) !== find(b)) union(d, b);
      }
    }
  }

  const pointer = new Uint8Array(n);
  const hintOfRoot = new Map<number, number>();
  for (const [i, seg] of input.initialPointers) hintOfRoot.set(find(i), seg);
  const segmentHint = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const v = memory.values[i];
    // Past the last cell only when derived from a builtin's base: a builtin's unwritten output
    // cells are not in the file, so its pointer can run past its relocated end.
    const hint = hintOfRoot.get(r) ?? -1;
    pointer[i] = kind[r] === POINTER && typeof v === 'number' && v > 0 && (v <= max || hint >= 0) ? 1 : 0;
    if (pointer[i]) segmentHint[i] = hint;
  }
  for (const [i, seg] of input.initialPointers) segmentHint[i] = seg;

  // Where each step's writes end. Forward: at least past every cell a step needed. Backward: a
  // step with no hint wrote only the needed operands at the end of the log.
  const marks = new Int32Array(steps);
  const lower = new Int32Array(steps);
  let lb = initialCells;
  for (let k = 0; k < steps; k++) {
    for (let j = 0; j < 3; j++) lb = Math.max(lb, needed[3 * k + j] + 1);
    lower[k] = lb;
  }
  if (steps > 0) marks[steps - 1] = lower[steps - 1];
  const isNeeded = (k: number, i: number) => needed[3 * k] === i || needed[3 * k + 1] === i || needed[3 * k + 2] === i;
  for (let k = steps - 2; k >= 0; k--) {
    const next = trace.pc[k + 1];
    if (next < executionBase && input.hinted(next - 1)) {
      marks[k] = lower[k];
      continue;
    }
    let m = marks[k + 1];
    let left = quota[k + 1];
    const [from, to] = input.builtins;
    for (let c = 0; c < 3 && m - 1 >= lower[k] && isNeeded(k + 1, m - 1); c++) {
      const a = memory.addresses[m - 1];
      if (a < from || a >= to) {
        if (left === 0) break;
        left--;
      }
      m--;
    }
    marks[k] = Math.max(m, lower[k]);
  }
  return { pointer, segmentHint, marks };
}
