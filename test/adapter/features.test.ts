import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top, locals, evaluate } from './helpers';

/** Collects output events from now on. */
function collectOutput(dc: DebugClient): { text: (category?: string) => string } {
  const seen: DebugProtocol.OutputEvent[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => seen.push(e));
  return { text: (category) => seen.filter((e) => category === undefined || e.body.category === category).map((e) => e.body.output).join('') };
}

async function children(dc: DebugClient, ref: number): Promise<Map<string, DebugProtocol.Variable>> {
  const r = await dc.variablesRequest({ variablesReference: ref });
  return new Map(r.body.variables.map((v) => [v.name, v]));
}

async function cont(dc: DebugClient): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await dc.continueRequest({ threadId: 1 });
  return stopped;
}

describe('multi-file program', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a breakpoint in the imported geometry.cairo, with the Rect argument expanded', async () => {
    const geometry = source('multi/geometry.cairo');
    await launchTo(dc, launchArgs('multi_main'), () => dc.setBreakpointsRequest({ source: { path: geometry }, breakpoints: [{ line: 13 }] }));
    const t = await top(dc);
    assert.equal(t.path, geometry);
    assert.equal(t.line, 13);
    assert.deepEqual(t.frames.map((f) => f.name), ['multi.geometry.perimeter', 'main']);
    assert.equal(t.frames[1].source?.path, source('multi/main.cairo'));
    assert.equal(t.frames[1].line, 10);
    const r = (await locals(dc)).get('r')!;
    assert.equal(r.type, 'multi.geometry.Rect');
    const members = await children(dc, r.variablesReference);
    assert.equal(members.get('width')?.value, '3');
    assert.equal(members.get('height')?.value, '4');
    assert.equal(await evaluate(dc, 'r.width * 2 + r.height'), '10');
    // The caller's frame sees its own `r`, a struct literal.
    const mainR = (await locals(dc, t.frames[1].id)).get('r')!;
    assert.equal(mainR.value, '{width: 3, height: 4}');
  });

  test('a function breakpoint by Cairo name', async () => {
    await dc.setBreakpointsRequest({ source: { path: source('multi/geometry.cairo') }, breakpoints: [] });
    const r = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'serialize_word' }, { name: 'no_such_function' }] });
    assert.equal(r.body.breakpoints[0].verified, true);
    assert.equal(r.body.breakpoints[1].verified, false);
    const ev = await cont(dc);
    assert.equal(ev.body.reason, 'function breakpoint');
    const t = await top(dc);
    assert.equal(t.frames[0].name, 'starkware.cairo.common.serialize.serialize_word');
    assert.equal(t.frames[0].presentationHint, 'subtle');
    assert.equal((await locals(dc)).get('word')?.value, '12');
  });
});

describe('fib: conditions, hit counts, logpoints, output, code views', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('conditional breakpoint, logpoint and hit count', async () => {
    const out = collectOutput(dc);
    const path = source('fib.cairo');
    await launchTo(dc, launchArgs('fib'), () =>
      dc.setBreakpointsRequest({
        source: { path },
        breakpoints: [{ line: 10, condition: 'n == 15' }, { line: 8, logMessage: 'base case: a={a} n={n}' }, { line: 7, hitCondition: '== 3' }],
      }),
    );
    // The hit count fires first: the third time line 7 runs (n = 18).
    assert.equal((await top(dc)).line, 7);
    assert.equal((await locals(dc)).get('n')?.value, '18');
    await dc.setBreakpointsRequest({ source: { path }, breakpoints: [{ line: 10, condition: 'n == 15' }, { line: 8, logMessage: 'base case: a={a} n={n}' }] });
    await cont(dc);
    assert.equal((await top(dc)).line, 10);
    assert.equal((await locals(dc)).get('n')?.value, '15');
    const ended = dc.waitForEvent('terminated');
    await dc.setBreakpointsRequest({ source: { path }, breakpoints: [{ line: 8, logMessage: 'base case: a={a} n={n}' }] });
    await dc.continueRequest({ threadId: 1 });
    await ended;
    assert.match(out.text('console'), /base case: a=6765 n=0\n/);
    assert.equal(out.text('stdout'), '6765\n');
    assert.match(out.text('console'), /Run ended: 134 steps, 143 memory cells used/);
  });
});

describe('restart', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('restart runs again from the start and keeps the breakpoints', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 8 }] }));
    assert.equal((await locals(dc)).get('a')?.value, '6765');
    const again = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.restartRequest({});
    assert.equal((await again).body.reason, 'breakpoint');
    const t = await top(dc);
    assert.deepEqual([t.line, t.frames.length], [8, 22]);
  });
});

describe('fib: instructions and memory', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('instruction breakpoint, registers, disassembly, readMemory, setVariable', async () => {
    const ev = await launchTo(dc, launchArgs('fib'), () => dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: '0xc' }] }));
    assert.equal(ev.body.reason, 'instruction breakpoint');
    const t = await top(dc);
    assert.equal(t.frames[0].instructionPointerReference, '0xc');
    assert.equal(t.line, 10);
    const scopes = await dc.scopesRequest({ frameId: t.frames[0].id });
    assert.deepEqual(scopes.body.scopes.map((s) => s.name), ['Locals', 'Registers', 'Hint scopes', 'Memory']);
    const regs = await children(dc, scopes.body.scopes[1].variablesReference);
    assert.equal(regs.get('instruction')?.value, 'call rel -8');
    assert.match(regs.get('pc')!.value, /^0:12 {2}\(fib at fib\.cairo:10\)$/);
    const dis = (await dc.disassembleRequest({ memoryReference: '0xc', instructionOffset: -3, instructionCount: 6 })) as DebugProtocol.DisassembleResponse;
    assert.deepEqual(dis.body!.instructions.map((i) => i.instruction), ['[ap + 0] = [fp + -4], ap++', '[ap + 0] = [fp + -5] + [fp + -4], ap++', '[ap + 0] = [fp + -3] + -1, ap++', 'call rel -8', 'ret', '[ap + 0] = 0, ap++']);
    assert.equal(dis.body!.instructions[3].line, 10);
    // Memory: segments by name; the execution segment's cells, addresses as s:o.
    const mem = await children(dc, scopes.body.scopes[3].variablesReference);
    assert.ok(mem.has('0: program') && mem.has('1: execution') && mem.has('2: output'));
    const n = await dc.evaluateRequest({ expression: '&n', frameId: t.frames[0].id, context: 'watch' });
    const read = (await dc.customRequest('readMemory', { memoryReference: n.body.result, count: 32 })) as DebugProtocol.ReadMemoryResponse;
    assert.equal(Buffer.from(read.body!.data!, 'base64')[31], 20);
    // The next free cell above ap can be set once; a written one cannot.
    const regsAp = regs.get('ap')!;
    const around = await dc.variablesRequest({ variablesReference: regsAp.variablesReference });
    const free = around.body.variables.find((v) => v.name.startsWith('[+5]'))!;
    const set = await dc.setVariableRequest({ variablesReference: regsAp.variablesReference, name: free.name, value: '77' });
    assert.equal(set.body.value, '77');
    await assert.rejects(dc.setVariableRequest({ variablesReference: regsAp.variablesReference, name: free.name, value: '78' }), /write-once/);
  });
});

describe('structs', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a Point* expands into Point structs by member; watch expressions', async () => {
    await launchTo(dc, launchArgs('structs'), () => dc.setBreakpointsRequest({ source: { path: source('structs.cairo') }, breakpoints: [{ line: 36 }] }));
    const v = await locals(dc);
    assert.equal(v.get('n')?.value, '10');
    const points = v.get('points')!;
    assert.equal(points.type, '__main__.Point*');
    const elems = await children(dc, points.variablesReference);
    const p3 = elems.get('[3]')!;
    assert.equal(p3.value, '{x: 3, y: 9}');
    const members = await children(dc, p3.variablesReference);
    assert.equal(members.get('y')?.value, '9');
    assert.equal(await evaluate(dc, 'points[4].y'), '16');
    assert.equal(await evaluate(dc, 'cast(points, Point*)[2].x + Point.SIZE'), '4');
    assert.equal(await evaluate(dc, '[fp]'), '10');
  });
});
