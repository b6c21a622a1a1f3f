// Issue 12, item 5: the evaluator behind watch, hover and the debug console.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, launchTo, source, evaluate, top, locals } from './helpers';
import { compileCairo, cairoRun } from '../support/reference';
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

// Issue 12, item 5 (rest): comparisons, and / or, struct and tuple literal locals, and the
// with_attr text of a complex reference, on a program of the test's own.
const LITERALS = `struct EcPoint {
    x: felt,
    y: felt,
    z: felt,
}

func main() {
    alloc_locals;
    let p_0 = EcPoint(1, 2, 3);
    let t = (4, 5);
    local x = 10;
    let cat = x / 2;
    let dog = x * x * x * x * x * x * x * x;
    tempvar y = x + 1;
    with_attr error_message("bad {cat} and {dog} and {x} and {y}") {
        assert y = 0;
    }
    ret;
}
`;

describe('evaluate: comparisons, and / or, literal locals, with_attr references', () => {
  let dc: DebugClient;
  let program: string;
  let file: string;
  before(async () => {
    program = compileCairo(LITERALS, { name: 'literals.cairo' });
    file = join(dirname(program), 'src', 'literals.cairo');
    dc = await startClient();
  });
  after(async () => dc.stop());

  test('conditions with and / or stop where they hold; a malformed one is not verified; watch, hover and console agree', async () => {
    let bps: DebugProtocol.SetBreakpointsResponse | undefined;
    const ev = await launchTo(dc, { program, sourceRoot: dirname(file), layout: 'plain' }, async () => {
      bps = await dc.setBreakpointsRequest({
        source: { path: file },
        breakpoints: [
          { line: 14, condition: 'x == 1 or cat == 4' },
          { line: 15, condition: '(x == 1 or x == 10) and cat == 5' },
          { line: 17, condition: 'x ==' },
        ],
      });
    });
    const [never, holds, bad] = bps!.body.breakpoints;
    assert.deepEqual([never.verified, holds.verified, bad.verified], [true, true, false]);
    assert.match(bad.message ?? '', /Condition "x ==" is not understood: .*missing an operand/);
    // Line 14's condition is false: the first stop is line 15's.
    assert.deepEqual(ev.body.hitBreakpointIds, [holds.id]);
    const frameId = (await top(dc)).frames[0].id;
    // Struct and tuple literals in Locals, by member.
    const l = await locals(dc);
    assert.equal(l.get('p_0')?.value, '{x: 1, y: 2, z: 3}');
    assert.equal(l.get('t')?.value, '{0: 4, 1: 5}');
    for (const context of ['watch', 'hover', 'repl']) {
      const ask = async (expression: string) => (await dc.evaluateRequest({ expression, frameId, context })).body.result;
      assert.equal(await ask('x == 10'), 'true', context);
      assert.equal(await ask('x != 10'), 'false');
      assert.equal(await ask('x < 11 and cat > 3'), 'true');
      assert.equal(await ask('x >= 11 or dog == 100000000'), 'true');
      assert.equal(await ask('x <= 9 or cat < 0'), 'false');
      assert.equal(await ask('fp < fp + 1 and x == ids.x'), 'true');
      assert.equal(await ask('p_0'), '{x: 1, y: 2, z: 3}');
      assert.equal(await ask('p_0.y'), '2');
      assert.equal(await ask('ids.p_0.z'), '3');
      assert.equal(await ask('t'), '{0: 4, 1: 5}');
      assert.equal(await ask('t.1'), '5');
      assert.equal(await ask('p_0.y * 2 + t[0]'), '8');
    }
    const fail = (expression: string) => dc.evaluateRequest({ expression, frameId, context: 'watch' });
    await assert.rejects(fail('x < fp'), /Cannot order x and fp/);
    await assert.rejects(fail('p_0.w'), /p_0 has no member w/);
    await assert.rejects(fail('t.2'), /t has 2 members/);
    await assert.rejects(fail('x == 1 == 1'), /chains comparisons/);
    // The literal's members are what Locals offers to watch.
    const kids = await dc.variablesRequest({ variablesReference: l.get('t')!.variablesReference });
    assert.deepEqual(kids.body.variables.map((v) => [v.evaluateName, v.value]), [['t.0', '4'], ['t.1', '5']]);
  });

  test('a with_attr message leaves a complex or ap-based reference as cairo-run does', async () => {
    const failed = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await failed).body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    const line = "Error message: bad 5 and {dog} and 10 and {y} (Cannot evaluate ap-based or complex references: ['dog', 'y'])";
    assert.equal(info.body.details?.stackTrace?.split('\n')[0], line);
    const ref = cairoRun(program, ['--layout', 'plain'], [], { cwd: dirname(file) });
    assert.equal(ref.stderr.split('\n')[0], line);
  });
});
