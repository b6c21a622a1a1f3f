// The adapter's side of the front (src/debug/debugger.ts), in process: what the DAP session no
// longer does itself. Breakpoints sent before the launch, variables numbers that go stale when
// the run moves, who wrote a cell as a structured answer, and the console's "who wrote" form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Debugger } from '../../src/debug/debugger';
import { OpenError } from '../../src/debug/open';
import { FrontEvents, StopReason } from '../../src/debug/front';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'examples/src');
const MAIN = join(SRC, 'multi/main.cairo');

test('one session: breakpoints before the launch, stale variables numbers, who wrote p', async () => {
  const stops: { reason: StopReason; text?: string }[] = [];
  let wake: (() => void) | undefined;
  const events: FrontEvents = { stopped: (reason, d) => (stops.push({ reason, text: d.text }), wake?.()), output: () => undefined, ended: () => wake?.() };
  const next = () => new Promise<void>((r) => (wake = r));
  const dbg = new Debugger(events);

  assert.throws(() => dbg.need(), /send "launch" first/);
  const early = dbg.setLines(MAIN, [{ line: 11 }]);
  assert.deepEqual(early, [{ verified: false, line: 11, message: 'The program is not loaded yet.' }]);
  assert.throws(() => dbg.open({ program: join(ROOT, 'examples/build/nope.json') }), OpenError);
  assert.equal(dbg.opened, false);

  assert.match(dbg.open({ program: join(ROOT, 'examples/build/multi_main.json'), sourceRoot: SRC, layout: 'small' }), /multi_main/);
  assert.deepEqual(dbg.setLines(MAIN, [{ line: 11 }]).map((b) => [b.verified, b.line]), [[true, 11]]);
  let woke = next();
  dbg.start();
  await woke;
  assert.equal(stops[0].reason, 'breakpoint');

  const locals = dbg.scopes(0).find((s) => s.kind === 'locals')!;
  const p = dbg.variables(locals.reference, {}).find((v) => v.name === 'p')!;
  assert.equal(p.value, '14');
  assert.equal(dbg.variables(locals.reference, { hex: true }).find((v) => v.name === 'p')!.value, '0xe');
  assert.match(dbg.dataTarget({ name: 'p', reference: locals.reference }).dataId ?? '', /^1:\d+$/);
  assert.equal(dbg.dataTarget({ name: 'nope', frame: 0 }).dataId, undefined);

  const who = dbg.whoWrote('p', 0, false);
  assert.equal(who.step, Number(/written by step (\d+)/.exec(who.result)![1]));
  assert.deepEqual(who.operands.map((o) => o.name.split(' ')[0]), ['dst', 'op0', 'op1']);
  assert.throws(() => dbg.evaluate('who wrote p', 0, 'watch', false), /ask it in the Debug Console/);

  // The console's form moves the run: a stop, and the numbers listed before it are stale.
  woke = next();
  const answer = dbg.evaluate('who wrote p', 0, 'repl', false);
  assert.equal(answer.value, who.result);
  assert.ok(answer.reference > 0, 'the operands are listed under the answer');
  assert.match(stops.at(-1)!.text ?? '', new RegExp(`was written by step ${who.step}`));
  assert.throws(() => dbg.variables(locals.reference, {}), /no longer available/);
  dbg.dispose();
});
