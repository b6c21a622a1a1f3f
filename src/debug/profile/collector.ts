// Collects a profile while the VM runs (a StepHooks object): the call tree from the fp chain, with
// steps per (tree node, pc) and the builtin cells each step added. It follows compiled blocks
// too (block hooks), so a profiled run keeps the VM's block compiler. Aggregating during the run keeps
// the result small (one entry per distinct stack and pc), so a run of millions of steps yields a
// tree a view can take at once, and no trace is needed.
import type { StepHooks } from '../../vm/hooks';
import type { VirtualMachine } from '../../vm/vm';
import type { RunState } from '../../runner/proof-checks';
import { FrameTimeline, holesByNode } from './holes';

/**
 * A call-tree node: a frame, reached through its callers' return pcs (pprof's stack); the frames
 * of a recursion through one call site share their node.
 */
export interface ProfileNode {
  id: number;
  /** undefined for the root (the entry frame, at the run's initial fp) */
  parent: number | undefined;
  /** return pc offset of this frame ([fp - 1], in the caller); -1 for the root */
  returnPc: number;
  /** pc offset of the first step in this frame (the function's entry) */
  entryPc: number;
  /** times this frame was entered */
  calls: number;
  /** steps by pc offset, run with this frame innermost */
  steps: Map<number, number>;
  /** builtin cells added while this frame was innermost, by builtin name */
  builtins: Map<string, number>;
  /** memory holes charged to this frame (holes.ts); 0 until the run has ended */
  holes: number;
}

export interface RunProfile {
  nodes: ProfileNode[];
  totalSteps: number;
  /** builtin names profiled (the program's included builtins, in the runner's order) */
  builtinNames: string[];
  /** whether nodes' holes were counted (an ended run with its trace) */
  holesCounted: boolean;
}

interface Watched { name: string; segment: number; size: number }

/** Above the most steps a compiled block runs (blocks.ts's MAX_BLOCK). */
const BLOCK_KEY = 256;

export class ProfileCollector implements StepHooks<VirtualMachine> {
  readonly nodes: ProfileNode[] = [];
  totalSteps = 0;
  /** fp of each frame on the stack and its node */
  private fps: number[] = [];
  private stack: ProfileNode[] = [];
  /** by node id: its children by return pc */
  private readonly children: (Map<number, ProfileNode> | undefined)[] = [];
  private cur: ProfileNode;
  private curFp: number;
  private fresh = false;
  private readonly watched: Watched[];
  /** which node was innermost from which step, for charging memory holes */
  private readonly timeline: FrameTimeline;
  private maxAp: number;
  /** by node id: compiled blocks run, (first pc * BLOCK_KEY + steps) -> times */
  private readonly blockRuns: (Map<number, number> | undefined)[] = [];

  /**
   * Starts at the VM's current frame (the entry frame); builtins: name and segment. With `run`
   * (whose VM records the trace), result() counts each node's memory holes once the run ended.
   */
  constructor(private readonly vm: VirtualMachine, builtins: { name: string; segment: number }[], private readonly run?: RunState) {
    this.curFp = vm.fp;
    this.cur = this.node(undefined, -1);
    this.cur.calls = 1;
    this.fresh = true;
    this.fps.push(this.curFp);
    this.stack.push(this.cur);
    this.watched = builtins.map((b) => ({ ...b, size: vm.mem.usedSize(b.segment) }));
    this.maxAp = vm.ap;
    this.timeline = { steps: [0], maxAps: [vm.ap], nodes: [this.cur.id], segment: vm.apSeg, traceBase: vm.trace?.length ?? 0 };
  }

  private node(parent: ProfileNode | undefined, returnPc: number): ProfileNode {
    const n: ProfileNode = { id: this.nodes.length, parent: parent?.id, returnPc, entryPc: -1, calls: 0, steps: new Map(), builtins: new Map(), holes: 0 };
    this.nodes.push(n);
    return n;
  }

  private enter(fp: number): void {
    const retPc = this.vm.mem.get(this.vm.fpSeg, fp - 1);
    const ret = typeof retPc === 'object' ? retPc.offset : -1;
    // A recursion through one call site stays in one node (its frames differ only in depth), so
    // a million-deep recursion is one node, not a million; per-function totals are unchanged.
    if (ret === this.cur.returnPc && this.cur.parent !== undefined) {
      this.cur.calls++;
      this.curFp = fp;
      this.fps.push(fp);
      this.stack.push(this.cur);
      return;
    }
    let kids = this.children[this.cur.id];
    if (kids === undefined) this.children[this.cur.id] = kids = new Map();
    let child = kids.get(ret);
    if (child === undefined) {
      child = this.node(this.cur, ret);
      kids.set(ret, child);
    }
    child.calls++;
    this.cur = child;
    this.curFp = fp;
    this.fresh = true;
    this.fps.push(fp);
    this.stack.push(child);
  }

  /** Follows the fp chain to the frame the next step (or block) runs in. */
  private frame(vm: VirtualMachine): void {
    const fp = vm.fp;
    if (fp !== this.curFp) {
      // a return pops to the frame whose fp this is; a call pushes a frame whose [fp - 2] is ours
      while (this.fps.length > 1 && this.fps[this.fps.length - 1] > fp) { this.fps.pop(); this.stack.pop(); }
      this.cur = this.stack[this.stack.length - 1];
      this.curFp = this.fps[this.fps.length - 1];
      if (fp > this.curFp) this.enter(fp);
      else if (fp < this.curFp) this.curFp = fp; // below the entry frame: cairo-run counts it in the root
      const t = this.timeline;
      if (this.cur.id !== t.nodes[t.nodes.length - 1]) {
        if (vm.apSeg === t.segment && vm.ap > this.maxAp) this.maxAp = vm.ap;
        t.steps.push(this.totalSteps);
        t.maxAps.push(this.maxAp);
        t.nodes.push(this.cur.id);
      }
    }
  }

  beforeStep(vm: VirtualMachine): void {
    this.frame(vm);
    const pc = vm.pc;
    if (this.fresh) { if (this.cur.entryPc < 0) this.cur.entryPc = pc; this.fresh = false; }
    const s = this.cur.steps;
    s.set(pc, (s.get(pc) ?? 0) + 1);
    this.totalSteps++;
  }

  beforeBlock(vm: VirtualMachine): void {
    this.frame(vm);
  }

  /** A compiled block ran `steps` steps from `start` in the current frame (the VM keeps its
   *  compiled blocks for these hooks: profiling then costs per block, not per step). */
  afterBlock(vm: VirtualMachine, start: number, steps: number): void {
    if (this.fresh) { if (this.cur.entryPc < 0) this.cur.entryPc = start; this.fresh = false; }
    let runs = this.blockRuns[this.cur.id];
    if (runs === undefined) this.blockRuns[this.cur.id] = runs = new Map();
    const key = start * BLOCK_KEY + steps;
    runs.set(key, (runs.get(key) ?? 0) + 1);
    this.totalSteps += steps;
    this.afterStep(vm);
  }

  /** Adds the blocks' runs to their nodes' steps by pc (a block's pcs follow from its first one). */
  private expandBlocks(): void {
    for (let id = 0; id < this.blockRuns.length; id++) {
      const runs = this.blockRuns[id];
      if (runs === undefined) continue;
      const s = this.nodes[id].steps;
      for (const [key, times] of runs) {
        let pc = Math.floor(key / BLOCK_KEY);
        for (let i = key % BLOCK_KEY; i > 0; i--) {
          s.set(pc, (s.get(pc) ?? 0) + times);
          pc += this.vm.instructionAt(this.vm.programSeg, pc).size;
        }
      }
    }
    this.blockRuns.length = 0;
  }

  afterStep(vm: VirtualMachine): void {
    for (const w of this.watched) {
      const size = vm.mem.usedSize(w.segment);
      if (size !== w.size) {
        const b = this.cur.builtins;
        b.set(w.name, (b.get(w.name) ?? 0) + size - w.size);
        w.size = size;
      }
    }
  }

  result(): RunProfile {
    this.expandBlocks();
    const run = this.run;
    const holesCounted = run !== undefined && run.endRunSteps !== undefined && run.vm.trace !== undefined;
    if (holesCounted) {
      const holes = holesByNode(run, this.timeline, this.nodes.length);
      for (const n of this.nodes) n.holes = holes[n.id];
    }
    return { nodes: this.nodes, totalSteps: this.totalSteps, builtinNames: this.watched.map((w) => w.name), holesCounted };
  }
}
