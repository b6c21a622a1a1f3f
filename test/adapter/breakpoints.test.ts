import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { startClient, launchArgs, launchTo, source, top, locals, evaluate } from './helpers';

describe('breakpoints', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a line breakpoint in fib stops at fib.cairo:10 with a, b, n', async () => {
    const path = source('fib.cairo');
    let verified: unknown;
    const ev = await launchTo(dc, launchArgs('fib'), async () => {
      const r = await dc.setBreakpointsRequest({ source: { path }, breakpoints: [{ line: 10 }] });
      verified = r.body.breakpoints[0];
    });
    assert.equal(ev.body.reason, 'breakpoint');
    assert.deepEqual([(verified as { verified: boolean }).verified, (verified as { line: number }).line], [true, 10]);
    const t = await top(dc);
    assert.equal(t.path, path);
    assert.equal(t.line, 10);
    assert.equal(t.frames[0].name, 'fib');
    assert.equal(t.frames[1].name, 'main');
    const v = await locals(dc);
    assert.equal(v.get('a')?.value, '0');
    assert.equal(v.get('b')?.value, '1');
    assert.equal(v.get('n')?.value, '20');
    assert.equal(await evaluate(dc, 'a + b + n'), '21');
    assert.equal(await evaluate(dc, 'ids.n'), '20');
  });
});
