import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DebugRun, RunListener, StopReason, LaunchError } from '../../src/debug/run';
import { localNodes } from '../../src/debug/scopes';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'examples/src');

function recorder() {
  const stops: StopReason[] = [];
  const out: string[] = [];
  let ended: number | undefined;
  let wake: (() => void) | undefined;
  const listener: RunListener = {
    stopped: (r) => { stops.push(r); wake?.(); },
    output: (t) => out.push(t),
    ended: (c) => { ended = c; wake?.(); },
  };
  const next = () => new Promise<void>((r) => (wake = r));
  return { listener, stops, out, next, get ended() { return ended; } };
}

test('a far pc breakpoint, then history: memory and registers as they were', async () => {
  const rec = recorder();
  const run = new DebugRun({ program: join(ROOT, 'examples/build/fib.json'), sourceRoot: SRC, layout: 'small' }, rec.listener);
  const fib = run.sourceMap.fileForPath(join(SRC, 'fib.cairo'))!;
  const hit = run.sourceMap.resolveLine(fib, 8)!;
  run.breakpoints.setGroup('line', hit.pcs.map((pc) => ({ id: 1, kind: 'line' as const, pc, hits: 0 })));
  let woke = rec.next();
  run.start(false);
  await woke;
  assert.deepEqual(rec.stops, ['breakpoint']);
  assert.equal(run.frames().length, 22);
  const a = localNodes(run, 0).find((n) => n.name === 'a')!;
  assert.equal(a.value, '6765');
  // Step 0: only the initial cells exist; the deepest frame's cells do not.
  const deepFp = run.registers().fp;
  run.cursor = 0;
  assert.equal(run.memory().get(deepFp.segment, deepFp.offset - 1), undefined);
  assert.equal(run.frames().length, 1);
  run.cursor = run.live;
  assert.notEqual(run.memory().get(deepFp.segment, deepFp.offset - 1), undefined);
  woke = rec.next();
  run.breakpoints.setGroup('line', []);
  void run.continue();
  await woke;
  assert.equal(rec.ended, 0);
  assert.equal(rec.out.filter((t) => t === '6765\n').length, 1);
});

test('launch errors say what to fix', () => {
  const rec = recorder();
  assert.throws(() => new DebugRun({ program: '' }, rec.listener), LaunchError);
  assert.throws(() => new DebugRun({ program: join(ROOT, 'examples/build/fib.json'), layout: 'plain' }, rec.listener), /not present in layout "plain"/);
  assert.throws(() => new DebugRun({ program: join(ROOT, 'examples/build/fib.json'), entrypoint: 'nope' }, rec.listener), /Entrypoint "nope" not found/);
});
