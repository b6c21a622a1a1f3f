// Where a line is entered. The line tables stop a line breakpoint at the start of each run of
// the line's pcs in pc order, but compiled Cairo 1 often splits one line's code around a branch:
// `if n == 0 || n == 1` tests n == 0, jumps over the `n == 0` arm's code (another line) and tests
// n == 1 in a second run. Control never reaches that second run except from the line itself, so
// a stop there would be a second stop in the same pass over the line. From the code's jumps,
// this finds such runs: every way into their first pc comes from the line (directly, or through
// code placed on no line that is itself only reached from it).
import { Value } from '../../vm/relocatable';
import { decodeInstruction, Op1Src, Opcode, PcUpdate } from '../../vm/instruction';

/**
 * Run starts (pc order) of a line whose every predecessor is on that line, each with the line's
 * first run start; empty when a jump's target cannot be read (a jump through a register), since
 * then any pc may be entered from anywhere.
 */
export function reenteredRuns(code: readonly Value[], from: number, lineOf: (pc: number) => number | undefined): Map<number, number> {
  const preds = predecessors(code, from);
  const out = new Map<number, number>();
  if (preds === undefined) return out;
  const firstRun = new Map<number, number>();
  const onLine = (pc: number, line: number, seen: Set<number>): boolean => {
    const k = lineOf(pc);
    if (k !== undefined) return k === line;
    // Code on no line counts as the line's when it is only reached from the line.
    if (seen.has(pc) || seen.size > 64) return false;
    seen.add(pc);
    const ps = preds.get(pc) ?? [];
    return ps.length > 0 && ps.every((q) => onLine(q, line, seen));
  };
  let prev: number | undefined;
  for (let pc = from; pc < code.length; pc++) {
    const line = lineOf(pc);
    if (line === undefined) continue;
    if (line !== prev) {
      const first = firstRun.get(line);
      if (first === undefined) firstRun.set(line, pc);
      else {
        const ps = preds.get(pc) ?? [];
        if (ps.length > 0 && ps.every((q) => onLine(q, line, new Set()))) out.set(pc, first);
      }
    }
    prev = line;
  }
  return out;
}

/** For each pc from `from` on, the pcs whose instruction can run just before it; undefined if a jump target is not known. */
function predecessors(code: readonly Value[], from: number): Map<number, number[]> | undefined {
  const preds = new Map<number, number[]>();
  const add = (to: number, pc: number) => {
    const list = preds.get(to);
    if (list === undefined) preds.set(to, [pc]);
    else list.push(pc);
  };
  for (let pc = from; pc < code.length; ) {
    const enc = code[pc];
    let inst;
    try {
      inst = typeof enc === 'object' ? undefined : decodeInstruction(enc, code[pc + 1]);
    } catch {
      inst = undefined;
    }
    if (inst === undefined) {
      pc++; // data (constants after the code)
      continue;
    }
    const jumps = inst.pcUpdate !== PcUpdate.REGULAR;
    // A ret jumps to its caller's return pc (the pc after a call, which the call's own fall-through covers).
    if (jumps && inst.opcode !== Opcode.CALL && inst.opcode !== Opcode.RET) {
      if (inst.op1Src !== Op1Src.IMM || inst.immNum === undefined) return undefined;
      add(inst.pcUpdate === PcUpdate.JUMP ? inst.immNum : pc + inst.immNum, pc);
    }
    // A call returns to the next instruction; only a ret and an unconditional jump do not go on.
    const goesOn = inst.opcode !== Opcode.RET && !(jumps && inst.pcUpdate !== PcUpdate.JNZ && inst.opcode !== Opcode.CALL);
    if (goesOn) add(pc + inst.size, pc);
    pc += inst.size;
  }
  return preds;
}
