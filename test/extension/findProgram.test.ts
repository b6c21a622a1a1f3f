import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { findProgram, matchingDebugFile, programCandidates, readProgramInfo, sourceRootFor } from '../../src/extension/findProgram';

const examples = path.resolve(__dirname, '..', '..', 'examples');
const src = path.join(examples, 'src');
const build = path.join(examples, 'build');

test('examples: NAME.cairo finds ../build/NAME.json', () => {
  for (const name of ['fib', 'structs', 'hash_chain', 'dict_counter']) {
    const r = findProgram(path.join(src, `${name}.cairo`), { workspaceRoot: examples });
    assert.equal(r.program, path.join(build, `${name}.json`), name);
  }
});

test('examples: multi/main.cairo finds build/multi_main.json, and so does the file it imports', () => {
  assert.equal(findProgram(path.join(src, 'multi', 'main.cairo'), { workspaceRoot: examples }).program,
    path.join(build, 'multi_main.json'));
  // geometry.cairo has no JSON of its own: found by what multi_main.json was compiled from.
  assert.deepEqual(findProgram(path.join(src, 'multi', 'geometry.cairo'), { workspaceRoot: examples }),
    { program: path.join(build, 'multi_main.json'), matches: [path.join(build, 'multi_main.json')] });
});

test('sourceRoot is where debug_info filenames resolve', () => {
  const info = readProgramInfo(path.join(build, 'multi_main.json'))!;
  assert.ok(info.files.includes('multi/main.cairo'));
  assert.equal(matchingDebugFile(info, path.join(src, 'multi', 'main.cairo')), 'multi/main.cairo');
  assert.equal(sourceRootFor(path.join(src, 'multi', 'main.cairo'), info), src);
  assert.equal(sourceRootFor(path.join(src, 'fib.cairo'), readProgramInfo(path.join(build, 'fib.json'))), src);
  assert.equal(sourceRootFor('/elsewhere/x.cairo', info), '/elsewhere');
});

test('readProgramInfo: builtins, and undefined for JSON that is not a program', () => {
  assert.deepEqual(readProgramInfo(path.join(build, 'fib.json'))?.builtins, ['output']);
  assert.equal(readProgramInfo(path.join(examples, 'expected', 'fib', 'expected.json')), undefined);
  assert.equal(readProgramInfo(path.join(examples, 'nope.json')), undefined);
});

const tmp = mkdtempSync(path.join(tmpdir(), 'cairn-find-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const program = (files: string[]) => JSON.stringify({
  data: ['0x1'], builtins: [],
  debug_info: { instruction_locations: Object.fromEntries(files.map((f, i) => [String(i), { inst: { input_file: { filename: f } } }])) },
});

test('next to the file beats build folders; a configured build folder beats both', () => {
  const ws = path.join(tmp, 'ws1');
  mkdirSync(path.join(ws, 'out'), { recursive: true });
  mkdirSync(path.join(ws, 'build'), { recursive: true });
  writeFileSync(path.join(ws, 'a.cairo'), '');
  writeFileSync(path.join(ws, 'a.json'), program(['a.cairo']));
  writeFileSync(path.join(ws, 'build', 'a.json'), program(['a.cairo']));
  writeFileSync(path.join(ws, 'out', 'a.json'), program(['a.cairo']));
  assert.equal(findProgram(path.join(ws, 'a.cairo'), { workspaceRoot: ws }).program, path.join(ws, 'a.json'));
  assert.equal(findProgram(path.join(ws, 'a.cairo'), { workspaceRoot: ws, buildFolder: 'out' }).program, path.join(ws, 'out', 'a.json'));
  const c = programCandidates(path.join(ws, 'a.cairo'), { workspaceRoot: ws, buildFolder: 'out' });
  assert.equal(c[0], path.join(ws, 'out', 'a.json'));
  assert.ok(c.indexOf(path.join(ws, 'a.json')) < c.indexOf(path.join(ws, 'build', 'a.json')));
});

test('a same-named JSON compiled from another file loses to one compiled from this file', () => {
  const ws = path.join(tmp, 'ws2');
  mkdirSync(path.join(ws, 'src', 'build'), { recursive: true });
  mkdirSync(path.join(ws, 'build'), { recursive: true });
  writeFileSync(path.join(ws, 'src', 'main.cairo'), '');
  writeFileSync(path.join(ws, 'src', 'build', 'main.json'), program(['other/main2.cairo']));
  writeFileSync(path.join(ws, 'build', 'main.json'), program(['main.cairo']));
  assert.equal(findProgram(path.join(ws, 'src', 'main.cairo'), { workspaceRoot: ws }).program, path.join(ws, 'build', 'main.json'));
});

test('several programs include a library file: no single answer, all offered', () => {
  const ws = path.join(tmp, 'ws3');
  cpSync(path.join(build, 'multi_main.json'), path.join(ws, 'build', 'one.json'));
  cpSync(path.join(build, 'multi_main.json'), path.join(ws, 'build', 'two.json'));
  mkdirSync(path.join(ws, 'src', 'multi'), { recursive: true });
  const r = findProgram(path.join(ws, 'src', 'multi', 'geometry.cairo'), { workspaceRoot: ws });
  assert.equal(r.program, undefined);
  assert.deepEqual(r.matches, [path.join(ws, 'build', 'one.json'), path.join(ws, 'build', 'two.json')]);
});

test('nothing compiled: nothing found', () => {
  const ws = path.join(tmp, 'ws4');
  mkdirSync(ws, { recursive: true });
  assert.deepEqual(findProgram(path.join(ws, 'x.cairo'), { workspaceRoot: ws }), { program: undefined, matches: [] });
});
