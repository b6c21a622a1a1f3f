// The debugger with bridged hints, over the real protocol: the console says how many hints run
// in Python, their prints reach the debug console, a breakpoint after a bridged hint stops with
// its scope variables in the Hint scopes pane (Python objects by their repr), and a Python
// exception stops as an exception with cairo-run's traceback.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { join, dirname } from 'node:path';
import { compileCairo } from '../support/reference';
import { startClient, launchTo, top } from '../adapter/helpers';
import { bridgePython } from './support';

const SOURCE = `func main() {
    alloc_locals;
    local x;
    %{
        from fractions import Fraction
        half = Fraction(1, 2)
        seen = [1, 2]
        ids.x = 41
        print('hello from python', ids.x)
    %}
    tempvar y = x + 1;
    %{ assert ids.y == 0, f'y is {ids.y}' %}
    return ();
}
`;

async function hintScopeVars(dc: DebugClient): Promise<Map<string, DebugProtocol.Variable>> {
  const t = await top(dc);
  const scopes = await dc.scopesRequest({ frameId: t.frames[0].id });
  const hints = scopes.body.scopes.find((s) => s.name === 'Hint scopes')!;
  const out = new Map<string, DebugProtocol.Variable>();
  for (const scope of (await dc.variablesRequest({ variablesReference: hints.variablesReference })).body.variables) {
    if (!scope.variablesReference) continue;
    for (const v of (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables) out.set(v.name, v);
  }
  return out;
}

describe('a program with its own hints under the debugger', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient(undefined, 60_000))); // cairo-lang takes seconds to import on a busy machine
  after(async () => dc.stop());

  test('console count, prints, a breakpoint after the hint, scope variables, then the Python exception', async () => {
    const program = compileCairo(SOURCE, { name: 'bridged.cairo' });
    const file = join(dirname(program), 'src', 'bridged.cairo');
    const out: DebugProtocol.OutputEvent[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e));
    const ev = await launchTo(dc, { program, sourceRoot: dirname(file), layout: 'plain', python: bridgePython() },
      () => dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: 13 }] }));
    assert.equal(ev.body.reason, 'breakpoint');
    assert.equal((await top(dc)).line, 13);
    const console = out.filter((e) => e.body.category === 'console').map((e) => e.body.output).join('');
    assert.match(console, /2 hints run in Python \(2 without a TypeScript implementation\): cairo-lang 0\.14\.0\.1/);
    assert.match(out.filter((e) => e.body.category === 'stdout').map((e) => e.body.output).join(''), /hello from python 41\n/);
    const vars = await hintScopeVars(dc);
    assert.equal(vars.get('half')?.value, 'Fraction(1, 2)');
    assert.match(vars.get('seen')?.value ?? '', /1.*2/);
    const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
    await dc.continueRequest({ threadId: 1 });
    assert.equal((await stopped).body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.details?.stackTrace ?? '', /File "bridged.cairo", line 12, in <module>\n[\s\S]*AssertionError: y is 42/);
  });
});
