// What a step in, over or out means, judged on recorded steps: the line a pc belongs to and how
// deep a step's frame is (by fp, as cairo-lang's tracer does). Works on any timeline, so going
// forward through history, going back and running live all agree.
import { Timeline } from './history';
import { Code } from './code';
import { HintStops } from './hint-stops';
import { Tasks } from './tasks';

/** The line key of a stop shown at a hint: unlike any line, so the next step in reaches its statement. */
const AT_HINT = -2;

/**
 * Frames that stepping counts as their caller's: a Cairo 1 loop is a function that calls itself
 * once per iteration, and stepping over a line of its body must reach the next iteration.
 */
export interface FrameFolding {
  /** The fp a step's frame counts as: the caller's while the frame is a folded one. */
  fpAt(step: number): { segment: number; offset: number };
  /** Whether a call to this pc of the code enters a folded frame (stepping over the call steps into it). */
  entersFolded(pc: number): boolean;
  /** The inlined functions a step runs in within its frame, outermost first: stepping counts each as a frame (Cairo 1). */
  inlinedAt?(step: number): readonly string[];
}

/** A frame as stepping counts it: an fp, and within it the inlined functions (when the code has them). */
export interface StepFrame {
  fpSeg: number;
  fp: number;
  inlined?: readonly string[];
}

export interface Goal extends StepFrame {
  kind: 'continue' | 'in' | 'over' | 'out' | 'instruction';
  /** The line the step started on (a line key, -1 outside the sources). */
  key: number;
}

export class Stepping {
  constructor(
    private readonly timeline: Timeline,
    private readonly code: Code,
    /** Per pc: the line key a person steps to, or -1. */
    private readonly stepKeyOfPc: Int32Array,
    /** Where "step in" stops before a hint runs (pcs with hints), and what it marks shown there. */
    private readonly hints?: { has(pc: number): boolean; stops: HintStops },
    /** Programs loaded by hints: their pcs step by their own statements. */
    private readonly tasks?: Tasks,
    readonly folding?: FrameFolding,
  ) {}

  /** The fp of a step's frame as stepping counts frames. */
  private fpAt(step: number): { segment: number; offset: number } {
    if (this.folding !== undefined) return this.folding.fpAt(step);
    const [, , segment] = this.timeline.segmentsAt(step);
    return { segment, offset: this.timeline.fpOffsetAt(step) };
  }

  /** A step's frame as stepping counts frames. */
  frameAt(step: number): StepFrame {
    const { segment, offset } = this.fpAt(step);
    const inlined = this.folding?.inlinedAt?.(step);
    return inlined === undefined ? { fpSeg: segment, fp: offset } : { fpSeg: segment, fp: offset, inlined };
  }

  keyAt(step: number): number {
    const [pcSeg] = this.timeline.segmentsAt(step);
    if (!this.code.isCode({ segment: pcSeg })) return this.tasks?.any ? this.tasks.stepKey(pcSeg, this.timeline.pcOffsetAt(step)) : -1;
    const pc = this.timeline.pcOffsetAt(step);
    return pc < this.stepKeyOfPc.length ? this.stepKeyOfPc[pc] : -1;
  }

  /**
   * -1: shallower than the frame (a caller), 0: that frame, 1: deeper (a callee). By fp alone
   * unless the frame lists its inlined functions: then, in the same fp frame, code of fewer of
   * them (or of others: that function was left) is shallower, and code inlined further is deeper.
   */
  depthVs(step: number, frame: StepFrame): number {
    const { segment: seg, offset: off } = this.fpAt(step);
    if (seg !== frame.fpSeg) return -1;
    if (off !== frame.fp) return off < frame.fp ? -1 : 1;
    const want = frame.inlined;
    if (want === undefined) return 0;
    const have = this.folding?.inlinedAt?.(step) ?? [];
    const common = Math.min(have.length, want.length);
    for (let i = 0; i < common; i++) if (have[i] !== want[i]) return -1;
    return have.length < want.length ? -1 : have.length === want.length ? 0 : 1;
  }

  goal(kind: Goal['kind'], from: number): Goal {
    const atHint = this.hints?.stops.at(from) !== undefined;
    this.hints?.stops.clear();
    return { kind, key: atHint ? AT_HINT : this.keyAt(from), ...this.frameAt(from) };
  }

  /** A step whose pc has hints, which "step in" stops at (shown at the hint). */
  private hintAt(step: number): boolean {
    if (this.hints === undefined) return false;
    const [pcSeg] = this.timeline.segmentsAt(step);
    const pc = this.timeline.pcOffsetAt(step);
    if (this.code.isCode({ segment: pcSeg })) return this.hints.has(pc);
    const at = this.tasks?.any ? this.tasks.at(pcSeg, pc) : undefined;
    return at !== undefined && at.task.sourceMap.hasHint(at.pc);
  }

  reached(goal: Goal, step: number): boolean {
    switch (goal.kind) {
      case 'instruction':
        // The next thing to run may be a hint: the stop shows it ("step into hint").
        if (this.hintAt(step)) this.hints!.stops.mark(step);
        return true;
      case 'continue':
        return false;
      case 'out':
        return this.depthVs(step, goal) < 0;
      case 'in': {
        if (this.hintAt(step)) {
          this.hints!.stops.mark(step);
          return true;
        }
        const key = this.keyAt(step);
        return key !== -1 && (key !== goal.key || this.depthVs(step, goal) !== 0);
      }
      case 'over': {
        const d = this.depthVs(step, goal);
        if (d < 0) return true;
        const key = this.keyAt(step);
        return d === 0 && key !== -1 && key !== goal.key;
      }
    }
  }

  /**
   * Where a step back over lines from `from` lands: the inverse of "next". Usually the start of the
   * previous line in that frame (over calls made from it); right after a return into the middle of a
   * line, the start of the statement the callee returned from, since "next" there is what stops here.
   */
  lineBefore(from: number): number {
    const returned = this.returnedInto(from);
    if (returned !== undefined) return returned;
    const goal = this.goal('over', from);
    let k = from - 1;
    while (k > 0) {
      const key = this.keyAt(k);
      const d = this.depthVs(k, goal);
      if (key !== -1 && (d < 0 || (d === 0 && key !== goal.key))) break;
      k--;
    }
    return this.lineStart(k);
  }

  /** The statement a return into `from` came from, when "next" in from's own frame would not stop at `from`. */
  private returnedInto(from: number): number | undefined {
    if (from < 1) return undefined;
    const here = this.frameAt(from);
    // Only a return from a call (another fp) lands here mid-line; code inlined into the frame just ran through.
    if (this.depthVs(from - 1, here) <= 0 || this.sameFp(from - 1, here)) return undefined;
    // The frame's own step before the call: a different line means "next" over the call stops here.
    const key = this.keyAt(from);
    for (let k = from - 2; k >= 0; k--) {
      const d = this.depthVs(k, here);
      // Code of a function inlined into this frame, which made the call: "next" there stops here too (over the call).
      if (d > 0 && here.inlined !== undefined && this.keyAt(k) !== -1 && this.sameFp(k, here)) return this.lineStart(k);
      if (d > 0) continue;
      if (d < 0) break;
      const own = this.keyAt(k);
      if (own === -1) continue;
      if (own !== key) return undefined;
      break;
    }
    const callee = this.frameAt(from - 1);
    let k = from - 1;
    while (k > 0 && (this.keyAt(k) === -1 || this.depthVs(k, callee) > 0)) k--;
    return this.lineStart(k);
  }

  private sameFp(step: number, frame: StepFrame): boolean {
    const { segment, offset } = this.fpAt(step);
    return segment === frame.fpSeg && offset === frame.fp;
  }

  /** The first step of the run of k's line in k's frame (over calls made from it). */
  private lineStart(k: number): number {
    const key = this.keyAt(k);
    const frame = this.frameAt(k);
    let best = k;
    for (let j = k - 1; j >= 0; j--) {
      const d = this.depthVs(j, frame);
      if (d > 0) continue;
      if (d === 0 && this.keyAt(j) === key) best = j;
      else break;
    }
    return best;
  }
}
