// Limits and fidelity details against their documentation (issue 12 items 7 and 8), over the
// real protocol: deep stacks, restart with new arguments, a .cairo program, segment names, hint
// scopes as Python prints them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, delimiter } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, top } from './helpers';
import { compileCairo, referenceBin } from '../support/reference';

const DEEP = `
func down(n: felt) -> felt {
    if (n == 0) {
        return 0;
    }
    let r = down(n - 1);
    return r + 1;
}

func main() {
    let r = down(20000);
    assert r = 20000;
    return ();
}
`;

async function children(dc: DebugClient, ref: number): Promise<DebugProtocol.Variable[]> {
  return (await dc.variablesRequest({ variablesReference: ref })).body.variables;
}

describe('a recursion 20,000 deep', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('totalFrames counts every frame and the last one is main', async () => {
    const program = compileCairo(DEEP, { name: 'deep.cairo' });
    const src = join(dirname(program), 'src');
    await launchTo(dc, { program, sourceRoot: src }, () => dc.setBreakpointsRequest({ source: { path: join(src, 'deep.cairo') }, breakpoints: [{ line: 4 }] }));
    const first = await dc.stackTraceRequest({ threadId: 1, levels: 20 });
    assert.equal(first.body.stackFrames.length, 20);
    assert.equal(first.body.totalFrames, 20002);
    const last = await dc.stackTraceRequest({ threadId: 1, startFrame: 20001, levels: 1 });
    assert.deepEqual(last.body.stackFrames.map((f) => [f.name, f.line]), [['main', 11]]);
  });
});

describe('restart with new arguments, segment names, hint scopes', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('the memory scope names the return-fp segment; restart takes the edited configuration', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10 }] }));
    const scopes = await dc.scopesRequest({ frameId: 1 });
    const names = (await children(dc, scopes.body.scopes[3].variablesReference)).map((v) => v.name);
    assert.ok(names.includes('3: return fp of the entrypoint'), names.join(', '));
    assert.ok(!names.some((n) => /hint-made/.test(n)), names.join(', '));
    const again = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.restartRequest({ arguments: { ...launchArgs('multi_main'), stopOnEntry: true } } as DebugProtocol.RestartArguments);
    assert.equal((await again).body.reason, 'entry');
    const t = await top(dc);
    assert.deepEqual([t.frames[0].name, t.path], ['main', source('multi/main.cairo')]);
  });

  test('hint-scope values read as Python prints them', async () => {
    // Breakpoints sent before a restart apply to the new run.
    await dc.setBreakpointsRequest({ source: { path: source('dict_counter.cairo') }, breakpoints: [{ line: 33 }] });
    const stopped = dc.waitForEvent('stopped');
    await dc.restartRequest({ arguments: launchArgs('dict_counter') } as DebugProtocol.RestartArguments);
    await stopped;
    const scopes = await dc.scopesRequest({ frameId: 1 });
    const stack = await children(dc, scopes.body.scopes[2].variablesReference);
    let manager: DebugProtocol.Variable | undefined;
    for (const s of stack) if (s.variablesReference) manager ??= (await children(dc, s.variablesReference)).find((v) => v.name === '__dict_manager');
    assert.ok(manager);
    assert.match(manager.value, /^DictManager\(trackers=\{\d+: DictTracker\(data=defaultdict\(lambda: 0, \{3: 3, 1: 2, 7: 1\}\), current_ptr=RelocatableValue\(segment_index=\d+, offset=\d+\)\)\}\)$/);
    const trackers = (await children(dc, manager.variablesReference))[0];
    assert.deepEqual([trackers.name, trackers.type], ['trackers', 'dict']);
    const tracker = (await children(dc, trackers.variablesReference))[0];
    const data = (await children(dc, tracker.variablesReference)).find((v) => v.name === 'data')!;
    assert.equal(data.type, 'defaultdict');
    assert.deepEqual((await children(dc, data.variablesReference)).map((v) => [v.name, v.value, v.type]), [['3', '3', 'int'], ['1', '2', 'int'], ['7', '1', 'int']]);
  });
});

describe('a .cairo file as the program', () => {
  test('is compiled with the cairo-compile on the PATH', async () => {
    const dc = await startClient({ ...process.env, PATH: `${referenceBin()}${delimiter}${process.env.PATH ?? ''}` }, 120_000); // cairo-compile is Python: seconds
    try {
      const out: string[] = [];
      dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e.body.output));
      await launchTo(dc, { program: source('fib.cairo'), layout: 'small' }, () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10 }] }));
      const t = await top(dc);
      assert.deepEqual([t.path, t.line, t.frames[0].name], [source('fib.cairo'), 10, 'fib']);
      assert.match(out.join(''), /compiled with cairo-compile/);
    } finally {
      await dc.stop();
    }
  });

  test('without cairo-compile the launch says so and what to do', async () => {
    const dc = await startClient({ ...process.env, PATH: dirname(process.execPath) });
    try {
      await dc.initializeRequest();
      await assert.rejects(dc.launchRequest({ program: source('fib.cairo') } as DebugProtocol.LaunchRequestArguments), /fib\.cairo is a Cairo source .* cairo-compile is not on the PATH\. Compile it/);
      await assert.rejects(dc.launchRequest({ program: source('fib.cairo'), cairoCompile: '/no/cairo-compile' } as DebugProtocol.LaunchRequestArguments), /"cairoCompile" \(\/no\/cairo-compile\) does not exist/);
    } finally {
      await dc.stop();
    }
  });
});
