// Issue 11, done when: the bootloaders run a task program under the debugger, with breakpoints in
// the task. StarkWare's simple bootloader (../shared/realworld/pu_simple_bootloader) runs its listed
// input (a Fibonacci task with its debug_info) with every hint in TypeScript (no Python): line and
// function breakpoints set in the task's source before the task is loaded become verified when it
// is (a `breakpoint` event) and stop there, with the task's frames above the bootloader's, and the
// run goes on to the bootloader's end.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchTo, top, locals, stopAfter } from './helpers';
import { shared, realworldProgram } from '../support/shared';
import { compileCairo } from '../support/reference';
import { parsePreciseJson } from '../../src/runner/precise-json';
import { bridgePython } from '../bridge/support';


/** Each exec scope's variables, outermost first, as the Hint scopes pane shows them. */
async function scopeStack(dc: DebugClient, frameId: number): Promise<Map<string, string>[]> {
  const scopes = await dc.scopesRequest({ frameId });
  const ref = scopes.body.scopes.find((s) => s.name === 'Hint scopes')!.variablesReference;
  const out: Map<string, string>[] = [];
  for (const scope of (await dc.variablesRequest({ variablesReference: ref })).body.variables) {
    const vars = scope.variablesReference ? (await dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables : [];
    out.push(new Map(vars.map((v) => [v.name, v.value])));
  }
  return out;
}

describe('the simple bootloader runs its task under the debugger', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient(undefined, 30_000)));
  after(async () => dc.stop());

  test('breakpoints in the task stop there; the task\'s frames sit above execute_task; the run ends', async () => {
    // The task's debug_info names cairo_programs/fibonacci.cairo (relative to the source root);
    // the input carries no source text, so the file need not exist for its lines to be set.
    const root = mkdtempSync(join(tmpdir(), 'cairn-bootloader-dap-'));
    const taskFile = join(root, 'cairo_programs', 'fibonacci.cairo');
    const out: DebugProtocol.OutputEvent[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e));
    const changed: DebugProtocol.BreakpointEvent[] = [];
    dc.on('breakpoint', (e: DebugProtocol.BreakpointEvent) => changed.push(e));
    let bps: DebugProtocol.SetBreakpointsResponse | undefined;
    let fns: DebugProtocol.SetFunctionBreakpointsResponse | undefined;
    const first = await launchTo(
      dc,
      { program: realworldProgram('pu_simple_bootloader'), programInput: shared('realworld', 'inputs', 'pu_simple_bootloader.json'), layout: 'all_cairo', sourceRoot: root, pythonHints: false },
      async () => {
        // Line 6: `assert result = 144` in main, after fib returns.
        bps = await dc.setBreakpointsRequest({ source: { path: taskFile }, breakpoints: [{ line: 6 }] });
        fns = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'fib' }] });
      },
    );
    const [line] = bps!.body.breakpoints;
    const [fn] = fns!.body.breakpoints;
    // Every hint of the bootloader has a TypeScript implementation.
    assert.doesNotMatch(out.map((e) => e.body.output).join(''), /no implementation/);
    // Not loaded yet: both wait for the task.
    assert.deepEqual([line.verified, fn.verified], [false, false]);
    assert.match(out.map((e) => e.body.output).join(''), /A hint loaded a task program at \d+:\d+ \(24 words of code\); breakpoints set in it: cairo_programs\/fibonacci\.cairo:6, cairo_programs\/fibonacci\.cairo:11\./);

    // When the task is loaded both become verified (a `breakpoint` event each, as the editor shows them).
    assert.deepEqual(changed.map((e) => [e.body.reason, e.body.breakpoint.id, e.body.breakpoint.verified, e.body.breakpoint.line, e.body.breakpoint.source?.name]), [
      ['changed', line.id, true, 6, 'fibonacci.cairo'],
      ['changed', fn.id, true, 11, 'fibonacci.cairo'],
    ]);

    // fib's first instruction: the function breakpoint, in the task, called from the bootloader.
    assert.deepEqual([first.body.reason, first.body.hitBreakpointIds], ['function breakpoint', [fn.id]]);
    let t = await top(dc);
    const where = (f: DebugProtocol.StackFrame) => [f.name, f.source?.name, f.line];
    assert.deepEqual(t.frames.slice(0, 3).map(where), [
      ['fib', 'fibonacci.cairo', 11],
      ['main', 'fibonacci.cairo', 3],
      ['starkware.cairo.bootloaders.simple_bootloader.execute_task.execute_task', 'execute_task.cairo', 192],
    ]);
    // The source text is not in the input: the frame says where it would be.
    assert.match(t.frames[0].source?.origin ?? '', /^cairo_programs\/fibonacci\.cairo \(not found/);
    assert.match(t.frames[0].instructionPointerReference ?? '', /^\d+:\d+$/);
    const fibLocals = await locals(dc);
    assert.deepEqual(['first_element', 'second_element', 'n'].map((n) => fibLocals.get(n)?.value), ['1', '1', '10']);
    // The hint scopes: the task's own (program_input, WITH_BOOTLOADER) innermost, the bootloader's
    // below it with the task shown in short.
    const hintScopes = await scopeStack(dc, t.frames[0].id);
    assert.deepEqual(hintScopes.at(-1), new Map([['program_input', '{}'], ['WITH_BOOTLOADER', 'True']]));
    // The bootloader's input is a dict as Python prints it (keys as they are, quoted).
    assert.match(hintScopes[0].get('program_input') ?? '', /^\{'tasks': \[\{'type': 'RunProgramTask', 'program': \{/);
    assert.match(hintScopes[0].get('task') ?? '', /^RunProgramTask\(program=<Program: 24 words, builtins \[\]>, use_poseidon=False, program_hash_function=PEDERSEN\)$/);
    assert.equal(hintScopes[0].get('n_builtins'), '0');

    // The task's code disassembles at its frame's address: fib's first instruction, with its source line.
    const dis = await dc.customRequest('disassemble', { memoryReference: t.frames[0].instructionPointerReference, instructionOffset: -1, instructionCount: 3 }) as DebugProtocol.DisassembleResponse;
    const [segment, offset] = t.frames[0].instructionPointerReference!.split(':').map(Number);
    assert.deepEqual(dis.body!.instructions.map((r) => [r.address, r.symbol, r.line]), [
      [`${segment}:${offset - 1}`, undefined, 7],
      [`${segment}:${offset}`, 'fib', 11],
      [`${segment}:${offset + 2}`, undefined, 12],
    ]);
    assert.equal(dis.body!.instructions[1].instruction, 'jmp rel 5 if [fp + -3] != 0');

    // Back one step: the task's main, at its call of fib; forward again, the same stop.
    await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 }));
    assert.deepEqual(where((await top(dc)).frames[0]), ['main', 'fibonacci.cairo', 3]);
    const again = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.deepEqual([again.body.reason, again.body.hitBreakpointIds], ['function breakpoint', [fn.id]]);
    assert.deepEqual(where((await top(dc)).frames[0]), ['fib', 'fibonacci.cairo', 11]);

    // An instruction breakpoint in the task's code, at the row after fib's first: the next stop.
    const ins = await dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: `${segment}:${offset + 2}` }] }) as DebugProtocol.SetInstructionBreakpointsResponse;
    const [insBp] = ins.body.breakpoints;
    assert.deepEqual([insBp.verified, insBp.instructionReference, insBp.line], [true, `${segment}:${offset + 2}`, 12]);
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    const third = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.deepEqual([third.body.reason, third.body.hitBreakpointIds], ['instruction breakpoint', [insBp.id]]);
    assert.equal((await top(dc)).frames[0].instructionPointerReference, `${segment}:${offset + 2}`);
    await dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });

    // Without the function and instruction breakpoints, the line breakpoint in main after fib returned.
    const second = await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    assert.deepEqual([second.body.reason, second.body.hitBreakpointIds], ['breakpoint', [line.id]]);
    t = await top(dc);
    assert.deepEqual(where(t.frames[0]), ['main', 'fibonacci.cairo', 6]);
    assert.equal((await locals(dc)).get('result')?.value, '144');

    // On to the end of the bootloader: its output is the task's header.
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    const printed = out.filter((e) => e.body.category === 'stdout').map((e) => e.body.output).join('');
    assert.match(printed, /1\s+2\s+-1704842386285380638419574901034810400073199110746804049586977560010127891954/);
  });
});

describe('stepping between the bootloader and its task', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient(undefined, 30_000)));
  after(async () => dc.stop());

  test('step in at execute_task\'s `call abs program_entry_point` enters the task\'s main; step out returns after the call', async () => {
    const name = 'starkware.cairo.bootloaders.simple_bootloader.execute_task.execute_task';
    await launchTo(
      dc,
      { program: realworldProgram('pu_simple_bootloader'), programInput: shared('realworld', 'inputs', 'pu_simple_bootloader.json'), layout: 'all_cairo', sourceRoot: mkdtempSync(join(tmpdir(), 'cairn-bootloader-dap-')), pythonHints: false },
      () => dc.setFunctionBreakpointsRequest({ breakpoints: [{ name }] }),
    );
    await dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    const where = async () => (await top(dc)).frames.slice(0, 2).map((f) => [f.name, f.source?.name, f.line]);
    // execute_task.cairo:192 is `call abs program_entry_point;`.
    for (let i = 0; i < 60 && (await top(dc)).line !== 192; i++) await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
    assert.deepEqual(await where(), [[name, 'execute_task.cairo', 192], ['starkware.cairo.bootloaders.simple_bootloader.run_simple_bootloader.execute_tasks', 'run_simple_bootloader.cairo', 187]]);
    await stopAfter(dc, () => dc.stepInRequest({ threadId: 1 }));
    assert.deepEqual(await where(), [['main', 'fibonacci.cairo', 3], [name, 'execute_task.cairo', 192]]);
    await stopAfter(dc, () => dc.stepOutRequest({ threadId: 1 }));
    assert.deepEqual((await where())[0], [name, 'execute_task.cairo', 202]);
  });
});

// A task with a hint of its own (it reads the task's program_input) and its source on disk.
// Line numbers matter.
const DOUBLER = `%builtins output
from starkware.cairo.common.serialize import serialize_word

func double(x: felt) -> felt {
    return x * 2;
}

func main{output_ptr: felt*}() {
    alloc_locals;
    local x;
    %{ ids.x = program_input['x'] %}
    let y = double(x);
    serialize_word(y);
    return ();
}
`;

describe('a bootloader task with a Python hint, under the debugger', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient(undefined, 60_000))); // cairo-lang takes seconds to import on a busy machine
  after(async () => dc.stop());

  test('the bridge starts when the task is loaded (the console says so); a breakpoint in its source file stops with its locals', async () => {
    const programFile = compileCairo(DOUBLER, { name: 'doubler.cairo' });
    const taskFile = join(dirname(programFile), 'src', 'doubler.cairo');
    const program = readFileSync(programFile, 'utf8');
    // The program's text goes in as it is (its constants past 2^53 keep their digits).
    const input = join(mkdtempSync(join(tmpdir(), 'cairn-bootloader-dap-')), 'input.json');
    const rest = { program_input: { x: 21 }, use_poseidon: false };
    writeFileSync(input, `{"tasks": [{"type": "RunProgramTask", "program": ${program}, ${JSON.stringify(rest).slice(1, -1)}}], "single_page": true, `
      + `"fact_topologies_path": null, "bootloader_config": {"simple_bootloader_program_hash": 0, "supported_cairo_verifier_program_hashes": []}, "packed_outputs": [{"type": "PlainPackedOutput"}]}`);
    assert.ok(parsePreciseJson(readFileSync(input, 'utf8')));
    const out: DebugProtocol.OutputEvent[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e));
    const stop = await launchTo(
      dc,
      { program: realworldProgram('sc_bootloader_0131'), programInput: input, layout: 'all_cairo', sourceRoot: dirname(taskFile), python: bridgePython() },
      () => dc.setBreakpointsRequest({ source: { path: taskFile }, breakpoints: [{ line: 13 }] }),
    );
    assert.equal(stop.body.reason, 'breakpoint');
    const t = await top(dc);
    assert.deepEqual([t.frames[0].name, t.path, t.line], ['main', taskFile, 13]);
    const vars = await locals(dc);
    assert.deepEqual([vars.get('x')?.value, vars.get('y')?.value], ['21', '42']);
    const console = out.filter((e) => e.body.category === 'console').map((e) => e.body.output).join('');
    // Nothing ran in Python before the task; its one hint does.
    assert.doesNotMatch(console.split('A hint loaded a task program')[0], /run in Python/);
    assert.match(console, /A hint loaded a task program at \d+:\d+ \(\d+ words of code\); breakpoints set in it: doubler\.cairo:13\.\n1 hint run in Python \(1 without a TypeScript implementation\)/);
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
  });
});
