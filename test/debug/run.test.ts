import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LiveRun, LaunchError } from '../../src/debug/live-run';
import { FrontEvents, StopReason } from '../../src/debug/front';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'examples/src');

function recorder() {
  const stops: StopReason[] = [];
  const out: string[] = [];
  let ended: number | undefined;
  let wake: (() => void) | undefined;
  const events: FrontEvents = {
    stopped: (r) => { stops.push(r); wake?.(); },
    output: (t) => out.push(t),
    ended: (c) => { ended = c; wake?.(); },
  };
  const next = () => new Promise<void>((r) => (wake = r));
  return { events, stops, out, next, get ended() { return ended; } };
}

test('the front of a live run: a far breakpoint, then history (memory and registers as they were)', async () => {
  const rec = recorder();
  const run = new LiveRun({ program: join(ROOT, 'examples/build/fib.json'), sourceRoot: SRC, layout: 'small' }, rec.events);
  // No step count limits a run unless the launch sets one (memory does).
  assert.equal(run.stepLimit, Infinity);
  const [bp] = run.breakpoints.setLines(join(SRC, 'fib.cairo'), [{ line: 8 }]);
  assert.deepEqual([bp.verified, bp.line, bp.file?.path], [true, 8, join(SRC, 'fib.cairo')]);
  let woke = rec.next();
  run.control.start(false);
  await woke;
  assert.deepEqual(rec.stops, ['breakpoint']);
  const { frames, total } = run.inspect.frames(0, 2);
  assert.equal(total, 22);
  assert.deepEqual(frames.map((f) => [f.name, f.file?.name, f.line, f.pc]), [['fib', 'fib.cairo', 8, frames[0].pc], ['fib', 'fib.cairo', 10, frames[1].pc]]);
  assert.match(frames[0].pc!, /^0x[0-9a-f]+$/);
  const a = run.inspect.variables(0, 'locals').find((n) => n.name === 'a')!;
  assert.equal(a.value, '6765');
  // Step 0: only the initial cells exist; the deepest frame's cells do not.
  const fp = run.inspect.variables(0, 'registers').find((n) => n.name === 'fp')!.memoryReference!;
  const [seg, off] = fp.split(':').map(Number);
  const live = run.control.cursor;
  run.control.cursor = 0;
  assert.equal(run.inspect.readMemory(`${seg}:${off - 1}`, 0, 32).unreadable, 32);
  assert.equal(run.inspect.frames(0, 100).total, 1);
  run.control.cursor = live;
  assert.equal(run.inspect.readMemory(`${seg}:${off - 1}`, 0, 32).bytes.length, 32);
  woke = rec.next();
  run.breakpoints.setLines(join(SRC, 'fib.cairo'), []);
  void run.control.continue();
  await woke;
  assert.equal(rec.ended, 0);
  assert.equal(rec.out.filter((t) => t === '6765\n').length, 1);
});

test('launch errors say what to fix', () => {
  const rec = recorder();
  assert.throws(() => new LiveRun({ program: '' }, rec.events), LaunchError);
  assert.throws(() => new LiveRun({ program: join(ROOT, 'examples/build/fib.json'), layout: 'plain' }, rec.events), /not present in layout "plain"/);
  assert.throws(() => new LiveRun({ program: join(ROOT, 'examples/build/fib.json'), entrypoint: 'nope' }, rec.events), /Entrypoint "nope" not found/);
});
