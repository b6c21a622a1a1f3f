// F5 on a Cairo 1 source in a Scarb package: the launch configuration takes the executable Scarb
// built (target/dev/NAME.executable.json) and leaves the layout to the adapter (all_cairo).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test, after } from 'node:test';
import { completeLaunchConfig, configForFile } from '../../src/extension/launchConfig';

const CAIRO1 = path.resolve(__dirname, '..', 'cairo1');
const pkg = mkdtempSync(path.join(tmpdir(), 'cairn-scarb-'));
after(() => rmSync(pkg, { recursive: true, force: true }));

function scarbPackage(name: string, executables: string[]): string {
  const dir = path.join(pkg, name);
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(path.join(dir, 'Scarb.toml'), `[package]\nname = "${name}"\nversion = "0.1.0"\n\n[[target.executable]]\n`);
  copyFileSync(path.join(CAIRO1, 'programs', 'fib_loop.cairo'), path.join(dir, 'src', 'lib.cairo'));
  if (executables.length) mkdirSync(path.join(dir, 'target', 'dev'), { recursive: true });
  for (const e of executables) copyFileSync(path.join(CAIRO1, 'fixtures', 'fib_loop', 'fib_loop.executable.json'), path.join(dir, 'target', 'dev', `${e}.executable.json`));
  return path.join(dir, 'src', 'lib.cairo');
}

test('a Cairo 1 file: the package\'s executable, stopAtEnd, no layout chosen', () => {
  const file = scarbPackage('fib', ['fib']);
  const r = completeLaunchConfig({ ...configForFile(file), arguments: [5] }, { workspaceRoot: pkg });
  assert.equal(r.kind, 'ok');
  if (r.kind !== 'ok') return;
  assert.equal(r.config.program, path.join(pkg, 'fib', 'target', 'dev', 'fib.executable.json'));
  assert.equal(r.config.stopAtEnd, true);
  assert.equal(r.config.layout, undefined);
  assert.deepEqual(r.config.arguments, [5]);
});

test('several executables: the package\'s own, else the user picks; none: build it first', () => {
  const own = completeLaunchConfig(configForFile(scarbPackage('two', ['other', 'two'])), { workspaceRoot: pkg });
  assert.equal(own.kind === 'ok' && path.basename(own.config.program!), 'two.executable.json');
  const pick = completeLaunchConfig(configForFile(scarbPackage('three', ['a', 'b'])), { workspaceRoot: pkg });
  assert.equal(pick.kind, 'pick');
  assert.deepEqual(pick.kind === 'pick' && pick.matches.map((m) => path.basename(m)).sort(), ['a.executable.json', 'b.executable.json']);
  const none = completeLaunchConfig(configForFile(scarbPackage('unbuilt', [])), { workspaceRoot: pkg });
  assert.equal(none.kind, 'error');
  assert.match(none.kind === 'error' ? none.message : '', /^No Cairo 1 executable in .*target\/dev: build it with `scarb build`/);
});

test('an executable as program: relative debugInfo resolved against the workspace', () => {
  const r = completeLaunchConfig({ type: 'cairn', request: 'launch', name: 'x', program: 'fixtures/fib_loop/fib_loop.executable.json', debugInfo: 'fixtures/fib_loop/fib_loop.debug.json' }, { workspaceRoot: CAIRO1 });
  assert.equal(r.kind, 'ok');
  assert.equal(r.kind === 'ok' && r.config.debugInfo, path.join(CAIRO1, 'fixtures', 'fib_loop', 'fib_loop.debug.json'));
});
