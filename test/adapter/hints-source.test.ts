// Issue 12, item 3: stopping before a hint. A breakpoint on a line inside `%{ %}` stops before
// the hint runs and shows the hint; "step in" stops at a hint before it runs; a failing hint
// stops as an exception shown at the hint's own lines, where cairo-run reports it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchTo, top, evaluate, stopAfter } from './helpers';
import { compileCairo, cairoRun } from '../support/reference';

// Line numbers matter: the hints are at lines 3 and 6-8.
const SOURCE = `func main() {
    tempvar a = 3;
    %{ memory[ap] = segments.add() %}
    ap += 1;
    assert [ap] = 7;
    %{
        memory[ap] = segments.add()
    %}
    ap += 1;
    ret;
}
`;

describe('hints: stopping before a hint', () => {
  let dc: DebugClient;
  let program: string;
  let file: string;
  before(async () => {
    program = compileCairo(SOURCE, { name: 'hints.cairo' });
    file = join(dirname(program), 'src', 'hints.cairo');
    dc = await startClient();
  });
  after(async () => dc.stop());

  test('a breakpoint inside %{ %} stays there and stops before the hint runs; a failing hint stops at its own lines', async () => {
    let bps: DebugProtocol.SetBreakpointsResponse | undefined;
    const ev = await launchTo(dc, { program, sourceRoot: dirname(file), layout: 'plain' }, async () => {
      bps = await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: 3 }, { line: 7 }] });
    });
    // Neither breakpoint moves past its hint to the instruction line below.
    assert.deepEqual(bps!.body.breakpoints.map((b) => [b.verified, b.line]), [[true, 3], [true, 7]]);
    assert.deepEqual(ev.body.hitBreakpointIds, [bps!.body.breakpoints[0].id]);
    let t = await top(dc);
    assert.deepEqual([t.path, t.line], [file, 3]);
    // The hint writes [ap] (fp + 1 here): not yet.
    assert.match(await evaluate(dc, '[fp + 1]'), /unknown|not known|unwritten/i);
    // One step on, the hint and its instruction have run.
    await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    t = await top(dc);
    assert.equal(t.line, 5);
    assert.match(await evaluate(dc, '[fp + 1]'), /^\d+:0$/);
    // The breakpoint on line 7 stops at the hint that spans lines 6 to 8, which then fails.
    const second = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.deepEqual(second.body.hitBreakpointIds, [bps!.body.breakpoints[1].id]);
    assert.equal((await top(dc)).line, 6);
    const failed = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.equal(failed.body.reason, 'exception');
    t = await top(dc);
    assert.deepEqual([t.path, t.line, t.frames[0].column], [file, 6, 5]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.description ?? '', /Inconsistent memory assignment at address 1:4\. 7 != \d+:0/);
    // cairo-run places the error at the same line and column.
    const ref = cairoRun(program, ['--layout', 'plain'], [], { cwd: dirname(file) });
    assert.match(ref.stderr, /hints\.cairo:6:5: Error at pc=0:6:\nGot an exception while executing a hint\./);
  });

  test('step in stops at a hint before it runs, and goes on to the statement after it; next does not stop at the hint', async () => {
    await dc.stop();
    dc = await startClient();
    await launchTo(dc, { program, sourceRoot: dirname(file), layout: 'plain', stopOnEntry: true });
    assert.equal((await top(dc)).line, 2);
    await stopAfter(dc, () => dc.stepInRequest({ threadId: 1 }));
    assert.equal((await top(dc)).line, 3);
    assert.match(await evaluate(dc, '[fp + 1]'), /unknown|not known|unwritten/i);
    await stopAfter(dc, () => dc.stepInRequest({ threadId: 1 }));
    assert.equal((await top(dc)).line, 5);
    assert.match(await evaluate(dc, '[fp + 1]'), /^\d+:0$/);
    // Back to the hint's step with "step back": shown at the statement, as next shows it.
    await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal((await top(dc)).line, 4);
    await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.equal((await top(dc)).line, 2);
    await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal((await top(dc)).line, 4);
    await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.equal((await top(dc)).line, 5);
  });

  test('an instruction step onto a hint shows the hint; the next one has run it', async () => {
    await dc.stop();
    dc = await startClient();
    await launchTo(dc, { program, sourceRoot: dirname(file), layout: 'plain', stopOnEntry: true });
    await stopAfter(dc, () => dc.stepInRequest({ threadId: 1, granularity: 'instruction' }));
    let t = await top(dc);
    assert.deepEqual([t.line, t.frames[0].instructionPointerReference], [3, '0x2']);
    assert.match(await evaluate(dc, '[fp + 1]'), /unknown|not known|unwritten/i);
    await stopAfter(dc, () => dc.stepInRequest({ threadId: 1, granularity: 'instruction' }));
    t = await top(dc);
    assert.deepEqual([t.line, t.frames[0].instructionPointerReference], [5, '0x4']);
  });
});
