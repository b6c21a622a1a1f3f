import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SourceMap, shortName } from '../../src/debug/source-map';
import { loadProgramFile } from '../../src/runner/load-program';

const ROOT = join(__dirname, '../..');
const SRC = join(ROOT, 'examples/src');

test('files resolve against sourceRoot; library files stay unresolved', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/multi_main.json'));
  const m = new SourceMap(p, { sourceRoot: SRC, findCairoLang: false });
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

test('line breakpoints land on the first pc of each statement; empty lines move down; func lines go to the entry', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/fib.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const fib = m.fileForPath(join(SRC, 'fib.cairo'))!;
  // `return fib(b, a + b, n - 1)` starts with the push of b (recorded at b's declaration on line 6).
  assert.deepEqual(m.resolveLine(fib, 10), { line: 10, pcs: [8] });
  assert.deepEqual(m.resolveLine(fib, 9), { line: 10, pcs: [8] });
  assert.deepEqual(m.resolveLine(fib, 6), { line: 6, pcs: [4] });
  assert.deepEqual(m.resolveLine(fib, 13), { line: 13, pcs: [15] });
  assert.equal(m.resolveLine(fib, 40), undefined);
  assert.deepEqual(m.lineOf(12), { file: fib, line: 10 });
  assert.equal(shortName(p, m.functionAt(13)!.name), 'fib');
  assert.equal(m.functionPc('fib')?.pc, 4);
  assert.equal(m.functionPc('serialize_word')?.pc, 0);
  assert.deepEqual(m.linesWithCode(fib, 1, 20), [6, 7, 8, 10, 13, 14, 15, 16]);
});

test('each pc belongs to its statement: reference expansions map to the line that uses them', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/multi_main.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const main = m.fileForPath(join(SRC, 'multi/main.cairo'))!;
  const lines = (from: number, to: number) => {
    const out: number[] = [];
    for (let pc = from; pc < to; pc++) {
      const at = m.lineOf(pc);
      if (at !== undefined && out[out.length - 1] !== at.line) out.push(at.line);
      if (at !== undefined) assert.equal(at.file, main);
    }
    return out;
  };
  // main's code, pc 12 to its end: the pushes of `r` (line 8) belong to lines 9 and 10, the
  // implicit output_ptr (recorded on line 7 and in serialize.cairo) to line 11.
  assert.deepEqual(lines(12, p.data.length), [9, 10, 11, 12, 13]);
  assert.deepEqual(m.resolveLine(main, 10), { line: 10, pcs: [18] });
  const st = m.statement(24)!;
  assert.deepEqual([st.filename, st.startLine, st.startCol], ['multi/main.cairo', 11, 5]);
  // debug_info's own entry is unchanged (hints, flow tracking and error reports use it).
  assert.equal(m.location(24)?.inst.startLine, 7);
});

test('a chain location outside the function is never its statement', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/structs.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const structs = m.fileForPath(join(SRC, 'structs.cairo'))!;
  // pc 120: innermost in math.cairo:307 (unsigned_div_rem's implicit return), statement `return ();`.
  assert.equal(m.location(120)?.inst.filename, 'starkware/cairo/common/math.cairo');
  assert.deepEqual(m.lineOf(120), { file: structs, line: 44 });
});

test('a line inside a hint stops at the pc the hint runs at; the if-jump past a branch is no step target', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/structs.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const math = m.files.indexOf('starkware/cairo/common/math.cairo');
  // unsigned_div_rem's hint spans lines 311 to 317 and runs at pc 21.
  assert.deepEqual(m.resolveLine(math, 313), { line: 313, pcs: [21], hint: true });
  assert.equal(m.hintAt(math, 311), 21);
  // The stop there is shown at the hint's own `%{ %}`.
  assert.equal(m.hasHint(21), true);
  assert.deepEqual([m.hintLocation(21)?.startLine, m.hintLocation(21)?.endLine], [311, 317]);
  assert.equal(m.hasHint(22), false);
  assert.equal(m.hintAt(math, 318), undefined);
});

test('the jmp past the other branch of an if is no step target; a multi-line call is one statement', () => {
  const p = loadProgramFile(join(ROOT, 'examples/build/dict_counter.json'));
  const m = new SourceMap(p, { sourceRoot: SRC });
  const sq = m.files.indexOf('starkware/cairo/common/squash_dict.cairo');
  // squash_dict: `if (big_keys != 0)` (line 62) at pc 69; its jmp past the then-branch at pc 74.
  assert.deepEqual(m.lineOf(74), { file: sq, line: 62 });
  assert.notEqual(m.stepKeyOfPc[69], -1);
  assert.equal(m.stepKeyOfPc[74], -1);
  assert.deepEqual(m.resolveLine(sq, 62), { line: 62, pcs: [69] });
  // `squash_dict_inner(` spans lines 68 to 76: its argument pushes (expanded on 70 to 75) are line 68.
  for (let pc = 77; pc <= 84; pc++) if (m.lineOf(pc) !== undefined) assert.equal(m.lineOf(pc)!.line, 68, `pc ${pc}`);
  assert.deepEqual(m.linesWithCode(sq, 69, 76), []);
});
