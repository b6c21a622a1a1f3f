// Issue 12, item 2: a breakpoint on the entry instruction (main's first pc, step 0) fires, as a
// line, a function and an instruction breakpoint.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { startClient, launchArgs, launchTo, source, top, locals } from './helpers';

describe('a breakpoint on the entry instruction', () => {
  let dc: DebugClient | undefined;
  afterEach(async () => {
    await dc?.stop();
    dc = undefined;
  });

  /** Launches fib with one breakpoint set during configuration; the first stop, where it is, and the breakpoint's id. */
  async function firstStop(set: (dc: DebugClient) => Promise<number | undefined>) {
    const client = (dc = await startClient());
    let id: number | undefined;
    const ev = await launchTo(client, launchArgs('fib'), async () => (id = await set(client)));
    const t = await top(client);
    return { reason: ev.body.reason, hit: ev.body.hitBreakpointIds, id, line: t.line, depth: t.frames.length, name: t.frames[0].name, pc: t.frames[0].instructionPointerReference };
  }

  test("a line breakpoint on main's first line", async () => {
    const s = await firstStop(async (c) => (await c.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 14 }] })).body.breakpoints[0].id);
    assert.deepEqual([s.reason, s.hit, s.line, s.depth, s.name], ['breakpoint', [s.id], 14, 1, 'main']);
    // Nothing has run: main's result is not there yet.
    const result = (await locals(dc!)).get('result');
    assert.ok(result === undefined || result.value.startsWith('<'), `result is ${result?.value}`);
  });

  test('a line breakpoint on the func line of main', async () => {
    const s = await firstStop(async (c) => (await c.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 13 }] })).body.breakpoints[0].id);
    assert.deepEqual([s.reason, s.hit, s.line, s.name], ['breakpoint', [s.id], 14, 'main']);
  });

  test('a function breakpoint on main', async () => {
    const s = await firstStop(async (c) => (await c.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main' }] })).body.breakpoints[0].id);
    assert.deepEqual([s.reason, s.hit, s.line, s.name], ['function breakpoint', [s.id], 14, 'main']);
  });

  test("an instruction breakpoint at main's pc", async () => {
    // fib.cairo's main starts at pc 15 (0xf).
    const s = await firstStop(async (c) => (await c.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: '0xf' }] })).body.breakpoints[0].id);
    assert.deepEqual([s.reason, s.hit, s.pc, s.line], ['instruction breakpoint', [s.id], '0xf', 14]);
    // And the run goes on from there to its end.
    const ended = dc!.waitForEvent('terminated');
    await dc!.continueRequest({ threadId: 1 });
    await ended;
  });

  test('a condition that does not hold at the entry lets the run go on', async () => {
    const s = await firstStop(async (c) => {
      await c.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'main', condition: '1 == 2' }] });
      return (await c.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 15 }] })).body.breakpoints[0].id;
    });
    assert.deepEqual([s.reason, s.hit, s.line], ['breakpoint', [s.id], 15]);
  });
});
