// Issue 12, item 1: each pc belongs to the statement it is part of (its parent_location chain
// followed outward), so stepping, breakpoints, frames and the exception stop read statements.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top } from './helpers';
import { compileCairo } from '../support/reference';

/** Sends a request that resumes, and waits for the stop (its line) or the end of the run. */
async function resume(dc: DebugClient, send: () => Promise<unknown>): Promise<number | 'ended'> {
  let onEnd: () => void = () => undefined;
  const ended = new Promise<'ended'>((r) => (onEnd = () => r('ended')));
  dc.once('terminated', onEnd);
  // After the end no stop comes: its wait times out quietly.
  const stopped = dc.waitForEvent('stopped').then(() => 'stopped' as const, () => 'no stop' as const);
  await send();
  const what = await Promise.race([stopped, ended]);
  dc.removeListener('terminated', onEnd);
  if (what === 'no stop') throw new Error('Neither a stop nor the end arrived.');
  return what === 'ended' ? 'ended' : (await top(dc)).line;
}

describe('statements: next through a straight-line main', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('structs main: each of its 13 statements once, in order, then the end', async () => {
    await launchTo(dc, launchArgs('structs', { stopOnEntry: true }));
    const seen: (number | 'ended')[] = [(await top(dc)).line];
    for (let i = 0; i < 30 && seen[seen.length - 1] !== 'ended'; i++) seen.push(await resume(dc, () => dc.nextRequest({ threadId: 1 })));
    assert.deepEqual(seen, [32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 'ended']);
  });
});

describe('statements: line breakpoints', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a breakpoint on multi/main.cairo:10 fires once; one on a `let` with no code moves to where it is computed', async () => {
    const main = source('multi/main.cairo');
    const geometry = source('multi/geometry.cairo');
    let bps: DebugProtocol.SetBreakpointsResponse | undefined;
    let geo: DebugProtocol.SetBreakpointsResponse | undefined;
    const first = await launchTo(dc, launchArgs('multi_main'), async () => {
      bps = await dc.setBreakpointsRequest({ source: { path: main }, breakpoints: [{ line: 10 }, { line: 12 }] });
      // `let twice_w = r.width * 2;` is a reference: its code is emitted where line 13 uses it.
      geo = await dc.setBreakpointsRequest({ source: { path: geometry }, breakpoints: [{ line: 12 }] });
    });
    assert.deepEqual(bps!.body.breakpoints.map((b) => [b.verified, b.line]), [[true, 10], [true, 12]]);
    assert.deepEqual(geo!.body.breakpoints.map((b) => [b.verified, b.line]), [[true, 13]]);
    assert.deepEqual(first.body.hitBreakpointIds, [bps!.body.breakpoints[0].id]);
    assert.equal((await top(dc)).line, 10);
    // Into perimeter (line 13 of geometry), whose caller frame shows the call statement.
    assert.equal(await resume(dc, () => dc.continueRequest({ threadId: 1 })), 13);
    const t = await top(dc);
    assert.equal(t.path, geometry);
    assert.deepEqual([t.frames[1].source?.path, t.frames[1].line], [main, 10]);
    // Then line 12, never line 10 again.
    assert.equal(await resume(dc, () => dc.continueRequest({ threadId: 1 })), 12);
    assert.equal(await resume(dc, () => dc.continueRequest({ threadId: 1 })), 'ended');
  });
});

describe('statements: the exception stop', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a failure in a reference expansion stops at the statement that uses it', async () => {
    // The division of `let q = a / b` is emitted (and fails) where line 5 uses q.
    const program = compileCairo('func main() {\n    tempvar a = 1;\n    tempvar b = 0;\n    let q = a / b;\n    tempvar r = q + 1;\n    ret;\n}\n', { name: 'divzero.cairo' });
    const src = join(dirname(program), 'src');
    const ev = await launchTo(dc, { program, sourceRoot: src, layout: 'plain' });
    assert.equal(ev.body.reason, 'exception');
    const t = await top(dc);
    assert.deepEqual([t.path, t.line], [join(src, 'divzero.cairo'), 5]);
  });
});
