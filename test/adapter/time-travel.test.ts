// Time travel over the real protocol (issue 13 part 2): "who wrote this?" walks a value back
// through its writers, moving the run to each writing step.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top } from './helpers';

async function ask(dc: DebugClient, expression: string): Promise<{ result: string; operands: DebugProtocol.Variable[]; stop: DebugProtocol.StoppedEvent }> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  const r = await dc.evaluateRequest({ expression, frameId: 1, context: 'repl' });
  const stop = await stopped;
  const operands = r.body.variablesReference ? (await dc.variablesRequest({ variablesReference: r.body.variablesReference })).body.variables : [];
  return { result: r.body.result, operands, stop };
}

describe('who wrote this, in multi_main', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('p back to the step that wrote it, then one of its operands back to its own writer', async () => {
    await launchTo(dc, launchArgs('multi_main'), () => dc.setBreakpointsRequest({ source: { path: source('multi/main.cairo') }, breakpoints: [{ line: 11 }] }));
    await assert.rejects(dc.evaluateRequest({ expression: 'who wrote p', frameId: 1, context: 'watch' }), /ask it in the Debug Console/);

    const first = await ask(dc, 'who wrote p');
    const m = /^(\d+:\d+) = 14: written by step (\d+) \(pc 0x[0-9a-f]+, multi\/geometry\.cairo:13\)$/.exec(first.result);
    assert.ok(m, first.result);
    assert.equal(first.stop.body.reason, 'step');
    let t = await top(dc);
    assert.deepEqual([t.frames[0].name, t.line], ['multi.geometry.perimeter', 13]);
    const roles = first.operands.map((o) => o.name.split(' ')[0]);
    assert.deepEqual(roles, ['dst', 'op0', 'op1']);
    assert.match(first.operands[0].value, /\(this write\)$/);
    // An operand written by an earlier step: follow it with its own form.
    const earlier = first.operands.find((o) => /written by step \d+$/.test(o.value))!;
    assert.ok(earlier, first.operands.map((o) => o.value).join(' | '));
    assert.match(earlier.evaluateName ?? '', /^who wrote \d+:\d+$/);
    const second = await ask(dc, earlier.evaluateName!);
    const m2 = /written by step (\d+)/.exec(second.result)!;
    assert.ok(Number(m2[1]) < Number(m[2]), `${second.result} is before ${first.result}`);
    t = await top(dc);
    console.log(`who wrote p: ${first.result}\n  ${first.operands.map((o) => `${o.name}: ${o.value}`).join('\n  ')}\nwho wrote ${earlier.evaluateName!.slice(10)}: ${second.result} -> ${t.frames[0].name} at ${t.path?.split('/').pop()}:${t.line}`);
    // A value from before the run: no move.
    const r = await dc.evaluateRequest({ expression: 'who wrote 0:0', frameId: 1, context: 'repl' });
    assert.match(r.body.result, /written before the run started/);
  });
});

describe('hint scopes in the past, in dict_counter', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  async function hintScopes(): Promise<Map<string, string>> {
    const scopes = await dc.scopesRequest({ frameId: 1 });
    const stack = (await dc.variablesRequest({ variablesReference: scopes.body.scopes[2].variablesReference })).body.variables;
    const out = new Map<string, string>();
    for (const s of stack) {
      out.set(s.name, s.value);
      if (s.variablesReference) for (const v of (await dc.variablesRequest({ variablesReference: s.variablesReference })).body.variables) out.set(`${s.name}.${v.name}`, v.value);
    }
    return out;
  }

  test('going back shows the scopes as they were then, not as they are now', async () => {
    await launchTo(dc, launchArgs('dict_counter'), () => dc.setBreakpointsRequest({ source: { path: source('dict_counter.cairo') }, breakpoints: [{ line: 33 }] }));
    const now = await hintScopes();
    assert.ok([...now.keys()].some((k) => k.endsWith('.__dict_manager')), [...now.keys()].join(', '));
    assert.equal(now.has('note'), false);
    const back = dc.waitForEvent('stopped');
    await dc.customRequest('reverseContinue', { threadId: 1 });
    await back;
    const then = await hintScopes();
    assert.match(then.get('note') ?? '', /^As they were at step 0/);
    assert.equal([...then.keys()].some((k) => k.endsWith('.__dict_manager')), false, [...then.keys()].join(', '));
    assert.ok(then.has('main scope.program_input'));
  });
});

describe('the cairnWhoWrote request (the editor command), in multi_main', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('answers without moving; with go, the run moves to the writing step', async () => {
    await launchTo(dc, launchArgs('multi_main'), () => dc.setBreakpointsRequest({ source: { path: source('multi/main.cairo') }, breakpoints: [{ line: 11 }] }));
    let stops = 0;
    dc.on('stopped', () => stops++);
    // VS Code redraws a stop only after it saw the run go on: a move is 'continued' then 'stopped'.
    const order: string[] = [];
    dc.on('continued', () => order.push('continued'));
    dc.on('stopped', () => order.push('stopped'));
    const ask = (await dc.customRequest('cairnWhoWrote', { target: 'p', frameId: 1 })) as DebugProtocol.Response;
    const body = ask.body as { result: string; step: number; operands: { name: string; value: string; target: string }[] };
    assert.match(body.result, /= 14: written by step \d+ \(pc 0x[0-9a-f]+, multi\/geometry\.cairo:13\)$/);
    assert.equal(body.step, Number(/step (\d+)/.exec(body.result)![1]));
    assert.deepEqual(body.operands.map((o) => o.name.split(' ')[0]), ['dst', 'op0', 'op1']);
    assert.ok(body.operands.every((o) => /^\d+:\d+$/.test(o.target)));
    assert.equal((await top(dc)).line, 11, 'asking alone does not move the run');
    assert.equal(stops, 0);
    await assert.rejects(dc.customRequest('cairnWhoWrote', { target: 'r', frameId: 1 }), /not one memory cell/);
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    assert.deepEqual(order, [], 'asking, or a target that is not a cell, does not move the run');
    await dc.customRequest('cairnWhoWrote', { target: 'p', frameId: 1, go: true });
    assert.match((await stopped).body.description ?? '', /was written by step/);
    assert.deepEqual(order, ['continued', 'stopped']);
    const t = await top(dc);
    assert.deepEqual([t.frames[0].name, t.line], ['multi.geometry.perimeter', 13]);
    const regs = await dc.scopesRequest({ frameId: t.frames[0].id });
    const vars = (await dc.variablesRequest({ variablesReference: regs.body.scopes.find((s) => s.name === 'Registers')!.variablesReference })).body.variables;
    assert.equal(vars.find((v) => v.name === 'step')?.value.split(' ')[0], String(body.step));
    await assert.rejects(dc.customRequest('cairnWhoWrote', { frameId: 1 }), /needs "target"/);
  });
});
