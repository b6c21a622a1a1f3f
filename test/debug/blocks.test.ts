// The debugger runs the VM on compiled blocks where no stop can fall inside one: the history it
// records (registers, which cells existed at each step, who wrote each cell) and where it stops
// must be those of a run a step at a time (the interpreter alone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LiveRun } from '../../src/debug/live-run';
import { FrontEvents } from '../../src/debug/front';
import { VirtualMachine } from '../../src/vm/vm';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'examples/src');

/** fib (20 recursive calls: its blocks get hot) in a live run, optionally on the interpreter alone. */
function open(blocks: boolean) {
  let wake: (() => void) | undefined;
  const stops: number[] = [];
  let ended = false;
  const events: FrontEvents = {
    stopped: () => { stops.push(run.control.cursor); wake?.(); },
    output: () => undefined,
    ended: () => { ended = true; wake?.(); },
  };
  const run: LiveRun = new LiveRun({ program: join(ROOT, 'examples/build/fib.json'), sourceRoot: SRC, layout: 'small', stopAtEnd: true }, events);
  const vm = (run as unknown as { launched: { runner: { vm: VirtualMachine } } }).launched.runner.vm;
  vm.compileBlocks = blocks;
  let blockSteps = 0;
  const hooks = vm.hooks!;
  const afterBlock = hooks.afterBlock!;
  hooks.afterBlock = (v, pc, steps) => { blockSteps += steps; afterBlock(v, pc, steps); };
  const next = () => new Promise<void>((r) => (wake = r));
  return { run, stops, next, get ended() { return ended; }, get blockSteps() { return blockSteps; } };
}

/** Everything the history says about every step and every written cell. */
function history(run: LiveRun): string[] {
  const t = run.timeline;
  const out: string[] = [];
  for (let k = 0; k <= t.latest; k++) {
    const r = t.registersAt(k);
    out.push(`${k} ${r.pc} ${r.ap} ${r.fp} ${t.cellsAt(k)}`);
  }
  const mem = t.mem;
  for (let i = 0; i < mem.size; i++) out.push(`${mem.loggedSegment(i)}:${mem.loggedOffset(i)} by ${t.writerOf(mem.loggedSegment(i), mem.loggedOffset(i))}`);
  return out;
}

test('a run to its end on blocks records the history of a step at a time', async () => {
  const histories: string[][] = [];
  for (const blocks of [true, false]) {
    const s = open(blocks);
    const woke = s.next();
    s.run.control.start(false);
    await woke;
    assert.equal(s.run.control.cursor, s.run.timeline.latest);
    histories.push(history(s.run));
    // On blocks, most of the run ran in them; a step at a time, none.
    if (blocks) assert.ok(s.blockSteps > s.run.timeline.latest / 2, `${s.blockSteps} of ${s.run.timeline.latest} steps in blocks`);
    else assert.equal(s.blockSteps, 0);
    s.run.dispose();
  }
  assert.ok(histories[0].length > 250, `${histories[0].length}`);
  assert.deepEqual(histories[0], histories[1]);
});

test('a breakpoint inside a hot block stops there each time, as a step at a time', async () => {
  // pc 12: the third instruction of the block of fib's line 10 (pcs 9-14, ending at the call).
  const stopSteps: number[][] = [];
  for (const blocks of [true, false]) {
    const s = open(blocks);
    const [bp] = s.run.breakpoints.setInstructions([{ reference: '0xc' }]);
    assert.equal(bp.verified, true);
    for (let woke = s.next(), first = true; ; woke = s.next(), first = false) {
      if (first) s.run.control.start(false);
      else void s.run.control.continue();
      await woke;
      if (s.run.timeline.pcOffsetAt(s.run.control.cursor) !== 12) break; // the end of the run
    }
    stopSteps.push(s.stops.slice(0, -1));
    if (blocks) assert.ok(s.blockSteps > 0);
    s.run.dispose();
  }
  assert.equal(stopSteps[1].length, 20);
  assert.deepEqual(stopSteps[0], stopSteps[1]);
});
