import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top, locals, evaluate } from './helpers';

async function step(dc: DebugClient, kind: 'stepIn' | 'next' | 'stepOut' | 'stepBack', granularity?: 'instruction'): Promise<{ line: number; depth: number; name: string }> {
  const stopped = dc.waitForEvent('stopped');
  if (kind === 'stepIn') await dc.stepInRequest({ threadId: 1, granularity });
  else if (kind === 'next') await dc.nextRequest({ threadId: 1, granularity });
  else if (kind === 'stepOut') await dc.stepOutRequest({ threadId: 1 });
  else await dc.stepBackRequest({ threadId: 1, granularity });
  await stopped;
  const t = await top(dc);
  return { line: t.line, depth: t.frames.length, name: t.frames[0].name };
}

describe('stepping through fib', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('step in / over / out follow the recursion by fp', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10 }] }));
    // Without the breakpoint, which deeper frames would hit while stepping over or out.
    await dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [] });
    assert.deepEqual(await step(dc, 'stepIn'), { line: 7, depth: 3, name: 'fib' });
    assert.equal((await locals(dc)).get('n')?.value, '19');
    assert.deepEqual(await step(dc, 'next'), { line: 10, depth: 3, name: 'fib' });
    // Into the next level, then out of it again.
    assert.deepEqual(await step(dc, 'stepIn'), { line: 7, depth: 4, name: 'fib' });
    assert.deepEqual(await step(dc, 'stepOut'), { line: 10, depth: 3, name: 'fib' });
    assert.equal((await locals(dc)).get('n')?.value, '19');
    // Over the rest of the recursion: the tail call returns, and so does this frame.
    const over = await step(dc, 'next');
    assert.equal(over.depth, 2);
    assert.equal((await locals(dc)).get('n')?.value, '20');
  });

  test('instruction steps move one instruction, and step back undoes one', async () => {
    const before = await top(dc);
    const pc = await evaluate(dc, 'pc');
    await step(dc, 'next', 'instruction');
    assert.notEqual(await evaluate(dc, 'pc'), pc);
    const back = await step(dc, 'stepBack', 'instruction');
    assert.equal(back.line, before.line);
    assert.equal(back.depth, before.frames.length);
    assert.equal(await evaluate(dc, 'pc'), pc);
  });
});

describe('step back and reverse continue in fib', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('step back returns to the previous line with the earlier values', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10 }] }));
    const again = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await again;
    assert.deepEqual([(await top(dc)).frames.length, (await locals(dc)).get('n')?.value], [3, '19']);
    assert.deepEqual(await step(dc, 'stepBack'), { line: 7, depth: 3, name: 'fib' });
    assert.equal((await locals(dc)).get('n')?.value, '19');
    assert.deepEqual(await step(dc, 'stepBack'), { line: 10, depth: 2, name: 'fib' });
    assert.equal((await locals(dc)).get('n')?.value, '20');
    // Forward again goes through history, then on into the live run.
    assert.deepEqual(await step(dc, 'stepIn'), { line: 7, depth: 3, name: 'fib' });
    // Replays to the same breakpoint hit as before (history), not a new one.
    const cont = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await cont;
    assert.deepEqual([(await top(dc)).frames.length, (await top(dc)).line, (await locals(dc)).get('n')?.value], [3, 10, '19']);
  });

  test('reverse continue goes back to the previous breakpoint hit', async () => {
    const back = dc.waitForEvent('stopped');
    await dc.customRequest('reverseContinue', { threadId: 1 });
    const ev = await back;
    assert.equal(ev.body.reason, 'breakpoint');
    assert.equal((await locals(dc)).get('n')?.value, '20');
    assert.equal((await top(dc)).frames.length, 2);
  });
});

describe('step back after next out of a return in fib', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('goes back to the statement the return came from, the inverse of next', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10, condition: 'n == 1' }] }));
    await dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [] });
    const at = async () => ({ line: (await top(dc)).line, depth: (await top(dc)).frames.length, n: (await locals(dc)).get('n')?.value });
    const start = await at();
    assert.equal(start.n, '1');
    // Over the last call: this frame's tail return lands in the caller's line 10, mid-line.
    assert.deepEqual(await step(dc, 'next'), { line: 10, depth: start.depth - 1, name: 'fib' });
    // Back is where next started (it went to the caller's line 7 before).
    assert.deepEqual(await step(dc, 'stepBack'), { line: 10, depth: start.depth, name: 'fib' });
    assert.deepEqual(await at(), start);
    // Out of the base case's `return a;`, and back into it.
    assert.deepEqual(await step(dc, 'stepIn'), { line: 7, depth: start.depth + 1, name: 'fib' });
    assert.deepEqual(await step(dc, 'next'), { line: 8, depth: start.depth + 1, name: 'fib' });
    assert.deepEqual(await step(dc, 'next'), { line: 10, depth: start.depth, name: 'fib' });
    assert.deepEqual(await step(dc, 'stepBack'), { line: 8, depth: start.depth + 1, name: 'fib' });
  });

  test('a return onto a new line of the caller steps back over the call, as next went', async () => {
    await dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 14 }] });
    const again = dc.waitForEvent('stopped');
    await dc.customRequest('reverseContinue', { threadId: 1 });
    await again;
    await dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [] });
    assert.deepEqual(await step(dc, 'next'), { line: 15, depth: 1, name: 'main' });
    assert.deepEqual(await step(dc, 'stepBack'), { line: 14, depth: 1, name: 'main' });
  });
});

describe('step back in multi_main', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('from line 11 back to line 10, where p is not computed yet', async () => {
    const main = source('multi/main.cairo');
    await launchTo(dc, launchArgs('multi_main'), () => dc.setBreakpointsRequest({ source: { path: main }, breakpoints: [{ line: 11 }] }));
    let v = await locals(dc);
    assert.equal(v.get('a')?.value, '12');
    assert.equal(v.get('p')?.value, '14');
    const pAddr = await evaluate(dc, '&p');
    // The copy of `a` for serialize_word belongs to line 11, so one step back is line 10.
    assert.equal((await step(dc, 'stepBack')).line, 10);
    const t = await top(dc);
    assert.equal(t.path, main);
    v = await locals(dc);
    assert.equal(v.get('a')?.value, '12');
    assert.equal(v.has('p'), false);
    // The cell that will hold p is not written at this earlier step.
    const unwritten = (await dc.customRequest('readMemory', { memoryReference: pAddr, count: 32 })) as DebugProtocol.ReadMemoryResponse;
    assert.equal(unwritten.body?.unreadableBytes, 32, `${pAddr} read at line 10`);
    // Forward again replays history to line 11.
    const fwd = dc.waitForEvent('stopped');
    await dc.nextRequest({ threadId: 1 });
    await fwd;
    assert.equal((await top(dc)).line, 11);
  });
});
