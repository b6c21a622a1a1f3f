// The Cairo 1 debugger over the real protocol (issue 16): the adapter process launches a
// committed executable with its debug file, stops at breakpoints on Cairo 1 lines, shows Sierra
// functions and inlined frames, steps by lines through loops and recursion, and travels back.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { ROOT, startClient, launchTo, stopAfter } from './helpers';

const CAIRO1 = join(ROOT, 'test/cairo1');
const exe = (name: string) => join(CAIRO1, 'fixtures', name, `${name}.executable.json`);
const src = (name: string) => join(CAIRO1, 'programs', `${name}.cairo`);

/** The frame an editor shows the stop at: the first one it does not play down (corelib code inlined into the user's line is). */
async function shown(dc: DebugClient): Promise<{ frame: DebugProtocol.StackFrame; frames: DebugProtocol.StackFrame[] }> {
  const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  const frame = frames.find((f) => f.presentationHint !== 'subtle');
  assert.ok(frame, frames.map((f) => f.name).join(' | '));
  return { frame, frames };
}

/** Fp frames: one per Sierra function call (inlined ones are marked). */
const calls = (frames: DebugProtocol.StackFrame[]) => frames.filter((f) => !f.name.endsWith('[inlined]')).length;

function act(dc: DebugClient, command: string, args: Record<string, unknown> = {}): Promise<DebugProtocol.StoppedEvent> {
  return stopAfter(dc, () => dc.customRequest(command, { threadId: 1, ...args }));
}

async function lineAfter(dc: DebugClient, command: string, args: Record<string, unknown> = {}): Promise<number> {
  await act(dc, command, args);
  return (await shown(dc)).frame.line;
}

describe('Cairo 1: a breakpoint inside a loop (array_sum)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('stops once per element of the summed span (20), with the loop frame named and inlined frames marked', async () => {
    let verified: DebugProtocol.Breakpoint[] = [];
    const first = await launchTo(dc, { program: exe('array_sum') }, async () => {
      verified = (await dc.setBreakpointsRequest({ source: { path: src('array_sum') }, breakpoints: [{ line: 6 }] })).body.breakpoints;
    });
    assert.deepEqual(verified.map((b) => [b.verified, b.line]), [[true, 6]]);
    assert.equal(first.body.reason, 'breakpoint');
    const { frame, frames } = await shown(dc);
    assert.equal(frame.source?.path, src('array_sum'));
    assert.equal(frame.line, 6);
    assert.match(frame.name, /^array_sum::array_sum::sum( \[inlined\])?$/);
    // total += *s[i] is the top frame (the span's indexing, corelib code inlined into it, is that
    // line); sum's call site is code of sum's loop inlined into main, itself inlined into the wrapper.
    assert.equal(frames.indexOf(frame), 0);
    assert.equal(frame.name, 'array_sum::array_sum::sum');
    assert.deepEqual(frames.slice(1, 4).map((f) => [f.name, f.line]), [
      ['array_sum::array_sum::sum [inlined]', 5],
      ['array_sum::array_sum::main [inlined]', 20],
      ['array_sum::array_sum::__executable_wrapper__main', 12],
    ]);
    assert.ok(frames.every((f) => f.source?.name !== 'array.cairo'), frames.map((f) => f.source?.name).join(' '));
    assert.equal(frames[frames.length - 1].name, '<executable header>');
    assert.ok(frames.some((f) => f.name === 'array_sum::array_sum::__executable_wrapper__main'));
    // sum's variables with their types: s (a Span<u32> of the squares 0..19) is its parameter.
    const scopes = (await dc.scopesRequest({ frameId: frame.id })).body.scopes;
    assert.deepEqual(scopes.map((s) => s.name), ['Locals', 'Registers', 'Memory']);
    const args = (await dc.variablesRequest({ variablesReference: scopes[0].variablesReference })).body.variables;
    const s = args.find((a) => a.name === 's');
    assert.equal(s?.type, 'core::array::Span::<core::integer::u32>');
    assert.equal(s?.value, '[0, 1, 4, 9, 16, 25, 36, 49, ... (20)]');
    const elems = (await dc.variablesRequest({ variablesReference: s!.variablesReference, start: 18, count: 2 })).body.variables;
    assert.deepEqual(elems.map((e) => [e.name, e.value, e.type]), [['[18]', '324', 'u32'], ['[19]', '361', 'u32']]);
    const regs = (await dc.variablesRequest({ variablesReference: scopes[1].variablesReference })).body.variables;
    assert.deepEqual(regs.slice(0, 3).map((r) => r.name), ['pc', 'ap', 'fp']);

    let hits = 1;
    const ended = dc.waitForEvent('terminated');
    for (;;) {
      const next = Promise.race([dc.waitForEvent('stopped').then((e) => e as DebugProtocol.StoppedEvent), ended.then(() => undefined)]);
      await dc.continueRequest({ threadId: 1 });
      const e = await next;
      if (e === undefined) break;
      assert.equal(e.body.reason, 'breakpoint');
      const at = (await shown(dc)).frame;
      assert.equal(at.line, 6);
      // Later iterations run in the loop's own function, with the loop's variables: s (which the
      // compiler names only where sum passes it to the loop), total and i.
      const loopVars = (await dc.variablesRequest({ variablesReference: (await dc.scopesRequest({ frameId: at.id })).body.scopes[0].variablesReference })).body.variables;
      const total = (hits * (hits - 1) * (2 * hits - 1)) / 6; // the squares of 0 .. hits - 1
      assert.deepEqual(loopVars.map((a) => [a.name, a.type, a.value]), [
        ['s', 'core::array::Span::<core::integer::u32>', '[0, 1, 4, 9, 16, 25, 36, 49, ... (20)]'],
        ['total', 'u32', String(total)],
        ['i', 'u32', String(hits)],
      ]);
      hits++;
    }
    assert.equal(hits, 20);
  });
});

/** Continues from a stop until the run ends; the stops on the way. */
async function stopsToTheEnd(dc: DebugClient): Promise<number> {
  let stops = 0;
  const ended = dc.waitForEvent('terminated');
  for (;;) {
    const next = Promise.race([dc.waitForEvent('stopped').then(() => true), ended.then(() => false)]);
    await dc.continueRequest({ threadId: 1 });
    if (!(await next)) return stops;
    stops++;
  }
}

describe('Cairo 1: a line breakpoint stops once per pass over its line', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  // Counts from the program's meaning: loops.cairo's `if (a + b) % 3 == 0` runs once per inner
  // iteration (55; its code is split around a branch, and the second run, reached only from the
  // line itself, was a second stop: 91), `count += 1` for the 19 pairs it holds.
  for (const [name, line, passes] of [['loops', 14, 55], ['loops', 15, 19]] as const) {
    test(`${name}.cairo line ${line}: ${passes} passes`, async () => {
      await dc.stop();
      dc = await startClient();
      await launchTo(dc, { program: exe(name) }, () => dc.setBreakpointsRequest({ source: { path: src(name) }, breakpoints: [{ line }] }));
      assert.equal(1 + (await stopsToTheEnd(dc)), passes);
    });
  }

  // A hit condition counts passes over the line, whichever of its pcs a pass runs through: fib's
  // base case `n` (line 4) is reached 987 times (fib(16)) through code of its own for n == 0 and
  // for n == 1.
  for (const [hitCondition, expected] of [['== 987', 1], ['% 100', 9], ['>= 980', 8]] as const) {
    test(`fib_rec.cairo line 4 with hit condition ${hitCondition}: ${expected} stops`, async () => {
      await dc.stop();
      dc = await startClient();
      await launchTo(dc, { program: exe('fib_rec') }, () => dc.setBreakpointsRequest({ source: { path: src('fib_rec') }, breakpoints: [{ line: 4, hitCondition }] }));
      assert.equal(1 + (await stopsToTheEnd(dc)), expected);
    });
  }
});

describe('Cairo 1: stepping through a while loop, and back (fib_loop, n = 5)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('next walks the loop body iteration after iteration; step back and reverse continue retrace it', async () => {
    await launchTo(dc, { program: exe('fib_loop'), arguments: [5] }, () => dc.setBreakpointsRequest({ source: { path: src('fib_loop') }, breakpoints: [{ line: 8 }] }));
    const at = await shown(dc);
    assert.equal(at.frame.line, 8);
    await dc.setBreakpointsRequest({ source: { path: src('fib_loop') }, breakpoints: [] });
    // Each iteration is a deeper call of the loop's function; stepping counts them as one frame.
    const forward: number[] = [];
    const depths: number[] = [];
    for (let i = 0; i < 6; i++) {
      forward.push(await lineAfter(dc, 'next'));
      depths.push(calls((await shown(dc)).frames));
    }
    assert.deepEqual(forward, [7, 8, 11, 7, 8, 11]);
    assert.ok(depths[3] === depths[0] + 1 && depths[5] === depths[2] + 1, `loop frames per stop: ${depths.join(' ')}`);
    const back: number[] = [];
    for (let i = 0; i < 3; i++) back.push(await lineAfter(dc, 'stepBack'));
    assert.deepEqual(back, [8, 7, 11]);
    // Back to the line breakpoint's earlier hit, then forward again by one instruction.
    await dc.setBreakpointsRequest({ source: { path: src('fib_loop') }, breakpoints: [{ line: 8 }] });
    const rc = await act(dc, 'reverseContinue');
    assert.equal(rc.body.reason, 'breakpoint');
    assert.equal((await shown(dc)).frame.line, 8);
    const before = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].instructionPointerReference;
    await act(dc, 'next', { granularity: 'instruction' });
    const after = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].instructionPointerReference;
    assert.notEqual(after, before);
    // Going on to the end prints the program's output: fib(5).
    await dc.setBreakpointsRequest({ source: { path: src('fib_loop') }, breakpoints: [] });
    const output = dc.assertOutput('stdout', '5\n');
    await dc.continueRequest({ threadId: 1 });
    await output;
  });
});

describe('Cairo 1: a data breakpoint on a loop variable, back in time (fib_loop, n = 5)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('reverse continue stops at the step that wrote the argument i, in the iteration before', async () => {
    await launchTo(dc, { program: exe('fib_loop'), arguments: [5] }, () => dc.setBreakpointsRequest({ source: { path: src('fib_loop') }, breakpoints: [{ line: 8 }] }));
    await act(dc, 'continue');
    await act(dc, 'continue');
    await dc.setBreakpointsRequest({ source: { path: src('fib_loop') }, breakpoints: [] });
    const here = await shown(dc);
    const ref = (await dc.scopesRequest({ frameId: here.frame.id })).body.scopes[0].variablesReference;
    const i = (await dc.variablesRequest({ variablesReference: ref })).body.variables.filter((a) => a.type === 'u32').pop()!;
    const info = await dc.dataBreakpointInfoRequest({ name: i.name, variablesReference: ref });
    assert.ok(info.body.dataId, info.body.description);
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    assert.match(set.body.breakpoints[0].message ?? '', /written at step (\d+): reverse continue goes there/);
    const step = Number(/step (\d+)/.exec(set.body.breakpoints[0].message!)![1]);
    const stop = await act(dc, 'reverseContinue');
    assert.equal(stop.body.reason, 'data breakpoint');
    const back = await shown(dc);
    assert.equal(calls(back.frames), calls(here.frames) - 1, 'the caller: the iteration before');
    const regs = (await dc.variablesRequest({ variablesReference: (await dc.scopesRequest({ frameId: back.frames[0].id })).body.scopes[1].variablesReference })).body.variables;
    assert.equal(regs.find((r) => r.name === 'step')?.value.split(' ')[0], String(step));
  });
});

describe('Cairo 1: step in and out of recursion (fib_rec)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('step in enters the recursive call one frame deeper; step out returns to the calling line', async () => {
    await launchTo(dc, { program: exe('fib_rec') }, () => dc.setBreakpointsRequest({ source: { path: src('fib_rec') }, breakpoints: [{ line: 6 }] }));
    await dc.setBreakpointsRequest({ source: { path: src('fib_rec') }, breakpoints: [] });
    const start = await shown(dc);
    assert.equal(start.frame.line, 6);
    const d0 = calls(start.frames);
    assert.equal(await lineAfter(dc, 'stepIn'), 3);
    const inside = await shown(dc);
    assert.equal(inside.frame.name, 'fib_rec::fib_rec::fib');
    assert.equal(calls(inside.frames), d0 + 1);
    // fib(15) is inlined into main: the first call is fib(n - 1), its argument named from the source.
    const n = (await dc.variablesRequest({ variablesReference: (await dc.scopesRequest({ frameId: inside.frame.id })).body.scopes[0].variablesReference })).body.variables[0];
    assert.deepEqual([n.name, n.value, n.type], ['n', '14', 'felt252']);
    // A hover on n evaluates it; a register expression still works.
    assert.equal((await dc.evaluateRequest({ expression: 'n', frameId: inside.frame.id, context: 'hover' })).body.result, '14');
    assert.match((await dc.evaluateRequest({ expression: 'fp', frameId: inside.frame.id, context: 'watch' })).body.result, /^1:\d+$/);
    assert.equal(await lineAfter(dc, 'stepIn'), 6);
    assert.equal(await lineAfter(dc, 'stepOut'), 6);
    assert.equal(calls((await shown(dc)).frames), d0);
  });
});

describe('Cairo 1: conditions, logpoints and watch expressions on named arguments (fib_rec)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a breakpoint with n == 3 stops only where fib was called with 3; a logpoint prints n', async () => {
    let consoleText = '';
    dc.on('output', (e: DebugProtocol.OutputEvent) => (consoleText += e.body.category === 'console' ? e.body.output : ''));
    await launchTo(dc, { program: exe('fib_rec') }, () =>
      dc.setBreakpointsRequest({ source: { path: src('fib_rec') }, breakpoints: [{ line: 6, condition: 'n == 3' }, { line: 4, logMessage: 'base case n={n}' }] }),
    );
    // fib(15)'s copy the compiler specialised takes no n: the condition cannot be read there, and stops (said on stderr).
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { frame } = await shown(dc);
      const n = (await dc.variablesRequest({ variablesReference: (await dc.scopesRequest({ frameId: frame.id })).body.scopes[0].variablesReference })).body.variables.find((v) => v.name === 'n');
      if (n !== undefined) {
        seen.push(n.value);
        assert.equal((await dc.evaluateRequest({ expression: 'n + 1', frameId: frame.id, context: 'watch' })).body.result, '4');
      }
      await act(dc, 'continue');
    }
    assert.ok(seen.length >= 3 && seen.every((v) => v === '3'), seen.join(' '));
    assert.match(consoleText, /^base case n=1$/m);
    assert.match(consoleText, /^base case n=0$/m);
  });
});

describe('Cairo 1: a function breakpoint by its Cairo path (fib_rec)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('stops at the function\'s first instruction, shown at the first line of it the annotations place', async () => {
    let set: DebugProtocol.Breakpoint[] = [];
    const stop = await launchTo(dc, { program: exe('fib_rec') }, async () => {
      set = (await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'fib_rec::fib_rec::fib' }, { name: 'nope::fib' }] })).body.breakpoints;
    });
    assert.deepEqual(set.map((b) => b.verified), [true, false]);
    assert.match(set[1].message ?? '', /No Cairo function named "nope::fib"/);
    assert.equal(stop.body.reason, 'function breakpoint');
    const { frame } = await shown(dc);
    assert.match(frame.name, /^fib_rec::fib_rec::fib( \[inlined\])?$/);
    assert.equal(frame.source?.path, src('fib_rec'));
    assert.ok(frame.line >= 2 && frame.line <= 7, `line ${frame.line}`);
    // fib is two Sierra functions: fib(15) specialised for its constant argument, and the
    // general fib it calls. The next stop is the general one's entry (a deeper frame).
    const depth = calls((await shown(dc)).frames);
    await act(dc, 'continue');
    const second = await shown(dc);
    assert.match(second.frame.name, /^fib_rec::fib_rec::fib( \[inlined\])?$/);
    assert.equal(calls(second.frames), depth + 1);
  });

  // fib(15) makes 2 * fib(16) - 1 = 1973 calls of fib: the specialised copy once, the general one 1972 times.
  // One hit count over both copies; a short name resolves too.
  for (const [name, hitCondition, expected] of [['fib_rec::fib_rec::fib', '>= 1972', 2], ['fib', '== 1973', 1], ['fib', '% 1000', 1]] as const) {
    test(`a function breakpoint on ${name} with hit condition ${hitCondition} counts every copy: ${expected} stops`, async () => {
      await dc.stop();
      dc = await startClient();
      let set: DebugProtocol.Breakpoint[] = [];
      await launchTo(dc, { program: exe('fib_rec') }, async () => {
        set = (await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name, hitCondition }] })).body.breakpoints;
      });
      assert.equal(set[0].verified, true);
      assert.equal(1 + (await stopsToTheEnd(dc)), expected);
    });
  }

  // loops.cairo's main is a Sierra function and three loops (each a function named main that
  // calls itself per iteration): the loops are not copies, so main stops once (92 times if they were).
  test('a function breakpoint on a function with loops stops at its entry only', async () => {
    await dc.stop();
    dc = await startClient();
    await launchTo(dc, { program: exe('loops') }, () => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'loops::loops::main' }] }));
    assert.equal(1 + (await stopsToTheEnd(dc)), 1);
  });
});

describe('Cairo 1: the profile of a session (fib_rec)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a fresh run named by Sierra function, as the call stack names frames: all 16028 steps, fib 1973 calls', async () => {
    await launchTo(dc, { program: exe('fib_rec'), stopOnEntry: true });
    const body = (await dc.customRequest('cairnProfile', {})).body as { fresh: boolean; profile: { root: { name: string; total: { steps: number } }; functions: { name: string; calls: number; selfSteps: number }[] } };
    assert.equal(body.fresh, true);
    assert.equal(body.profile.root.name, '<executable header>');
    assert.equal(body.profile.root.total.steps, 16028); // the Rust VM's steps (expected.json)
    const fib = body.profile.functions.find((f) => f.name === 'fib_rec::fib_rec::fib');
    assert.equal(fib?.calls, 1973);
    assert.equal(body.profile.functions.reduce((a, f) => a + f.selfSteps, 0), 16028);
  });
});

describe('Cairo 1: panics and bad debug files', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('a panic stops as an exception with the panic text', async () => {
    const stop = await launchTo(dc, { program: exe('panic_message') });
    assert.equal(stop.body.reason, 'exception');
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    assert.match(info.body.details?.stackTrace ?? '', /Panicked with "x is too big: 17"/);
  });

  test('a debug file of another program, or none, is refused with one line', async () => {
    const other = await startClient();
    try {
      await other.initializeRequest();
      await assert.rejects(other.launch({ program: exe('array_sum'), debugInfo: join(CAIRO1, 'fixtures/fib_rec/fib_rec.debug.json') }), /^Error: The debug file .*fib_rec\.debug\.json does not match the executable: .*\. Rebuild both from the same compilation\.$/);
      await assert.rejects(other.launch({ program: exe('array_sum'), debugInfo: join(CAIRO1, 'no.debug.json') }), /Cannot read the Cairo 1 debug file .*no\.debug\.json: .*Set "debugInfo"/);
      // Broken files: one line naming the field.
      const good = JSON.parse(readFileSync(join(CAIRO1, 'fixtures/array_sum/array_sum.debug.json'), 'utf8'));
      const dir = mkdtempSync(join(tmpdir(), 'cairn-cairo1-'));
      const cases: [unknown, RegExp][] = [
        ['{', /^Error: Invalid Cairo 1 debug file .*: not valid JSON/],
        [{ ...good, statement_offsets: [0, 5, 3] }, /statement_offsets\[2\]: 3 is below the offset before it \(5\)\.$/],
        [{ ...good, header_len: -1 }, /header_len: expected a non-negative integer, got -1\.$/],
        [{ ...good, annotations: {} }, /statements_code_locations: expected an object \(compile with Sierra debug info\)\.$/],
        [{ ...good, statement_offsets: good.statement_offsets.map((o: number) => o + 1) }, /does not match the executable: statement offset \d+ \(pc \d+\) is not the start of an instruction/],
      ];
      try {
        for (const [i, [content, expected]] of cases.entries()) {
          const file = join(dir, `case${i}.debug.json`);
          writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
          await assert.rejects(other.launch({ program: exe('array_sum'), debugInfo: file }), expected);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await other.stop();
    }
  });

  test('a debug file of a program with the same CASM layout is refused by its constants', async () => {
    const other = await startClient();
    const dir = mkdtempSync(join(tmpdir(), 'cairn-cairo1-'));
    try {
      await other.initializeRequest();
      // structs and u64_mul compile to the same instructions, hints and function ends; only their
      // immediates differ. The bytecode's digest in the debug file tells them apart; without it
      // (an older file), the Sierra's constants do.
      const structs = join(CAIRO1, 'fixtures/structs/structs.debug.json');
      await assert.rejects(
        other.launch({ program: exe('u64_mul'), debugInfo: structs }),
        /^Error: The debug file .*structs\.debug\.json does not match the executable: it was written for another bytecode \(bytecode_sha256 differs\)\. Rebuild both from the same compilation\.$/,
      );
      const undigested = join(dir, 'structs.debug.json');
      writeFileSync(undigested, JSON.stringify({ ...JSON.parse(readFileSync(structs, 'utf8')), bytecode_sha256: undefined }));
      await assert.rejects(
        other.launch({ program: exe('u64_mul'), debugInfo: undigested }),
        /^Error: The debug file .*structs\.debug\.json does not match the executable: the Sierra's constant \d+ is nowhere in the bytecode\. Rebuild both from the same compilation\.$/,
      );
      // A Sierra text that lists another number of statements than the offsets: refused too.
      const good = JSON.parse(readFileSync(join(CAIRO1, 'fixtures/u64_mul/u64_mul.debug.json'), 'utf8'));
      const file = join(dir, 'short.debug.json');
      writeFileSync(file, JSON.stringify({ ...good, sierra: good.sierra.replace(/\nreturn\(\[\d+\]\);/, '') }));
      await assert.rejects(other.launch({ program: exe('u64_mul'), debugInfo: file }), /^Error: Invalid Cairo 1 debug file .*: its Sierra text lists 35 statements but statement_offsets has 36\.$/);
      // Variables that do not fit the statements, or are not what the file format says: one line each.
      const bad = (name: string, patch: Record<string, unknown>) => {
        const f = join(dir, name);
        writeFileSync(f, JSON.stringify({ ...good, ...patch }));
        return other.launch({ program: exe('u64_mul'), debugInfo: f });
      };
      await assert.rejects(bad('short-vars.json', { statement_variables: good.statement_variables.slice(1) }), /^Error: Invalid Cairo 1 debug file .*: statement_variables: expected a list of 36 entries, one per statement\.$/);
      const vars = structuredClone(good.statement_variables);
      vars[3].args = [[1, '[2]', 'fp-3']];
      await assert.rejects(bad('cells.json', { statement_variables: vars }), /^Error: Invalid Cairo 1 debug file .*: statement_variables\[3\]\.args\[0\]: expected \[variable id, type id, \[cell expressions\]\]\.$/);
      vars[3].args = [[1, '[2]', ['[sp+1]']]];
      await assert.rejects(bad('cells2.json', { statement_variables: vars }), /^Error: Invalid Cairo 1 debug file .*: statement_variables\[3\]\.args\[0\]: "\[sp\+1\]" is not a cell expression/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await other.stop();
    }
    // Its own debug file still launches (every fixture does in cairo1-walk).
    const own = await startClient();
    try {
      const stop = await launchTo(own, { program: exe('u64_mul'), stopOnEntry: true });
      assert.equal(stop.body.reason, 'entry');
    } finally {
      await own.stop();
    }
  });
});

describe('Cairo 1: step over and out count inlined frames as frames (fib_rec: main is inlined into the executable wrapper)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  const MAIN = 'fib_rec::fib_rec::main [inlined]';
  const WRAPPER = 'fib_rec::fib_rec::__executable_wrapper__main';
  const topAfter = async (command: string, args: Record<string, unknown> = {}) => {
    await act(dc, command, args);
    const f = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
    return [f.name, f.line];
  };

  test('next from the wrapper steps over inlined main; step out of inlined main stops in the wrapper; back returns', async () => {
    await launchTo(dc, { program: exe('fib_rec'), stopOnEntry: true });
    assert.deepEqual(await topAfter('stepIn'), [MAIN, 12]);
    // One instruction back is the wrapper's own code, in the same fp frame as main's.
    assert.deepEqual(await topAfter('stepBack', { granularity: 'instruction' }), [WRAPPER, 10]);
    // Over main (all of fib(15) with it): before, next went into main's line 12.
    assert.deepEqual(await topAfter('next'), [WRAPPER, 11]);
    // Back is main's line, from which next also lands there.
    assert.deepEqual(await topAfter('stepBack'), [MAIN, 12]);
    // Out of inlined main is the wrapper: before, it left the wrapper's whole frame (the executable header).
    assert.deepEqual(await topAfter('stepOut'), [WRAPPER, 11]);
    // Inside fib (a frame of its own), out returns to its caller's line as before.
    assert.deepEqual(await topAfter('stepBack'), [MAIN, 12]);
    assert.deepEqual(await topAfter('stepIn'), ['fib_rec::fib_rec::fib', 6]);
    assert.deepEqual(await topAfter('stepOut'), [WRAPPER, 11]);
  });
});

describe('Cairo 1: one inlined function called on three lines in a row (inline_twice)', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient()));
  after(async () => dc.stop());

  test('next goes line by line over each inlined call; step in enters it, step out comes back to its line', async () => {
    await launchTo(dc, { program: exe('inline_twice'), arguments: '2' }, () => dc.setBreakpointsRequest({ source: { path: src('inline_twice') }, breakpoints: [{ line: 10 }] }));
    assert.equal((await shown(dc)).frame.line, 10);
    assert.equal(await lineAfter(dc, 'next'), 11);
    assert.equal(await lineAfter(dc, 'next'), 12);
    // Back where next stopped on line 11: after its call ran (before, step back went into that call's body).
    assert.equal(await lineAfter(dc, 'stepBack'), 11);
    assert.equal((await shown(dc)).frames[0].name, 'inline_twice::inline_twice::main');
    // Into the third call's inlined body (bump's line 4), main's line 12 below it; out again to line 12.
    await act(dc, 'stepIn');
    const inside = (await shown(dc)).frames;
    assert.deepEqual(inside.slice(0, 2).map((f) => [f.name, f.line]), [['inline_twice::inline_twice::bump [inlined]', 4], ['inline_twice::inline_twice::main', 12]]);
    assert.equal(await lineAfter(dc, 'stepOut'), 12);
    assert.equal(await lineAfter(dc, 'next'), 13);
  });
});
