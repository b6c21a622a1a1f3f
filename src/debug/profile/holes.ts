// Memory holes per call-tree node. A hole is what cairo-run's get_memory_holes counts: a cell
// below its segment's size that no instruction of the run and no builtin accessed (a local never
// used, cells skipped by `ap += n`, array cells only a hint wrote). Each hole is charged to the
// frame whose step made it one:
// - in the execution segment, the frame that was innermost when ap first moved past the cell;
// - in any other segment, the frame of the first access to the nearest accessed cell above it
//   (the write that left it behind); above the last accessed cell, the frame of that cell's first
//   access; a cell next to whole-segment accesses (program, builtins), the root.
// The per-node counts add up to cairo-run's n_memory_holes of the same run.
import { forEachAccess, RunState } from '../../runner/proof-checks';

/** Frame switches of a run: from step `steps[i]` on, node `nodes[i]` is innermost, and the
 *  highest ap reached before that step is `maxAps[i]` (both non-decreasing). */
export interface FrameTimeline {
  steps: number[];
  maxAps: number[];
  nodes: number[];
  /** the execution segment (ap's) */
  segment: number;
  /** trace entries before the profiler started */
  traceBase: number;
}

const NONE = -2;

/** Last index i with xs[i] <= v (xs non-decreasing, xs[0] <= v assumed; 0 otherwise). */
function lastAtMost(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Holes by node id (an ended run with its trace). */
export function holesByNode(runner: RunState, t: FrameTimeline, nodeCount: number): number[] {
  const mem = runner.mem;
  const out = new Array<number>(nodeCount).fill(0);
  const root = t.nodes[0] ?? 0;
  const first: Int32Array[] = [];
  for (let seg = 0; seg < mem.numSegments; seg++) first.push(new Int32Array(mem.segmentSize(seg)).fill(NONE));
  forEachAccess(runner, (seg, off, step) => {
    const f = first[seg];
    if (f !== undefined && off >= 0 && off < f.length && f[off] === NONE) f[off] = step < 0 ? -1 : step - t.traceBase;
  });
  const nodeAtStep = (step: number) => (step < 0 ? root : t.nodes[lastAtMost(t.steps, step)]);
  for (let seg = 0; seg < first.length; seg++) {
    const f = first[seg];
    if (seg === t.segment) {
      for (let off = 0; off < f.length; off++) if (f[off] === NONE) out[t.nodes[lastAtMost(t.maxAps, off)] ?? root]++;
      continue;
    }
    let above: number | undefined; // first-access step of the nearest accessed cell above
    let pending = 0; // holes above the last accessed cell
    for (let off = f.length - 1; off >= 0; off--) {
      if (f[off] !== NONE) {
        if (above === undefined && pending > 0) out[nodeAtStep(f[off])] += pending;
        above = f[off];
      } else if (above === undefined) pending++;
      else out[nodeAtStep(above)]++;
    }
    if (above === undefined) out[root] += pending;
  }
  return out;
}
