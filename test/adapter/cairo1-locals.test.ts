// A Cairo 1 frame's own variables over the real protocol (issue 16): the Locals scope reads each
// Cairo variable from the cells the debug file says hold it (struct_loop: a Point changed in a
// while loop, run with n = 5; the loop's n is named where main passes it in), its struct's
// fields by name, hover and the REPL, and the same values again after travelling back.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { ROOT, startClient, launchTo } from './helpers';

const CAIRO1 = join(ROOT, 'test/cairo1');
const exe = (name: string) => join(CAIRO1, 'fixtures', name, `${name}.executable.json`);
const src = (name: string) => join(CAIRO1, 'programs', `${name}.cairo`);
const LINE = 19; // p = Point { x: q.x + i, y: q.y - 1 };  inside `while i != n`

/** The program's loop, run here: the state at the start of each iteration (before line 19 changes p). */
function iterations(n: number): { p: [number, number]; total: number; i: number }[] {
  let p: [number, number] = [1, 2];
  let total = 0;
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({ p: [...p] as [number, number], total, i });
    p = [p[0] * 2 + i, p[1] * 2 - 1];
    total += p[0] + p[1];
  }
  return out;
}

async function locals(dc: DebugClient, frameId: number): Promise<DebugProtocol.Variable[]> {
  const scopes = (await dc.scopesRequest({ frameId })).body.scopes;
  assert.equal(scopes[0].name, 'Locals');
  return (await dc.variablesRequest({ variablesReference: scopes[0].variablesReference })).body.variables;
}

async function top(dc: DebugClient): Promise<DebugProtocol.StackFrame[]> {
  return (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
}

describe('Cairo 1: Locals (struct_loop, n = 5)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('each stop inside the loop shows p with its fields, total and i as the iteration starts; back in time shows them again', async () => {
    const expected = iterations(5);
    const first = await launchTo(dc, { program: exe('struct_loop'), arguments: '5' }, async () => {
      await dc.setBreakpointsRequest({ source: { path: src('struct_loop') }, breakpoints: [{ line: LINE }] });
    });
    assert.equal(first.body.reason, 'breakpoint');
    const seen: string[][] = [];
    const ended = dc.waitForEvent('terminated');
    for (;;) {
      const frames = await top(dc);
      assert.equal(frames[0].line, LINE);
      assert.equal(frames[0].name, 'struct_loop::struct_loop::main [loop]');
      const vars = await locals(dc, frames[0].id);
      seen.push(vars.map((v) => `${v.name}: ${v.type} = ${v.value}`));
      const p = vars.find((v) => v.name === 'p');
      assert.ok(p !== undefined && p.variablesReference > 0, JSON.stringify(vars));
      const fields = (await dc.variablesRequest({ variablesReference: p.variablesReference })).body.variables;
      seen[seen.length - 1].push(fields.map((f) => `${f.name}: ${f.type} = ${f.value}`).join(', '));
      // Hover and the REPL read the same variable.
      const hover = (await dc.evaluateRequest({ expression: 'p', frameId: frames[0].id, context: 'hover' })).body;
      assert.equal(hover.result, p.value);
      assert.ok(hover.variablesReference > 0);
      const next = Promise.race([dc.waitForEvent('stopped'), ended.then(() => undefined)]);
      await dc.continueRequest({ threadId: 1 });
      if ((await next) === undefined) break;
    }
    // The compiler ran the first iteration (i = 0) at compile time: main hands the loop i = 1.
    assert.deepEqual(
      seen,
      expected.slice(1).map((e) => [
        'n: u32 = 5',
        `p: struct_loop::struct_loop::Point = {x: ${e.p[0]}, y: ${e.p[1]}}`,
        `total: u32 = ${e.total}`,
        `i: u32 = ${e.i}`,
        `x: u32 = ${e.p[0]}, y: u32 = ${e.p[1]}`,
      ]),
    );
  });

  test('reverse continue back to the third pass: the frames below keep what each iteration passed on', async () => {
    await dc.stop();
    dc = await startClient();
    const expected = iterations(5);
    await launchTo(dc, { program: exe('struct_loop'), arguments: '5' }, async () => {
      await dc.setBreakpointsRequest({ source: { path: src('struct_loop') }, breakpoints: [{ line: LINE }] });
    });
    for (let k = 0; k < 3; k++) {
      const stopped = dc.waitForEvent('stopped');
      await dc.continueRequest({ threadId: 1 });
      await stopped;
    }
    // At the fourth pass (i = 4), then back to the third (i = 3).
    const back = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.customRequest('reverseContinue', { threadId: 1 });
    assert.equal((await back).body.reason, 'breakpoint');
    const frames = await top(dc);
    const at = (await locals(dc, frames[0].id)).map((v) => [v.name, v.value]);
    assert.deepEqual(at, [['n', '5'], ['p', `{x: ${expected[3].p[0]}, y: ${expected[3].p[1]}}`], ['total', String(expected[3].total)], ['i', '3']]);
    // The REPL reads a variable by name; the caller iteration's frame has what it passed on.
    const repl = (await dc.evaluateRequest({ expression: 'total', frameId: frames[0].id, context: 'repl' })).body;
    assert.equal(repl.result, String(expected[3].total));
    const caller = frames.find((f, i) => i > 0 && f.name === 'struct_loop::struct_loop::main [loop]');
    assert.ok(caller, frames.map((f) => f.name).join(' | '));
    assert.deepEqual((await locals(dc, caller.id)).map((v) => [v.name, v.value]), at);
    // main, below the loop, called it with n and the values of the iteration it computed itself.
    const main = frames.find((f) => f.name === 'struct_loop::struct_loop::main');
    assert.ok(main, frames.map((f) => f.name).join(' | '));
    assert.deepEqual((await locals(dc, main.id)).map((v) => [v.name, v.value]), [
      ['n', '5'],
      ['p', `{x: ${expected[1].p[0]}, y: ${expected[1].p[1]}}`],
      ['total', String(expected[1].total)],
      ['i', '1'],
    ]);
  });
});

describe('Cairo 1: conditions, logpoints and watches on local variables (struct_loop, n = 5)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  /** Runs to the end with breakpoints on line 19; the i of each stop and the Debug Console's lines. */
  async function run(breakpoints: DebugProtocol.SourceBreakpoint[]): Promise<{ stops: string[]; console: string[] }> {
    await dc.stop();
    dc = await startClient();
    const console: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => console.push(e.body.output.trim()));
    const stops: string[] = [];
    const ended = dc.waitForEvent('terminated');
    const first = launchTo(dc, { program: exe('struct_loop'), arguments: '5' }, () => dc.setBreakpointsRequest({ source: { path: src('struct_loop') }, breakpoints }));
    let next: Promise<unknown> = Promise.race([first, ended.then(() => undefined)]);
    while ((await next) !== undefined) {
      const frames = await top(dc);
      stops.push((await locals(dc, frames[0].id)).find((v) => v.name === 'i')!.value);
      next = Promise.race([dc.waitForEvent('stopped'), ended.then(() => undefined)]);
      await dc.continueRequest({ threadId: 1 });
    }
    return { stops, console };
  }

  test('a condition on a loop variable, and on a struct member', async () => {
    assert.deepEqual((await run([{ line: LINE, condition: 'i == 3' }])).stops, ['3']);
    // p.x at the iteration starts: 2, 5, 12, 27.
    assert.deepEqual((await run([{ line: LINE, condition: 'p.x > 10' }])).stops, ['3', '4']);
  });

  test('a logpoint prints variables and members; a watch reads a member', async () => {
    const { stops, console } = await run([{ line: LINE, logMessage: 'i={i} p.y={p.y} total={total}' }]);
    assert.deepEqual(stops, []);
    const expected = iterations(5).slice(1).map((e) => `i=${e.i} p.y=${e.p[1]} total=${e.total}`);
    assert.deepEqual(console.filter((l) => l.startsWith('i=')), expected);
    await dc.stop();
    dc = await startClient();
    await launchTo(dc, { program: exe('struct_loop'), arguments: '5' }, () => dc.setBreakpointsRequest({ source: { path: src('struct_loop') }, breakpoints: [{ line: LINE }] }));
    const frames = await top(dc);
    const watch = (await dc.evaluateRequest({ expression: 'p.y', frameId: frames[0].id, context: 'watch' })).body;
    assert.equal(watch.result, String(iterations(5)[1].p[1]));
  });
});
