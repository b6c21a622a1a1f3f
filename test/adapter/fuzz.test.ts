// Fuzz of the debug adapter over the real protocol: random sequences of DAP requests with bogus
// arguments and references (some real: frame ids, variable references, memory references taken
// from earlier answers), sent at every state (before initialize, before launch, stopped, running,
// after an exception, after the end), with a fixed seed. Every request must be answered within a
// few seconds, success or an error in plain words: never a JavaScript stack trace or internal
// error, never a hang, and the adapter process never exits. CAIRN_FUZZ_REQUESTS=N sends more
// (default 300), CAIRN_FUZZ_SEED picks the seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess } from 'node:child_process';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchArgs, source } from './helpers';

const REQUESTS = Number(process.env.CAIRN_FUZZ_REQUESTS ?? 300);
const SEED = Number(process.env.CAIRN_FUZZ_SEED ?? 1);
const ANSWER_MS = 5_000;
/** What an answer must never contain: a JS error class, a stack frame, an internal error. */
const CRASH = /\bat .+:\d+:\d+|TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|Cannot read propert|is not a function|is not iterable|Internal error|_stack/;

/** mulberry32: a small PRNG, the same sequence for the same seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  /** References seen in answers: frame ids, variables references, memory references, names. */
  readonly seen = { frames: [1, 2], vars: [1, 2, 3], memory: ['1:0', '0x0'], names: ['n', 'a', 'pc'] };
  constructor(readonly r: () => number) {}
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  bogus(): unknown {
    return this.pick([undefined, null, -3, -1, 0, 1, 2, 7, 1.5, 2 ** 53, 1e300, 'x', '', '0x10', '1:0', '-1:5', '99:0', '0:99999', 'a'.repeat(5000), '('.repeat(3000), {}, [], [1], true, { path: 42 }, '{}', 'ids.', 'n ==', '%{', '\u0000']);
  }
  num(real: readonly number[]): unknown {
    return this.chance(0.7) ? this.pick(real) : this.bogus();
  }
  str(real: readonly string[]): unknown {
    return this.chance(0.7) ? this.pick(real) : this.bogus();
  }
  maybe(v: () => unknown): unknown {
    return this.chance(0.75) ? v() : undefined;
  }
}

const FILES = [source('fib.cairo'), source('multi/main.cairo'), source('dict_counter.cairo'), source('long_loop.cairo'), source('assert_fail.cairo'), '/no/such.cairo'];
const PROGRAMS = ['fib', 'multi_main', 'dict_counter', 'long_loop', 'assert_fail', 'structs'];

/** One request: a command and its (often bogus) arguments. */
function request(g: Gen): { command: string; args: unknown } {
  const thread = () => (g.chance(0.8) ? 1 : g.bogus());
  const s = g.seen;
  const bp = () => ({ line: g.num([1, 7, 8, 10, 12, 33, 999]), condition: g.maybe(() => g.str(['n == 3', 'a + b', 'x >', ''])), hitCondition: g.maybe(() => g.str(['2', '>= 1', '% 0', 'zz'])), logMessage: g.maybe(() => g.str(['n={n}', '{', '{{}}'])) });
  const table: [string, () => unknown][] = [
    ['continue', () => ({ threadId: thread() })],
    ['next', () => g.maybe(() => ({ threadId: thread(), granularity: g.maybe(() => g.str(['instruction', 'line', 'statement'])) }))],
    ['stepIn', () => ({ threadId: thread(), granularity: g.maybe(() => g.str(['instruction'])) })],
    ['stepOut', () => ({ threadId: thread() })],
    ['stepBack', () => ({ threadId: thread(), granularity: g.maybe(() => g.str(['instruction'])) })],
    ['reverseContinue', () => ({ threadId: thread() })],
    ['pause', () => ({ threadId: thread() })],
    ['threads', () => ({})],
    ['stackTrace', () => ({ threadId: thread(), startFrame: g.maybe(() => g.num([0, 1, 5, 20000])), levels: g.maybe(() => g.num([0, 1, 20])), format: g.maybe(() => g.pick([{ hex: true }, g.bogus()])) })],
    ['scopes', () => ({ frameId: g.num(s.frames) })],
    ['variables', () => ({ variablesReference: g.num(s.vars), start: g.maybe(() => g.num([0, 5, 1e6])), count: g.maybe(() => g.num([0, 10, 1e6])), filter: g.maybe(() => g.str(['named', 'indexed'])), format: g.maybe(() => ({ hex: g.chance(0.5) })) })],
    ['setVariable', () => ({ variablesReference: g.num(s.vars), name: g.str(s.names), value: g.str(['1', '-5', '0x10', '1:3', 'nope']) })],
    ['evaluate', () => ({ expression: g.str([...s.names, 'a + b', '[fp]', '&n', 'ids.n', 'r.width', 'points[2].x', 'cast(fp, felt*)[0]', 'n *', '2 ** 128']), frameId: g.maybe(() => g.num(s.frames)), context: g.maybe(() => g.str(['watch', 'repl', 'hover'])), format: g.maybe(() => ({ hex: true })) })],
    ['completions', () => ({ text: g.str(['', 'a', 'ids.', 'r.', 'r.w', 'x.y.z.']), column: g.num([0, 1, 3, 99]), frameId: g.maybe(() => g.num(s.frames)) })],
    ['setBreakpoints', () => ({ source: g.chance(0.85) ? { path: g.pick(FILES) } : g.bogus(), breakpoints: g.chance(0.85) ? Array.from({ length: Math.floor(g.r() * 3) }, () => (g.chance(0.85) ? bp() : g.bogus())) : g.bogus() })],
    ['setFunctionBreakpoints', () => ({ breakpoints: g.chance(0.85) ? [{ name: g.str(['fib', 'main', 'nope', 'serialize_word']) }] : g.bogus() })],
    ['setInstructionBreakpoints', () => ({ breakpoints: g.chance(0.85) ? [{ instructionReference: g.str(['0x0', '0xc', '0x3', '1:0']), offset: g.maybe(() => g.num([0, 1, -2])) }] : g.bogus() })],
    ['setExceptionBreakpoints', () => ({ filters: g.chance(0.8) ? g.pick([['vmError'], [], [3]]) : g.bogus(), filterOptions: g.maybe(() => g.pick([[{ filterId: 'vmError' }], [null], g.bogus()])) })],
    ['dataBreakpointInfo', () => ({ name: g.str(s.names), variablesReference: g.maybe(() => g.num(s.vars)), frameId: g.maybe(() => g.num(s.frames)), asAddress: g.maybe(() => g.chance(0.5)) })],
    ['setDataBreakpoints', () => ({ breakpoints: g.chance(0.85) ? [{ dataId: g.str(s.memory), accessType: g.maybe(() => g.str(['write', 'read'])) }] : g.bogus() })],
    ['breakpointLocations', () => ({ source: { path: g.pick(FILES) }, line: g.num([1, 7, 10]), endLine: g.maybe(() => g.num([20, 3])) })],
    ['source', () => ({ sourceReference: g.num([1, 2, 3]), source: g.maybe(() => ({ sourceReference: g.num([1, 2]) })) })],
    ['loadedSources', () => ({})],
    ['exceptionInfo', () => ({ threadId: thread() })],
    ['readMemory', () => ({ memoryReference: g.str(s.memory), offset: g.maybe(() => g.num([0, 31, -64, 1 << 30])), count: g.num([0, 1, 32, 100, 1 << 21]) })],
    ['disassemble', () => ({ memoryReference: g.str(['0x0', '0xc', ...s.memory]), offset: g.maybe(() => g.num([0, 2, -5])), instructionOffset: g.maybe(() => g.num([0, -10, 500])), instructionCount: g.num([0, 1, 10, 50, 20000]) })],
    ['writeMemory', () => ({ memoryReference: g.str(s.memory), data: 'AA==' })],
    ['setExpression', () => ({ expression: 'n', value: '1' })],
    ['goto', () => ({ threadId: 1, targetId: 1 })],
    ['restart', () => g.maybe(() => ({ arguments: g.chance(0.7) ? launchArgs(g.pick(PROGRAMS), { stopOnEntry: g.chance(0.5) }) : g.bogus() }))],
    ['configurationDone', () => ({})],
    ['terminate', () => ({})],
    ['launch', () => (g.chance(0.5) ? launchArgs(g.pick(PROGRAMS)) : { program: g.bogus(), layout: g.maybe(() => g.bogus()), steps: g.maybe(() => g.bogus()) })],
    ['initialize', () => (g.chance(0.7) ? { adapterID: 'cairn', pathFormat: g.maybe(() => g.str(['path', 'uri'])) } : g.bogus())],
    [g.pick(['modules', 'attach', 'cancel', 'stepInTargets', 'noSuch', '']), () => g.bogus()],
  ];
  const [command, args] = g.pick(table);
  return { command, args: args() };
}

/** Notes references an answer hands out, so later requests can use them (or misuse them). */
function learn(g: Gen, body: unknown): void {
  const walk = (v: unknown, depth: number) => {
    if (depth > 3 || v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'variablesReference' && typeof x === 'number' && x > 0) g.seen.vars.push(x);
      else if (k === 'id' && typeof x === 'number') g.seen.frames.push(x);
      else if (k === 'memoryReference' && typeof x === 'string') g.seen.memory.push(x);
      else if (k === 'name' && typeof x === 'string' && x.length < 40) g.seen.names.push(x);
      else walk(x, depth + 1);
    }
  };
  walk(body, 0);
  for (const list of Object.values(g.seen)) if (list.length > 200) list.splice(0, list.length - 200);
}

test(`fuzz(adapter): ${REQUESTS} random requests at every state, seed ${SEED}`, async () => {
  const g = new Gen(rng(SEED));
  let sent = 0;
  let crashed = 0;
  let hung = 0;
  const problems: string[] = [];
  const recent: string[] = [];
  while (sent < REQUESTS) {
    const dc: DebugClient = await startClient();
    const proc = (dc as unknown as { _adapterProcess: ChildProcess })._adapterProcess;
    let exited = false;
    proc.on('exit', () => (exited = true));
    dc.on('output', (e: DebugProtocol.OutputEvent) => {
      if (e.body.category === 'stderr' && /Internal error|TypeError|\bat .+:\d+:\d+/.test(e.body.output)) {
        crashed++;
        problems.push(`output: ${e.body.output.slice(0, 300)}`);
      }
    });
    // A session: some requests before anything, then (usually) a real start, then the rest.
    recent.length = 0;
    const length = Math.min(REQUESTS - sent, 40 + Math.floor(g.r() * 40));
    for (let i = 0; i < length; i++) {
      let req = request(g);
      if (i === 3 && g.chance(0.8)) req = { command: 'initialize', args: { adapterID: 'cairn' } };
      if (i === 4 && g.chance(0.8)) req = { command: 'launch', args: launchArgs(g.pick(PROGRAMS), { stopOnEntry: g.chance(0.5) }) };
      sent++;
      // launch answers after configurationDone: send that too, as a client does.
      if (req.command === 'launch') void dc.configurationDoneRequest().catch(() => undefined);
      const answer = dc.customRequest(req.command, req.args as object).then(
        (r) => ({ ok: true, text: JSON.stringify(r.body ?? {}), body: r.body as unknown }),
        (e: Error) => ({ ok: false, text: e.message, body: undefined as unknown }),
      );
      // launch waits for configurationDone (10 s at most): do not count it as a hang.
      const wait = req.command === 'launch' ? 15_000 : ANSWER_MS;
      let timer: NodeJS.Timeout | undefined;
      const t0 = Date.now();
      recent.push(`${req.command} ${JSON.stringify(req.args)?.slice(0, 120)}`);
      if (recent.length > (process.env.CAIRN_FUZZ_SLOW ? 100 : 6)) recent.shift();
      const res = await Promise.race([answer, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), wait)))]);
      clearTimeout(timer);
      if (process.env.CAIRN_FUZZ_SLOW && Date.now() - t0 > 500) console.log(`slow ${Date.now() - t0} ms: ${recent[recent.length - 1]}`);
      if (res === undefined) {
        if (req.command === 'launch') continue;
        hung++;
        problems.push(`hung: ${req.command} ${JSON.stringify(req.args)?.slice(0, 200)} (after ${recent.slice(0, -1).join(' | ')})`);
        break;
      }
      if (!res.ok && CRASH.test(res.text)) {
        crashed++;
        problems.push(`crashed: ${req.command} ${JSON.stringify(req.args)?.slice(0, 200)} -> ${res.text.slice(0, 300)}`);
      }
      if (res.ok) learn(g, res.body);
      if (exited) {
        crashed++;
        problems.push(`adapter exited after ${req.command} ${JSON.stringify(req.args)?.slice(0, 200)}`);
        break;
      }
    }
    if (!exited) {
      // Still there and still answering.
      const t = await Promise.race([dc.threadsRequest().then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), ANSWER_MS))]);
      if (!t) {
        hung++;
        problems.push('the adapter stopped answering at the end of a session');
      }
    }
    await dc.stop();
  }
  console.log(`fuzz(adapter): ${sent} requests, ${crashed} crashed, ${hung} hung`);
  assert.deepEqual(problems, []);
});
