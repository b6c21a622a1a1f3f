// Issue 11, the debugger item: a program a hint loads and runs (vm_load_program, as the
// bootloaders run their tasks) is debugged in its own segment with its own debug_info: a line
// breakpoint in the task (set before it is loaded) stops there, frames name the task's functions
// at their source lines above the loader's frame, locals read, and stepping follows the task.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchTo, top, locals, stopAfter } from './helpers';
import { compileCairo } from '../support/reference';
import { bridgePython } from '../bridge/support';

// Line numbers matter.
const TASK = `func double(x: felt) -> felt {
    return x * 2;
}

func main() {
    alloc_locals;
    local a = 21;
    let b = double(a);
    assert b = 42;
    return ();
}
`;

const LOADER = `func main() {
    alloc_locals;
    local entry: felt*;
    %{
        from starkware.cairo.lang.compiler.program import Program
        task_program = Program.load(data=program_input['task'])
        task_base = segments.add()
        segments.write_arg(task_base, task_program.data)
        vm_load_program(task_program, task_base)
        ids.entry = task_base + task_program.get_label('main')
    %}
    call abs entry;
    return ();
}
`;

describe('a task program loaded by a hint, under the debugger', () => {
  let dc: DebugClient;
  before(async () => (dc = await startClient(undefined, 60_000))); // cairo-lang takes seconds to import on a busy machine
  after(async () => dc.stop());

  test('a breakpoint in the task stops there; frames, locals and stepping follow the task', async () => {
    const taskJson = compileCairo(TASK, { name: 'task.cairo' });
    const loader = compileCairo(LOADER, { name: 'loader.cairo' });
    const taskFile = join(dirname(taskJson), 'src', 'task.cairo');
    const loaderFile = join(dirname(loader), 'src', 'loader.cairo');
    const input = join(mkdtempSync(join(tmpdir(), 'cairn-task-')), 'input.json');
    writeFileSync(input, JSON.stringify({ task: JSON.parse(readFileSync(taskJson, 'utf8')) }));
    const out: DebugProtocol.OutputEvent[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e));
    let bps: DebugProtocol.SetBreakpointsResponse | undefined;
    let fns: DebugProtocol.SetFunctionBreakpointsResponse | undefined;
    const ev = await launchTo(
      dc,
      { program: loader, sourceRoot: dirname(loaderFile), cairoPath: [dirname(taskFile)], layout: 'plain', programInput: input, python: bridgePython() },
      async () => {
        bps = await dc.setBreakpointsRequest({ source: { path: taskFile }, breakpoints: [{ line: 8 }] });
        fns = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'double' }] });
      },
    );
    // Before the task is loaded its file is unknown: not verified yet, with an id and the reason.
    const bp = bps!.body.breakpoints[0];
    assert.equal(bp.verified, false);
    assert.match(bp.message ?? '', /task program/);
    const fn = fns!.body.breakpoints[0];
    assert.equal(fn.verified, false);
    assert.match(fn.message ?? '', /No Cairo function named "double".*task program/);
    assert.equal(ev.body.reason, 'breakpoint');
    assert.deepEqual(ev.body.hitBreakpointIds, [bp.id]);
    assert.match(out.map((e) => e.body.output).join(''), /A hint loaded a task program at \d+:0 \(\d+ words of code\); breakpoints set in it: task\.cairo:8, task\.cairo:2\./);
    let t = await top(dc);
    assert.deepEqual(t.frames.map((f) => [f.name, f.source?.path, f.line]), [['main', taskFile, 8], ['main', loaderFile, 12]]);
    assert.match(t.frames[0].instructionPointerReference ?? '', /^\d+:\d+$/);
    assert.equal((await locals(dc)).get('a')?.value, '21');
    // Step in: into double, three frames deep, where the function breakpoint also is.
    const into = await stopAfter(dc, () => dc.stepInRequest({ threadId: 1 }));
    assert.deepEqual([into.body.reason, into.body.hitBreakpointIds], ['function breakpoint', [fn.id]]);
    t = await top(dc);
    assert.deepEqual(t.frames.map((f) => [f.name, f.line]), [['double', 2], ['main', 8], ['main', 12]]);
    assert.equal((await locals(dc)).get('x')?.value, '21');
    // Out and on through the task's statements, then back in the loader.
    await stopAfter(dc, () => dc.stepOutRequest({ threadId: 1 }));
    t = await top(dc);
    assert.deepEqual([t.frames[0].name, t.path], ['main', taskFile]);
    const lines: number[] = [t.line];
    for (let i = 0; i < 6 && (await top(dc)).path === taskFile; i++) {
      await stopAfter(dc, () => dc.nextRequest({ threadId: 1 }));
      lines.push((await top(dc)).line);
    }
    t = await top(dc);
    assert.deepEqual([t.path, t.line], [loaderFile, 13]);
    assert.deepEqual(lines.slice(-3), [9, 10, 13]);
  });
});
