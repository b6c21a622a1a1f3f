// Cairo 0 or Cairo 1: every Cairo 1 program of the fixtures is Cairo 1, every Cairo 0 source of
// the examples and of the corpus is Cairo 0, and the language server keeps quiet on Cairo 1 files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialectOf } from '../../src/server/dialect';
import { shared, ROOT } from '../support/shared';
import { LspClient, uri } from './lsp-client';

const CAIRO1 = join(ROOT, 'test', 'cairo1', 'programs');

function cairoFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) cairoFiles(p, out);
    else if (e.name.endsWith('.cairo')) out.push(p);
  }
  return out;
}

test('the Cairo 1 programs are Cairo 1; the examples and the corpus sources are Cairo 0', () => {
  const one = cairoFiles(CAIRO1);
  assert.ok(one.length >= 40);
  for (const f of one) assert.equal(dialectOf(readFileSync(f, 'utf8')), 'cairo1', f);
  const zero = [...cairoFiles(join(ROOT, 'examples')), ...cairoFiles(shared('corpus'))];
  assert.ok(zero.length > 100, `${zero.length} Cairo 0 files`);
  for (const f of zero) assert.equal(dialectOf(readFileSync(f, 'utf8'), f), 'cairo0', f);
});

test('comments and strings decide nothing; a file with neither dialect\'s marks follows its project', () => {
  assert.equal(dialectOf('// fn main() { let mut x = a::b; }\nfunc main() {\n    return ();\n}\n'), 'cairo0');
  assert.equal(dialectOf('fn main() {\n    println!("func f() { %{ x %} }");\n}\n'), 'cairo1');
  const dir = mkdtempSync(join(tmpdir(), 'cairn-dialect-'));
  try {
    const only = 'struct Point {\n    x: felt252,\n}\n';
    writeFileSync(join(dir, 'a.cairo'), only);
    assert.equal(dialectOf(only, join(dir, 'a.cairo')), 'cairo0');
    writeFileSync(join(dir, 'Scarb.toml'), '[package]\nname = "a"\n');
    assert.equal(dialectOf(only, join(dir, 'src', 'a.cairo')), 'cairo1');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('the language server gives a Cairo 1 file no diagnostics, symbols, completions or lenses', async () => {
  const c = new LspClient();
  try {
    await c.initialize(CAIRO1, {});
    const f = join(CAIRO1, 'structs.cairo');
    c.open(f);
    // a Cairo 0 file with an error in the same session shows the server does publish
    const dir = mkdtempSync(join(tmpdir(), 'cairn-dialect-'));
    const bad = join(dir, 'bad.cairo');
    writeFileSync(bad, 'func main() {\n    let x = (1 + ;\n}\n');
    try {
      c.open(bad);
      await c.waitFor('Cairo 0 syntax error', () => c.diagnostics.get(uri(bad))?.find((d) => d.source === 'cairn'));
      assert.deepEqual(c.diagnostics.get(uri(f)) ?? [], []);
      const td = { textDocument: { uri: uri(f) } };
      assert.deepEqual(await c.request('textDocument/documentSymbol', td), []);
      assert.deepEqual(await c.request('textDocument/codeLens', td), []);
      assert.deepEqual(await c.request('textDocument/completion', { ...td, position: { line: 3, character: 4 } }), []);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  } finally { c.close(); }
});
