// Issue 12, item 4: the common library of the user's cairo-lang, found the ways a user may have
// installed it, checked against the installed reference (cairo-lang 0.14.0.1 in a virtualenv).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, delimiter } from 'node:path';
import { findCairoLang, findCairoLangQuick } from '../../src/debug/cairo-lang-path';
import { referenceBin, referencePython } from '../support/reference';

const bin = referenceBin();
const python = referencePython();

/** The reference's site-packages, found independently of the module under test. */
function referenceSite(): string {
  const lib = join(bin, '..', 'lib');
  const site = join(lib, 'python3.9', 'site-packages');
  const alt = join(lib, 'python3.10', 'site-packages');
  return realpathSync(existsSync(join(site, 'starkware')) ? site : alt);
}

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-lang-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

test('cairo-compile on PATH in a virtualenv: its site-packages, without starting a process', () => {
  const found = findCairoLangQuick({ env: { PATH: bin } });
  assert.ok(found, 'not found');
  assert.equal(realpathSync(found.root), referenceSite());
  assert.ok(existsSync(join(found.root, 'starkware/cairo/common/math.cairo')));
  assert.match(found.via, /cairo-compile$/);
});

test('a python3 on PATH that has cairo-lang is asked where it is', () => {
  // A python3 outside any virtualenv layout, as a system or pyenv install looks from PATH.
  const dir = folderWith({ python3: `#!/bin/sh\nexec "${python}" "$@"\n` });
  const env = { PATH: dir };
  assert.equal(findCairoLangQuick({ env }), undefined);
  const found = findCairoLang({ env });
  assert.ok(found, 'not found');
  assert.equal(realpathSync(found.root), referenceSite());
  assert.equal(found.via, join(realpathSync(dir), 'python3'));
});

test("cairo-compile's #! names the Python to ask (absolute, or through env)", () => {
  const absolute = folderWith({ 'cairo-compile': `#!${python}\nprint("stand-in")\n` });
  assert.equal(realpathSync(findCairoLang({ env: { PATH: absolute } })!.root), referenceSite());
  const wrapper = folderWith({ python3: `#!/bin/sh\nexec "${python}" "$@"\n` });
  const viaEnv = folderWith({ 'cairo-compile': '#!/usr/bin/env python3\nprint("stand-in")\n' });
  const found = findCairoLang({ env: { PATH: [viaEnv, wrapper].join(delimiter) } });
  assert.equal(realpathSync(found!.root), referenceSite());
  assert.equal(found!.via, join(realpathSync(wrapper), 'python3'));
});

test('the cairoPath setting and CAIRO_PATH come first; folders without the library are passed over', () => {
  const mine = mkdtempSync(join(tmpdir(), 'cairn-lib-'));
  mkdirSync(join(mine, 'starkware/cairo/common'), { recursive: true });
  const empty = mkdtempSync(join(tmpdir(), 'cairn-empty-'));
  assert.deepEqual(findCairoLangQuick({ cairoPath: [empty, mine], env: { PATH: bin } }), { root: mine, via: 'cairoPath' });
  assert.deepEqual(findCairoLangQuick({ env: { PATH: bin, CAIRO_PATH: [empty, mine].join(delimiter) } }), { root: mine, via: 'CAIRO_PATH' });
});

test('no cairo-lang anywhere: undefined, and a Python without it is no answer', () => {
  assert.equal(findCairoLang({ env: { PATH: '' } }), undefined);
  const dir = folderWith({ python3: '#!/bin/sh\necho "Traceback: No module named starkware" >&2\nexit 1\n' });
  assert.equal(findCairoLang({ env: { PATH: dir } }), undefined);
  const liar = folderWith({ python3: '#!/bin/sh\necho /nonexistent\n' });
  assert.equal(findCairoLang({ env: { PATH: liar } }), undefined);
});

test('python is asked only where there is no python3', () => {
  const only = folderWith({ python: `#!/bin/sh\nexec "${python}" "$@"\n` });
  assert.equal(realpathSync(findCairoLang({ env: { PATH: only } })!.root), referenceSite());
  const both = folderWith({ python3: '#!/bin/sh\nexit 1\n', python: `#!/bin/sh\nexec "${python}" "$@"\n` });
  assert.equal(findCairoLang({ env: { PATH: both } }), undefined);
});

test('the source map shows library files from the found cairo-lang: at once from a virtualenv, or when first shown', async () => {
  const { SourceMap } = await import('../../src/debug/source-map');
  const { loadProgramFile } = await import('../../src/runner/load-program');
  const { ROOT } = await import('../support/shared');
  const program = loadProgramFile(join(ROOT, 'examples/build/structs.json'));
  const site = referenceSite();
  const math = 'starkware/cairo/common/math.cairo';
  // cairo-compile on PATH in its virtualenv: found while the map is built.
  const quick = new SourceMap(program, {}, { quick: () => findCairoLangQuick({ env: { PATH: bin } })?.root, full: () => assert.fail('no Python asked') });
  const i = quick.files.indexOf(math);
  assert.equal(realpathSync(quick.paths[i]!), join(site, math));
  assert.equal(quick.isLibrary(i), true);
  // Only a Python knows: asked when the file is first located, not before.
  let asked = 0;
  const lazy = new SourceMap(program, {}, { quick: () => undefined, full: () => (asked++, site) });
  const j = lazy.files.indexOf(math);
  assert.equal(lazy.paths[j], undefined);
  assert.equal(asked, 0);
  assert.equal(lazy.locate(j), join(site, math));
  assert.equal(lazy.paths[j], join(site, math));
  // A file of the program that is not in the library is never looked for there.
  assert.equal(lazy.locate(lazy.files.indexOf('structs.cairo')), undefined);
  assert.equal(asked, 1);
});
