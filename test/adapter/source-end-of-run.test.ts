// Issue 12, item 9: with stopAtEnd the run stops at its end before the session ends, so the last
// state can be looked at and the run walked back from its last step; going on from that stop
// ends the session. Without it (a raw DAP client's default) the session ends as before.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchTo, top, evaluate, locals } from './helpers';
import { compileCairo } from '../support/reference';

const SOURCE = `%builtins output
func main(output_ptr: felt*) -> (output_ptr: felt*) {
    alloc_locals;
    local total = 6 * 7;
    assert [output_ptr] = total;
    return (output_ptr=output_ptr + 1);
}
`;

describe('stopping at the end of the run', () => {
  let dc: DebugClient;
  let program: string;
  let file: string;
  const out: DebugProtocol.OutputEvent[] = [];
  before(async () => {
    program = compileCairo(SOURCE, { name: 'end.cairo' });
    file = join(dirname(program), 'src', 'end.cairo');
    dc = await startClient();
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e));
  });
  after(async () => dc.stop());

  const printed = () => out.map((e) => e.body.output).join('');

  test('stopAtEnd: a stop after the last step, the output already printed; step back walks into main; continue stops at the end again, then ends', async () => {
    const ev = await launchTo(dc, { program, sourceRoot: dirname(file), layout: 'small', stopAtEnd: true });
    assert.equal(ev.body.reason, 'step');
    assert.match(ev.body.text ?? '', /^End of the run \(step \d+\)/);
    const steps = Number(/step (\d+)/.exec(ev.body.text!)![1]);
    const t = await top(dc);
    assert.match(t.frames[0].name, /^<end of the run, pc \d+:0>$/);
    // Shown at the last instruction that ran (main's return), so an editor selects it and lists its scopes.
    assert.deepEqual([t.path, t.line], [file, 6]);
    // The program's output is out; the session's end summary is not.
    assert.match(printed(), /\n42\n/);
    assert.doesNotMatch(printed(), /Run ended/);
    // The final state: the registers at the last step, memory as the run left it.
    const scopes = await dc.scopesRequest({ frameId: t.frames[0].id });
    const regs = await dc.variablesRequest({ variablesReference: scopes.body.scopes.find((s) => s.name === 'Registers')!.variablesReference });
    assert.ok(regs.body.variables.some((v) => v.name === 'step' && v.value === String(steps)));
    assert.equal(await evaluate(dc, '[[ap - 1] - 1]'), '42');
    // One step back is main's return, with its locals.
    await Promise.all([dc.waitForEvent('stopped'), dc.stepBackRequest({ threadId: 1, granularity: 'instruction' })]);
    const back = await top(dc);
    assert.deepEqual([back.frames[0].name, back.path, back.line], ['main', file, 6]);
    assert.equal((await locals(dc)).get('total')?.value, '42');
    // Forward again: the end stops once more (the run's history is still there).
    const again = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.match((await again).body.text ?? '', /^End of the run/);
    // Going on from the end stop ends the session.
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    assert.match(printed(), new RegExp(`Run ended: ${steps} steps`));
  });

  test('without stopAtEnd the session ends at the end of the run', async () => {
    await dc.stop();
    dc = await startClient();
    const ended = dc.waitForEvent('terminated');
    let stops = 0;
    dc.on('stopped', () => stops++);
    await Promise.all([
      dc.waitForEvent('initialized').then(() => dc.configurationDoneRequest()),
      dc.launch({ program, sourceRoot: dirname(file), layout: 'small' }),
    ]);
    await ended;
    assert.equal(stops, 0);
  });
});
