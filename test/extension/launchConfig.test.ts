import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { chooseLayout, LAYOUT_BUILTINS, layoutFits, LAYOUTS } from '../../src/extension/layouts';
import { completeLaunchConfig, configForFile, guessSourceRoot } from '../../src/extension/launchConfig';
import { readProgramInfo } from '../../src/extension/findProgram';
import { getLayout } from '../../src/runner/layouts';

const examples = path.resolve(__dirname, '..', '..', 'examples');
const src = path.join(examples, 'src');

test('layouts: fit means the builtins appear in the layout, in order', () => {
  assert.equal(LAYOUTS.length, 10);
  assert.ok(layoutFits('plain', []));
  assert.ok(!layoutFits('plain', ['output']));
  assert.ok(layoutFits('small', ['output', 'range_check']));
  assert.ok(!layoutFits('small', ['range_check', 'output']));
  assert.ok(!layoutFits('recursive', ['ecdsa']));
  assert.ok(!layoutFits('nope', []));
  assert.equal(chooseLayout([]), 'plain');
  assert.equal(chooseLayout(['output', 'pedersen']), 'starknet_with_keccak');
  assert.equal(chooseLayout(['range_check96', 'add_mod']), 'all_cairo');
});

test('F5 on fib.cairo: program, sourceRoot and layout worked out', () => {
  const r = completeLaunchConfig(configForFile(path.join(src, 'fib.cairo')), { workspaceRoot: examples });
  assert.equal(r.kind, 'ok');
  if (r.kind !== 'ok') return;
  assert.deepEqual(r.config, {
    type: 'cairn', request: 'launch', name: 'Cairn: fib.cairo',
    program: path.join(examples, 'build', 'fib.json'), sourceRoot: src, layout: 'starknet_with_keccak', stopAtEnd: true,
  });
  assert.deepEqual(r.warnings, []);
  // Stopping at the end is on in VS Code unless the configuration turns it off.
  const off = completeLaunchConfig({ ...configForFile(path.join(src, 'fib.cairo')), stopAtEnd: false }, { workspaceRoot: examples });
  assert.equal(off.kind === 'ok' && off.config.stopAtEnd, false);
});

test('relative paths resolve against the workspace; an explicit layout is kept, with a warning if it cannot work', () => {
  const r = completeLaunchConfig({ type: 'cairn', request: 'launch', name: 'x', program: 'build/fib.json', layout: 'plain',
    cairoPath: ['lib'], programInput: 'in.json' }, { workspaceRoot: examples });
  assert.equal(r.kind, 'ok');
  if (r.kind !== 'ok') return;
  assert.equal(r.config.program, path.join(examples, 'build', 'fib.json'));
  assert.equal(r.config.sourceRoot, src); // found through build/../src
  assert.deepEqual(r.config.cairoPath, [path.join(examples, 'lib')]);
  assert.equal(r.config.programInput, path.join(examples, 'in.json'));
  assert.equal(r.config.layout, 'plain');
  assert.match(r.warnings[0], /lacks builtins.*starknet_with_keccak/);
});

test('cairn.defaultLayout applies when it fits', () => {
  const r = completeLaunchConfig(configForFile(path.join(src, 'fib.cairo')), { workspaceRoot: examples, defaultLayout: 'small' });
  assert.equal(r.kind === 'ok' && r.config.layout, 'small');
  const r2 = completeLaunchConfig(configForFile(path.join(src, 'hash_chain.cairo')), { workspaceRoot: examples, defaultLayout: 'small' });
  assert.equal(r2.kind === 'ok' && r2.config.layout, 'starknet_with_keccak'); // small has no poseidon
});

test('errors and picks', () => {
  assert.equal(completeLaunchConfig({ type: 'cairn', request: 'launch', name: 'x' }).kind, 'error');
  assert.match((completeLaunchConfig({ type: 'cairn', request: 'launch', name: 'x', program: '/no/such.json' }) as { message: string }).message, /not found/);
  assert.match((completeLaunchConfig({ type: 'cairn', request: 'launch', name: 'x', program: path.join(examples, 'expected', 'fib', 'expected.json') }) as { message: string }).message, /not a compiled Cairo program/);
  const r = completeLaunchConfig(configForFile('/tmp/nowhere/x.cairo'), { workspaceRoot: '/tmp/nowhere' });
  assert.deepEqual(r, { kind: 'pick', cairoFile: '/tmp/nowhere/x.cairo', matches: [] });
});

test('guessSourceRoot skips library files and gives up when nothing resolves', () => {
  const program = path.join(examples, 'build', 'multi_main.json');
  const info = readProgramInfo(program)!;
  assert.equal(guessSourceRoot(program, info), src);
  assert.equal(guessSourceRoot('/tmp/x/p.json', info), undefined);
});

test("layouts agree with the runner's (cairo-lang's instances.py)", () => {
  for (const name of LAYOUTS) {
    assert.deepEqual(getLayout(name).builtins.map((b) => b.name), [...LAYOUT_BUILTINS[name]], name);
  }
});
