import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top } from './helpers';

describe('long_loop: pause answers while the VM runs', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('pause is answered within a second and the stop arrives', async () => {
    await Promise.all([dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()), dc.launch(launchArgs('long_loop'))]);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const stopped = dc.waitForEvent('stopped', 1000) as Promise<DebugProtocol.StoppedEvent>;
    await dc.pauseRequest({ threadId: 1 });
    const answered = Date.now() - t0;
    const ev = await stopped;
    const arrived = Date.now() - t0;
    assert.ok(answered < 1000, `pause answered after ${answered} ms`);
    assert.ok(arrived < 1000, `stop arrived after ${arrived} ms`);
    assert.equal(ev.body.reason, 'pause');
    const t = await top(dc);
    assert.equal(t.frames[0].name, 'spin');
    assert.ok(t.frames.length > 2);
  });
});

describe('assert_fail: a VM error stops as an exception', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('stops on the exception with the error message and the traceback frames', async () => {
    const out: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e.body.output));
    const ev = await launchTo(dc, launchArgs('assert_fail'));
    assert.equal(ev.body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.description ?? '', /Over budget: spent 12, budget 10/);
    assert.match(info.body.details?.stackTrace ?? '', /Cairo traceback \(most recent call last\):/);
    const t = await top(dc);
    const fib = source('assert_fail.cairo');
    const mine = t.frames.filter((f) => f.source?.path === fib).map((f) => [f.name, f.line]);
    assert.deepEqual(mine, [['check_budget', 9], ['main', 16]]);
    assert.equal(t.frames[0].source?.name, 'math.cairo');
    assert.match(out.join(''), /Error message: Over budget: spent 12, budget 10/);
    // Going on past the error ends the session with a failure.
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await exited).body.exitCode, 1);
  });
});

describe('dict_counter: the hint scopes', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('the dict manager is visible in the hint scope', async () => {
    await launchTo(dc, launchArgs('dict_counter'), () => dc.setBreakpointsRequest({ source: { path: source('dict_counter.cairo') }, breakpoints: [{ line: 33 }] }));
    const t = await top(dc);
    const scopes = await dc.scopesRequest({ frameId: t.frames[0].id });
    const hints = scopes.body.scopes.find((s) => s.name === 'Hint scopes')!;
    const stack = (await dc.variablesRequest({ variablesReference: hints.variablesReference })).body.variables;
    let found: DebugProtocol.Variable | undefined;
    for (const scope of stack) {
      if (!scope.variablesReference) continue;
      const vars = (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
      found ??= vars.find((v) => v.name === '__dict_manager');
    }
    assert.ok(found, 'no __dict_manager in any hint scope');
    assert.ok(found.variablesReference > 0, 'the dict manager expands');
    const inside = JSON.stringify((await dc.variablesRequest({ variablesReference: found.variablesReference })).body.variables);
    assert.match(inside, /3|7/);
  });
});

describe('bad input', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('protocol misuse, a missing program and broken JSON get clear errors, and the adapter goes on', async () => {
    await dc.initializeRequest();
    await assert.rejects(dc.stackTraceRequest({ threadId: 1 }), /launch/);
    await assert.rejects(dc.launchRequest({ program: '/no/such/program.json' } as DebugProtocol.LaunchRequestArguments), /Cannot read program file/);
    const dir = mkdtempSync(join(tmpdir(), 'cairn-'));
    writeFileSync(join(dir, 'broken.json'), '{"prime": "0x11", "data": [');
    await assert.rejects(dc.launchRequest({ program: join(dir, 'broken.json') } as DebugProtocol.LaunchRequestArguments), /not valid JSON/);
    await assert.rejects(dc.launchRequest({} as DebugProtocol.LaunchRequestArguments), /no "program"/);
    // Garbage on the wire: the adapter reports it and still answers.
    (dc as unknown as { outputStream: NodeJS.WritableStream }).outputStream.write('Content-Length: 5\r\n\r\n{bad}');
    const threads = await dc.threadsRequest();
    assert.equal(threads.body.threads.length, 1);
  });

  test('a step limit stops a run with a clear error', async () => {
    const ev = await launchTo(dc, launchArgs('long_loop', { steps: 1000 }));
    assert.equal(ev.body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.description ?? '', /End of program was not reached.*1000/);
  });
});

describe('assert_fail with exception breakpoints off', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('the run ends with exit code 1 and the error in the console instead of stopping', async () => {
    const out: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e.body.output));
    const exited = dc.waitForEvent('exited') as Promise<DebugProtocol.ExitedEvent>;
    let stopped = false;
    dc.on('stopped', () => (stopped = true));
    await Promise.all([
      dc.waitForEvent('initialized').then(() => dc.setExceptionBreakpointsRequest({ filters: [] })).then(() => dc.configurationDoneRequest()),
      dc.launch(launchArgs('assert_fail')),
    ]);
    assert.equal((await exited).body.exitCode, 1);
    assert.equal(stopped, false);
    assert.match(out.join(''), /Over budget: spent 12, budget 10/);
  });
});
