import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SourceMap, shortName } from '../../src/debug/source-map';
import { loadProgramFile } from '../../src/runner/load-program';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'examples/src');

test('files resolve against sourceRoot; library files stay unresolved', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/multi_main.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const geo = m.fileForPath(join(SRC, 'multi/geometry.cairo'))!;
  assert.equal(m.files[geo], 'multi/geometry.cairo');
  assert.equal(m.paths[geo], join(SRC, 'multi/geometry.cairo'));
  const lib = m.files.indexOf('starkware/cairo/common/serialize.cairo');
  assert.equal(m.paths[lib], undefined);
  assert.equal(m.isLibrary(lib), true);
  // An editor path ending in the library name still matches it.
  assert.equal(m.fileForPath('/somewhere/cairo-lang/src/starkware/cairo/common/serialize.cairo'), lib);
});

test('sourceFileMap rewrites recorded prefixes', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/fib.json'));
  const m = new SourceMap(p, { sourceFileMap: { 'fib.cairo': join(SRC, 'fib.cairo') } });
  assert.equal(m.paths[m.files.indexOf('fib.cairo')], join(SRC, 'fib.cairo'));
});

test('line breakpoints land on the first pc of each run; empty lines move down; func lines go to the entry', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/fib.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const fib = m.fileForPath(join(SRC, 'fib.cairo'))!;
  assert.deepEqual(m.resolveLine(fib, 10), { line: 10, pcs: [9] });
  assert.deepEqual(m.resolveLine(fib, 9), { line: 10, pcs: [9] });
  assert.deepEqual(m.resolveLine(fib, 6), { line: 6, pcs: [4] });
  assert.equal(m.resolveLine(fib, 40), undefined);
  assert.deepEqual(m.lineOf(12), { file: fib, line: 10 });
  // The argument copy on the func line is not a line-step target; the entry pc is.
  assert.equal(m.stepKeyOfPc[8], -1);
  assert.notEqual(m.stepKeyOfPc[4], -1);
  assert.equal(shortName(p, m.functionAt(13)!.name), 'fib');
  assert.equal(m.functionPc('fib')?.pc, 4);
  assert.equal(m.functionPc('serialize_word')?.pc, 0);
  assert.deepEqual(m.linesWithCode(fib, 1, 20), [6, 7, 8, 10, 13, 14, 15, 16]);
});
