// Issue 12, item 5 (part): the evaluator behind watch, hover and the debug console.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { startClient, launchArgs, launchTo, source, evaluate } from './helpers';
import { parseType, typeToString } from '../../src/vm/cairo-expr';

describe('evaluate: powers', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('2 ** 128, right-associative, tighter than unary minus, with ids', async () => {
    await launchTo(dc, launchArgs('fib'), () => dc.setBreakpointsRequest({ source: { path: source('fib.cairo') }, breakpoints: [{ line: 10 }] }));
    // Felts from 2^128 on show as hex.
    assert.equal(await evaluate(dc, '2 ** 128'), '0x100000000000000000000000000000000');
    assert.equal(await evaluate(dc, '2 ** 127'), '170141183460469231731687303715884105728');
    assert.equal(await evaluate(dc, '2 ** 3 ** 2'), '512');
    assert.equal(await evaluate(dc, '-2 ** 2'), '-4');
    // n is 20 at the first stop in fib.
    assert.equal(await evaluate(dc, 'n * 2 ** 3'), '160');
    assert.equal(await evaluate(dc, '(n - 18) ** 10'), '1024');
    await assert.rejects(dc.evaluateRequest({ expression: 'fp ** 2', context: 'watch', frameId: 1 }), /power/);
  });
});

test('felt** is still a pointer to a pointer', () => {
  assert.equal(typeToString(parseType('felt**')), 'felt**');
  assert.equal(typeToString(parseType('felt***')), 'felt***');
  assert.equal(typeToString(parseType('(a: felt**, b: felt)')), '(a: felt**, b: felt)');
});
