// Every committed Cairo 1 fixture under the debugger (issue 16), in-process: launched with its
// debug file and arguments, stepped in by lines from the entry to the end (or its panic), with
// the call stack, scopes and local variables read at each stop. Nothing may throw, every run must
// end the way the Rust VM's did (ok, or a panic stopping as an exception), every program that
// has a line of its own to stop at must stop there, and every variable shown must have a value
// (its cells, as the debug file places them, written by then).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cairo1Run } from '../../src/debug/cairo1/cairo1-run';
import { StopReason } from '../../src/debug/front';

const ROOT = join(__dirname, '..', 'cairo1');
/** Stops per program at most: fib_rec's 1973 calls would take thousands. */
const MAX_STOPS = 300;

test('each fixture: step in from entry to end, frames and variables at every stop', async () => {
  const names = readdirSync(join(ROOT, 'fixtures')).sort();
  assert.ok(names.length >= 40, `${names.length} fixtures`);
  let stops = 0;
  let shown = 0;
  const unknown: string[] = [];
  const noLine: string[] = [];
  for (const name of names) {
    const argsFile = join(ROOT, 'programs', `${name}.args`);
    const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures', name, 'expected.json'), 'utf8')) as { status: string };
    let waiting: (() => void) | undefined;
    let ended = false;
    let reason: StopReason | undefined;
    const run = new Cairo1Run(
      { program: join(ROOT, 'fixtures', name, `${name}.executable.json`), arguments: existsSync(argsFile) ? readFileSync(argsFile, 'utf8').trim() : '' },
      {
        stopped: (r) => ((reason = r), waiting?.()),
        output: () => undefined,
        ended: () => ((ended = true), waiting?.()),
      },
    );
    const next = (go: () => void) => new Promise<void>((resolve) => ((waiting = resolve), go()));
    await next(() => run.control.start(true));
    let own = false;
    let n = 0;
    while (!ended && reason !== 'exception' && n < MAX_STOPS) {
      const { frames } = run.inspect.frames(0, 1000);
      own ||= frames.some((f) => f.file?.name === `programs/${name}.cairo` && !f.library);
      for (let i = 0; i < Math.min(frames.length, 4); i++) {
        assert.ok(run.inspect.scopes(i).length === 3, `${name}: scopes of frame ${i}`);
        for (const v of run.inspect.variables(i, 'locals')) {
          shown++;
          if (/<unknown>/.test(v.value)) unknown.push(`${name} frame ${i} ${v.name}: ${v.value}`);
        }
      }
      await next(() => run.control.stepIn('line'));
      n++;
    }
    stops += n;
    if (n < MAX_STOPS) assert.equal(reason === 'exception' ? 'error' : 'ok', expected.status, `${name}: how the run ended`);
    if (!own) noLine.push(name);
    run.dispose();
  }
  console.log(`cairo1 walk: ${names.length} programs, ${stops} step-in stops, ${shown} variables shown; with no stop on a line of their own: ${noLine.join(', ') || 'none'}`);
  assert.deepEqual(noLine, []);
  assert.deepEqual(unknown.slice(0, 10), [], `${unknown.length} variables without a value`);
});
