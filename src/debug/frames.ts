// Call frames from the fp chain: each frame saved the caller's fp at [fp - 2] and the return pc
// at [fp - 1]; the caller's pc is the call instruction just before that return pc.
import { Memory } from '../vm/memory';
import { Relocatable } from '../vm/relocatable';
import { isCallInstruction } from '../vm/instruction';
import { Registers } from './history';

export interface Frame {
  pc: Relocatable;
  fp: Relocatable;
  /** ap where this frame is: known for the innermost frame, and for a caller (fp of callee - 2). */
  ap: Relocatable | undefined;
}

/**
 * Frames innermost first, all of them (or the first `limit`); stops at the entry frame (whose
 * return pc is outside the code: the program segment, or a segment a task was loaded into). Each frame holds two cells of its own, so a chain longer than
 * memory is a loop.
 */
export function callStack(mem: Memory, regs: Registers, codeSegment: number | ((segment: number) => boolean), limit = Infinity): Frame[] {
  const isCode = typeof codeSegment === 'number' ? (s: number) => s === codeSegment : codeSegment;
  const frames: Frame[] = [{ pc: regs.pc, fp: regs.fp, ap: regs.ap }];
  let fp = regs.fp;
  const callSize = new Map<number, number>();
  while (frames.length <= mem.size && frames.length < limit) {
    const savedFp = mem.get(fp.segment, fp.offset - 2);
    const retPc = mem.get(fp.segment, fp.offset - 1);
    if (typeof savedFp !== 'object' || typeof retPc !== 'object') break;
    if (!isCode(retPc.segment) || savedFp.equals(fp)) break;
    // The call before a return pc: decoded once per return pc (a recursion returns to one place).
    const sizeKey = retPc.segment * 2 ** 32 + retPc.offset;
    let size = callSize.get(sizeKey);
    if (size === undefined) {
      const i1 = mem.get(retPc.segment, retPc.offset - 1);
      const i0 = mem.get(retPc.segment, retPc.offset - 2);
      // cairo-lang's order (get_traceback_entries): a one-word call first.
      size = isCallInstruction(i1, undefined) ? 1 : isCallInstruction(i0, i1) ? 2 : 0;
      callSize.set(sizeKey, size);
    }
    if (size === 0) break;
    frames.push({ pc: new Relocatable(retPc.segment, retPc.offset - size), fp: savedFp, ap: new Relocatable(fp.segment, fp.offset - 2) });
    fp = savedFp;
  }
  return frames;
}

/** Where the frame at `fp` returns: [fp - 1] and the caller's fp [fp - 2]. */
export function returnOf(mem: Memory, fp: Relocatable): { pc: Relocatable; fp: Relocatable } | undefined {
  const savedFp = mem.get(fp.segment, fp.offset - 2);
  const retPc = mem.get(fp.segment, fp.offset - 1);
  if (typeof savedFp !== 'object' || typeof retPc !== 'object') return undefined;
  return { pc: retPc, fp: savedFp };
}
