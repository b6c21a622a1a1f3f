// Issue 12, item 4: frames in cairo-lang's common library show the real file of the user's
// cairo-lang (found on PATH: cairo-compile in its virtualenv, or a Python that has it), and
// breakpoints set in that file stop.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { ADAPTER, launchArgs, launchTo, top, locals } from './helpers';
import { referenceBin, referencePython } from '../support/reference';

const bin = referenceBin();

function site(): string {
  const lib = join(bin, '..', 'lib');
  const s = join(lib, 'python3.9', 'site-packages');
  return realpathSync(existsSync(join(s, 'starkware')) ? s : join(lib, 'python3.10', 'site-packages'));
}

/** The adapter as its own process, with the PATH a user's shell would give it. */
async function clientWithPath(path: string): Promise<DebugClient> {
  const dc = new DebugClient(process.execPath, ADAPTER, 'cairn', { env: { ...process.env, PATH: path, CAIRO_PATH: '' } });
  dc.defaultTimeout = 20_000;
  await dc.start();
  return dc;
}

describe('library frames from the user cairo-lang', () => {
  let dc: DebugClient | undefined;
  afterEach(async () => {
    await dc?.stop();
    dc = undefined;
  });

  test('cairo-compile on PATH: a breakpoint in serialize.cairo stops there and the frame shows that file', async () => {
    const serialize = join(site(), 'starkware/cairo/common/serialize.cairo');
    dc = await clientWithPath([bin, process.env.PATH].join(delimiter));
    let set: DebugProtocol.SetBreakpointsResponse | undefined;
    const ev = await launchTo(dc, launchArgs('multi_main'), async () => (set = await dc!.setBreakpointsRequest({ source: { path: serialize }, breakpoints: [{ line: 3 }] })));
    assert.deepEqual(set!.body.breakpoints.map((b) => [b.verified, b.line]), [[true, 3]]);
    assert.equal(ev.body.reason, 'breakpoint');
    const t = await top(dc);
    assert.equal(t.frames[0].name, 'starkware.cairo.common.serialize.serialize_word');
    assert.equal(t.frames[0].source?.path && realpathSync(t.frames[0].source.path), serialize);
    assert.equal(t.frames[0].source?.sourceReference ?? 0, 0);
    assert.equal(t.frames[0].line, 3);
    assert.equal((await locals(dc)).get('word')?.value, '12');
  });

  test('only a python3 on PATH has cairo-lang: the library frame shows its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-py-'));
    writeFileSync(join(dir, 'python3'), `#!/bin/sh\nexec "${referencePython()}" "$@"\n`);
    chmodSync(join(dir, 'python3'), 0o755);
    dc = await clientWithPath(dir);
    await launchTo(dc, launchArgs('multi_main'), () => dc!.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'serialize_word' }] }));
    const t = await top(dc);
    assert.equal(t.frames[0].source?.path && realpathSync(t.frames[0].source.path), join(site(), 'starkware/cairo/common/serialize.cairo'));
  });

  test('no cairo-lang at all: the frame falls back to a source reference that says how to find it', async () => {
    dc = await clientWithPath(mkdtempSync(join(tmpdir(), 'cairn-nopy-')));
    await launchTo(dc, launchArgs('multi_main'), () => dc!.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'serialize_word' }] }));
    const f = (await top(dc)).frames[0];
    assert.equal(f.source?.path, undefined);
    const text = (await dc.sourceRequest({ source: f.source, sourceReference: f.source!.sourceReference! })).body.content;
    assert.match(text, /cairoPath/);
  });
});
