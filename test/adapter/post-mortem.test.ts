// Post-mortem sessions over the real protocol (issue 13): a corpus program's run, opened from
// the trace and memory files the reference cairo-run wrote, must show what a live session of the
// same program shows at the same steps: stops, frames and variables, differentially.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { startClient, launchTo, launchArgs, source } from './helpers';
import { CORPUS_DIR } from '../support/shared';

function corpus(name: string) {
  const dir = join(CORPUS_DIR(), 'cairo0', name);
  return { program: join(dir, 'program.json'), traceFile: join(dir, 'trace.bin'), memoryFile: join(dir, 'memory.bin'), sourceRoot: dir, layout: 'starknet_with_keccak' };
}

const endings = new WeakMap<DebugClient, Promise<'ended'>>();

async function stopAfter(dc: DebugClient, send: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent | 'ended'> {
  const stopped = dc.waitForEvent('stopped').then((e) => e as DebugProtocol.StoppedEvent);
  let ended = endings.get(dc);
  if (ended === undefined) endings.set(dc, (ended = dc.waitForEvent('terminated', 60_000).then(() => 'ended' as const)));
  await send();
  return Promise.race([stopped, ended]);
}

/** Everything a person sees at a stop: frames with their places, and every frame's locals and registers. */
async function view(dc: DebugClient): Promise<string[]> {
  const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
  const out: string[] = [];
  for (const f of frames) {
    out.push(`frame ${f.name} ${f.source?.name ?? '-'}:${f.line}:${f.column} ${f.instructionPointerReference ?? ''}`);
    const scopes = (await dc.scopesRequest({ frameId: f.id })).body.scopes;
    for (const s of scopes.filter((s) => s.name === 'Locals' || s.name === 'Registers')) {
      for (const v of (await dc.variablesRequest({ variablesReference: s.variablesReference })).body.variables) {
        // A live stop is at its latest step; a recording's latest step is its last.
        out.push(`  ${s.name} ${v.name} = ${v.name === 'step' ? v.value.replace(/ \(history; latest step \d+\)$/, '') : v.value}`);
      }
    }
  }
  return out;
}

// Programs whose hints add at most one segment (a relocated file keeps no borders between
// segments added while running, so pointers into a second one are named differently).
const PROGRAMS = ['array_sum', 'fibonacci', 'dict_update', 'assert_le_felt_old', 'bitwise_output'];

describe('post-mortem against live, step by step', () => {
  for (const name of PROGRAMS) {
    test(name, async () => {
      const live = await startClient();
      const pm = await startClient();
      try {
        const { traceFile, memoryFile, ...args } = corpus(name);
        await launchTo(live, { ...args, stopOnEntry: true });
        const entry = await launchTo(pm, { ...args, traceFile, memoryFile, stopOnEntry: true });
        assert.equal(entry.body.reason, 'entry');
        let stops = 0;
        for (;;) {
          assert.deepEqual(await view(pm), await view(live), `${name}: at stop ${stops}`);
          const a = await stopAfter(live, () => live.stepInRequest({ threadId: 1 }));
          const b = await stopAfter(pm, () => pm.stepInRequest({ threadId: 1 }));
          if (a === 'ended') {
            // A recording stops at its last recorded step (the state before the final step) and
            // ends from there; already there, it ends at once as the live run does.
            if (b !== 'ended') {
              assert.match(b.body.description ?? '', /end of the recording/);
              assert.equal(await stopAfter(pm, () => pm.continueRequest({ threadId: 1 })), 'ended');
            }
            break;
          }
          assert.notEqual(b, 'ended', `${name}: the recording ended before the live run at stop ${stops}`);
          assert.equal((b as DebugProtocol.StoppedEvent).body.reason, a.body.reason);
          stops++;
        }
        assert.ok(stops >= 2, `${name}: ${stops} stops`);
        console.log(`${name}: ${stops} step-in stops identical`);
      } finally {
        await live.stop();
        await pm.stop();
      }
    });
  }
});

describe('a post-mortem session of multi_main', () => {
  let dc: DebugClient;
  let files: { traceFile: string; memoryFile: string };
  before(async () => {
    dc = await startClient();
    // The files as `cairn run` writes them.
    const dir = mkdtempSync(join(tmpdir(), 'cairn-pm-'));
    files = { traceFile: join(dir, 'run.trace'), memoryFile: join(dir, 'run.memory') };
    const { spawnSync } = await import('node:child_process');
    const { ROOT } = await import('./helpers');
    const args = launchArgs('multi_main');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'run', '--program', args.program as string, '--layout', 'starknet_with_keccak', '--trace_file', files.traceFile, '--memory_file', files.memoryFile]);
    assert.equal(r.status, 0, r.stderr.toString());
  });
  after(async () => dc.stop());

  test('breakpoints both ways, a data breakpoint, who wrote, and what a recording lacks', async () => {
    const main = source('multi/main.cairo');
    const out: string[] = [];
    dc.on('output', (e: DebugProtocol.OutputEvent) => out.push(e.body.output));
    const first = await launchTo(dc, { ...launchArgs('multi_main'), ...files }, () => dc.setBreakpointsRequest({ source: { path: main }, breakpoints: [{ line: 11 }] }));
    assert.equal(first.body.reason, 'breakpoint');
    assert.match(out.join(''), /post-mortem.*no hint scopes/s);
    const scopes = (await dc.scopesRequest({ frameId: 1 })).body.scopes;
    const hints = (await dc.variablesRequest({ variablesReference: scopes.find((s) => s.name === 'Hint scopes')!.variablesReference })).body.variables;
    assert.deepEqual(hints.map((h) => h.value), ['A post-mortem run has no hint scopes: hints are not run again from a trace.']);
    const p = await dc.evaluateRequest({ expression: 'p', frameId: 1, context: 'watch' });
    assert.equal(p.body.result, '14');
    // Memory is a recording: it cannot be set.
    const locals = scopes.find((s) => s.name === 'Locals')!.variablesReference;
    await dc.variablesRequest({ variablesReference: locals });
    await assert.rejects(dc.setVariableRequest({ variablesReference: locals, name: 'p', value: '3' }), /recording/);

    const info = await dc.dataBreakpointInfoRequest({ name: 'p', frameId: 1 } as DebugProtocol.DataBreakpointInfoArguments);
    const set = await dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: info.body.dataId! }] });
    const back = (await stopAfter(dc, () => dc.customRequest('reverseContinue', { threadId: 1 }))) as DebugProtocol.StoppedEvent;
    assert.equal(back.body.reason, 'data breakpoint');
    assert.deepEqual(back.body.hitBreakpointIds, [set.body.breakpoints[0].id]);
    let st = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.deepEqual([st[0].name, st[0].source?.name, st[0].line], ['multi.geometry.perimeter', 'geometry.cairo', 13]);
    await dc.setDataBreakpointsRequest({ breakpoints: [] });

    const fwd = (await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }))) as DebugProtocol.StoppedEvent;
    assert.equal(fwd.body.reason, 'breakpoint');
    assert.equal((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].line, 11);
    const stepBack = (await stopAfter(dc, () => dc.stepBackRequest({ threadId: 1 }))) as DebugProtocol.StoppedEvent;
    assert.equal(stepBack.body.reason, 'step');
    assert.equal((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].line, 10);

    const stopped = dc.waitForEvent('stopped');
    const who = await dc.evaluateRequest({ expression: 'who wrote 1:' + info.body.dataId!.split(':')[1], frameId: 1, context: 'repl' });
    await stopped;
    assert.match(who.body.result, /= 14: written by step \d+ \(pc 0x[0-9a-f]+, multi\/geometry\.cairo:13\)$/);
    st = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
    assert.equal(st[0].line, 13);

    // Reverse continue to the line breakpoint from after it.
    await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }));
    const end = (await stopAfter(dc, () => dc.continueRequest({ threadId: 1 }))) as DebugProtocol.StoppedEvent;
    assert.match(end.body.description ?? '', /end of the recording/);
    const rev = (await stopAfter(dc, () => dc.customRequest('reverseContinue', { threadId: 1 }))) as DebugProtocol.StoppedEvent;
    assert.equal(rev.body.reason, 'breakpoint');
    assert.equal((await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames[0].line, 11);
    // The memory view reads the relocated memory in segments.
    const mem = (await dc.customRequest('readMemory', { memoryReference: '0:0', count: 64 })) as DebugProtocol.ReadMemoryResponse;
    assert.equal(Buffer.from(mem.body!.data!, 'base64').length, 64);
  });
});

describe('post-mortem launch errors', () => {
  test('missing files, files of another program, a memory file that is not one: a clear error each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-pm-bad-'));
    const junk = join(dir, 'junk.bin');
    writeFileSync(junk, Buffer.alloc(17));
    const fib = corpus('fibonacci');
    const other = corpus('array_sum');
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...fib, memoryFile: join(dir, 'none.bin') }, /Cannot read the memory file .*none\.bin: no such file/],
      [{ ...fib, traceFile: undefined }, /needs "traceFile"/],
      [{ ...fib, traceFile: junk }, /trace file .* is 17 bytes/],
      [{ ...fib, memoryFile: junk }, /memory file .* is 17 bytes/],
      [{ ...fib, program: other.program }, /another program/],
    ];
    for (const [args, want] of cases) {
      const dc = await startClient();
      try {
        await assert.rejects(dc.launch(args), want);
      } finally {
        await dc.stop();
      }
    }
  });
});
