// The rest of the protocol (issue 13 part 3) and the adapter under bad requests (issue 12 item 6),
// over the real protocol against the adapter process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top, locals, stopAfter } from './helpers';

/** Writes raw bytes on the adapter's stdin. */
function raw(dc: DebugClient, body: string): void {
  (dc as unknown as { outputStream: NodeJS.WritableStream }).outputStream.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

describe('capabilities and requests Cairn does not support', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('initialize without pathFormat is answered (the spec default is "path") with the new capabilities', async () => {
    const r = (await dc.customRequest('initialize', { adapterID: 'cairn' })) as DebugProtocol.InitializeResponse;
    const caps = r.body!;
    for (const c of ['supportsDataBreakpoints', 'supportsLoadedSourcesRequest', 'supportsCompletionsRequest', 'supportsValueFormattingOptions', 'supportsStepBack', 'supportsReadMemoryRequest'] as const) {
      assert.equal(caps[c], true, c);
    }
  });

  test('unsupported requests answer an error that says so', async () => {
    await assert.rejects(dc.customRequest('writeMemory', { memoryReference: '1:0', data: 'AA==' }), /does not support the "writeMemory" request: Cairo memory is write-once/);
    await assert.rejects(dc.customRequest('setExpression', { expression: 'x', value: '1' }), /does not support the "setExpression" request/);
    await assert.rejects(dc.customRequest('goto', { threadId: 1, targetId: 1 }), /does not support the "goto" request/);
    await assert.rejects(dc.customRequest('noSuchThing', {}), /does not support the "noSuchThing" request/);
    await assert.rejects(dc.customRequest('initialize', { adapterID: 'cairn', pathFormat: 'uri' }), /takes file paths/);
  });

  test('non-JSON and null bodies are reported and the adapter goes on answering', async () => {
    const said: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => said.push(e.body.output));
    raw(dc, '{not json');
    raw(dc, 'null');
    raw(dc, '42');
    raw(dc, '{"type":"request","seq":9,"command":7}');
    await new Promise((r) => setTimeout(r, 300));
    const threads = await dc.threadsRequest();
    assert.equal(threads.body.threads.length, 1);
    assert.ok(said.some((s) => /ignored a bad protocol message/.test(s)));
  });
});

describe('bogus arguments while stopped in fib', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('thread, frame, step and memory arguments are checked and named in the error', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10 }] }));
    await assert.rejects(dc.stackTraceRequest({ threadId: 7 }), /There is no thread 7: Cairn runs one thread, 1/);
    await assert.rejects(dc.continueRequest({ threadId: 2 }), /no thread 2/);
    await assert.rejects(dc.stackTraceRequest({ threadId: 1, startFrame: -3 }), /"startFrame" must be a whole number >= 0/);
    await assert.rejects(dc.customRequest('next'), /"next" needs "threadId"/);
    await assert.rejects(dc.customRequest('readMemory', { memoryReference: '1:0', count: 64, offset: 'x' }), /"offset" must be a whole number/);
    await assert.rejects(dc.customRequest('readMemory', { memoryReference: {}, count: 64 }), /"memoryReference" must be a string/);
    await assert.rejects(dc.scopesRequest({ frameId: 999 }), /There is no frame 998/);
    await assert.rejects(dc.variablesRequest({ variablesReference: 123456 }), /no longer available/);
    await assert.rejects(dc.customRequest('setBreakpoints', { source: { path: source('fib.cairo') }, breakpoints: [{ line: 'ten' }] }), /breakpoint 0: "line" must be a whole number/);
    // Still alive and still stopped where it was.
    assert.equal((await top(dc)).line, 10);
    // A stack trace with levels reports all frames in totalFrames.
    const st = await dc.stackTraceRequest({ threadId: 1, startFrame: 1, levels: 1 });
    assert.deepEqual([st.body.stackFrames.length, st.body.stackFrames[0].id, st.body.totalFrames], [1, 2, 2]);
  });

  test('readMemory marks unwritten cells as unreadable instead of zeros', async () => {
    const fp = (await dc.evaluateRequest({ expression: '&n', frameId: 1, context: 'watch' })).body.result;
    const [seg, off] = fp.split(':').map(Number);
    // n's cell is written; far above it nothing is.
    const r = (await dc.customRequest('readMemory', { memoryReference: `${seg}:${off}`, count: 64 })) as DebugProtocol.ReadMemoryResponse;
    assert.equal(Buffer.from(r.body!.data!, 'base64').length, 64 - (r.body!.unreadableBytes ?? 0));
    const far = (await dc.customRequest('readMemory', { memoryReference: `${seg}:${off + 1000}`, count: 96 })) as DebugProtocol.ReadMemoryResponse;
    assert.deepEqual([Buffer.from(far.body!.data ?? '', 'base64').length, far.body!.unreadableBytes], [0, 96]);
    const none = (await dc.customRequest('readMemory', { memoryReference: '99:0', count: 32 })) as DebugProtocol.ReadMemoryResponse;
    assert.equal(none.body!.unreadableBytes, 32);
  });

  test('disassemble pads beyond the ends of the code with invalid rows', async () => {
    const before = (await dc.disassembleRequest({ memoryReference: '0x0', instructionOffset: -3, instructionCount: 5 })) as DebugProtocol.DisassembleResponse;
    const rows = before.body!.instructions;
    assert.equal(rows.length, 5);
    assert.deepEqual(rows.map((r) => r.presentationHint === 'invalid'), [true, true, true, false, false]);
    assert.equal(rows[3].address, '0x0');
    const after = (await dc.disassembleRequest({ memoryReference: '0x0', instructionOffset: 1000, instructionCount: 4 })) as DebugProtocol.DisassembleResponse;
    assert.equal(after.body!.instructions.length, 4);
    assert.ok(after.body!.instructions.every((r) => r.presentationHint === 'invalid'));
  });

  test('values in hex when the client asks for it', async () => {
    const scopes = await dc.scopesRequest({ frameId: 1 });
    const ref = scopes.body.scopes.find((s) => s.name === 'Locals')!.variablesReference;
    const vars = await dc.variablesRequest({ variablesReference: ref, format: { hex: true } });
    const n = vars.body.variables.find((v) => v.name === 'n')!;
    assert.equal(n.value, '0x14');
    const r = await dc.evaluateRequest({ expression: 'a + b + n + 234', frameId: 1, context: 'watch', format: { hex: true } });
    assert.equal(r.body.result, '0xff');
    assert.equal((await locals(dc)).get('n')?.value, '20');
  });

  test('loaded sources list the program files, the library ones played down', async () => {
    const r = (await dc.customRequest('loadedSources', {})) as DebugProtocol.LoadedSourcesResponse;
    const fib = r.body!.sources.find((s) => s.path === source('fib.cairo'));
    assert.ok(fib, 'fib.cairo is listed');
    const lib = r.body!.sources.find((s) => s.name === 'serialize.cairo')!;
    assert.equal(lib.presentationHint, 'deemphasize');
  });

  test('completions: ids and registers, and struct members after a dot', async () => {
    const r = await dc.completionsRequest({ text: 'a + ', column: 5, frameId: 1 });
    const labels = r.body.targets.map((t) => t.label);
    for (const l of ['a', 'b', 'n', 'ap', 'fp', 'pc', 'ids']) assert.ok(labels.includes(l), l);
    const ids = await dc.completionsRequest({ text: 'ids.', column: 5, frameId: 1 });
    assert.deepEqual(ids.body.targets.map((t) => t.label).sort(), ['a', 'b', 'n']);
    const partial = await dc.completionsRequest({ text: 'f', column: 2, frameId: 1 });
    assert.deepEqual(partial.body.targets.map((t) => [t.label, t.start, t.length]), [['fp', 1, 1]]);
  });
});

describe('completions of struct members', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('r. offers the Rect members, also through the geometry frame', async () => {
    await launchTo(dc, launchArgs('multi_main'), () => dc.setBreakpointsRequest({ source: { path: source('multi/geometry.cairo') }, breakpoints: [{ line: 12 }] }));
    const r = await dc.completionsRequest({ text: 'r.', column: 3, frameId: 1 });
    assert.deepEqual(r.body.targets.map((t) => [t.label, t.type]), [['width', 'field'], ['height', 'field']]);
    const h = await dc.completionsRequest({ text: 'r.h * 2', column: 4, frameId: 1 });
    assert.deepEqual(h.body.targets.map((t) => [t.label, t.start, t.length]), [['height', 3, 1]]);
  });
});

describe('data breakpoints in multi_main', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('reverse continue stops at the step that wrote p, continue after it; a new run stops at the write live', async () => {
    const main = source('multi/main.cairo');
    await launchTo(dc, launchArgs('multi_main'), () => dc.setBreakpointsRequest({ source: { path: main }, breakpoints: [{ line: 11 }] }));
    const info = await dc.dataBreakpointInfoRequest({ name: 'p', frameId: 1 } as DebugProtocol.DataBreakpointInfoArguments);
    const cell = info.body.dataId!;
    assert.match(cell, /^1:\d+$/);
    assert.deepEqual(info.body.accessTypes, ['write']);
    const notCell = await dc.dataBreakpointInfoRequest({ name: 'r', frameId: 1 } as DebugProtocol.DataBreakpointInfoArguments);
    assert.equal(notCell.body.dataId, null);
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: cell }, { dataId: cell, accessType: 'read' }] });
    assert.deepEqual(set.body.breakpoints.map((b) => b.verified), [true, false]);
    assert.match(set.body.breakpoints[1].message ?? '', /writes only/);

    const back = await stopAfter(dc, () => dc.customRequest('reverseContinue', { threadId: 1 }));
    assert.equal(back.body.reason, 'data breakpoint');
    assert.deepEqual(back.body.hitBreakpointIds, [set.body.breakpoints[0].id]);
    let t = await top(dc);
    assert.deepEqual([t.frames[0].name, t.frames[0].source?.name, t.line], ['multi.geometry.perimeter', 'geometry.cairo', 13]);
    // The state before the write: the cell is not written yet.
    const read = async () => (await dc.customRequest('readMemory', { memoryReference: cell, count: 32 })) as DebugProtocol.ReadMemoryResponse;
    assert.equal((await read()).body!.unreadableBytes, 32);

    const fwd = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(fwd.body.reason, 'data breakpoint');
    assert.equal(Buffer.from((await read()).body!.data!, 'base64')[31], 14);

    // A new run with the same watch: the live VM stops right after the write.
    const again = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.restartRequest({});
    const live = await again;
    assert.equal(live.body.reason, 'data breakpoint');
    assert.match(live.body.description ?? '', new RegExp(`${cell} written by step \\d+`));
    t = await top(dc);
    assert.equal(t.frames[0].name, 'multi.geometry.perimeter');
  });
});
