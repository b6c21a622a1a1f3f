// The language server over the real protocol (stdio, its own process), on the examples, on
// files of a temporary workspace, and on the common library of the reference's cairo-lang.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, uri } from './lsp-client';
import { ROOT } from '../support/shared';
import { referenceBin } from '../support/reference';

const SRC = join(ROOT, 'examples', 'src');
const MAIN = join(SRC, 'multi', 'main.cairo');
const GEOMETRY = join(SRC, 'multi', 'geometry.cairo');
const mainText = readFileSync(MAIN, 'utf8');
const geoText = readFileSync(GEOMETRY, 'utf8');
const P = LspClient.pos;

interface Loc { uri: string; range: { start: { line: number; character: number } } }
const lineOf = (path: string, line: number) => readFileSync(path, 'utf8').split('\n')[line];

let c: LspClient;
before(async () => {
  c = new LspClient();
  const init = await c.initialize(SRC, { cairoCompile: join(referenceBin(), 'cairo-compile') });
  for (const cap of ['definitionProvider', 'referencesProvider', 'renameProvider', 'hoverProvider', 'completionProvider', 'documentFormattingProvider', 'codeLensProvider', 'workspaceSymbolProvider']) {
    assert.ok(init.capabilities[cap], cap);
  }
  c.open(MAIN);
});
after(() => c.close());

const at = (path: string, position: object) => ({ textDocument: { uri: uri(path) }, position });

/** A file of a fresh temporary folder, on disk and open in the server, for the length of fn. */
async function withFile(name: string, text: string, fn: (path: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-lsp-'));
  try {
    const f = join(dir, name);
    writeFileSync(f, text);
    c.open(f, text);
    await fn(f);
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

test('definition: an imported function, across files', async () => {
  const loc = await c.request<Loc>('textDocument/definition', at(MAIN, P(mainText, 'area(r)')));
  assert.equal(fileURLToPath(loc.uri), GEOMETRY);
  assert.match(lineOf(GEOMETRY, loc.range.start.line), /^func area\(/);
});

test('definition: a struct constructor and a local', async () => {
  const rect = await c.request<Loc>('textDocument/definition', at(MAIN, P(mainText, 'Rect(width')));
  assert.match(lineOf(fileURLToPath(rect.uri), rect.range.start.line), /^struct Rect/);
  const local = await c.request<Loc>('textDocument/definition', at(MAIN, P(mainText, 'serialize_word(a)', 0, 15)));
  assert.equal(fileURLToPath(local.uri), MAIN);
  assert.match(lineOf(MAIN, local.range.start.line), /let a = area/);
});

test('definition: a struct member through an argument\'s type, and a let', async () => {
  c.open(GEOMETRY);
  const m = await c.request<Loc>('textDocument/definition', at(GEOMETRY, P(geoText, 'r.width * 2', 0, 2)));
  assert.match(lineOf(GEOMETRY, m.range.start.line), /^\s+width: felt,/);
  const l = await c.request<Loc>('textDocument/definition', at(GEOMETRY, P(geoText, 'twice_w +')));
  assert.match(lineOf(GEOMETRY, l.range.start.line), /let twice_w/);
});

test('definition: into the common library of the user\'s cairo-lang', async () => {
  const loc = await c.request<Loc>('textDocument/definition', at(MAIN, P(mainText, 'serialize_word(a)')));
  const file = fileURLToPath(loc.uri);
  assert.match(file, /starkware[\\/]cairo[\\/]common[\\/]serialize\.cairo$/);
  assert.match(lineOf(file, loc.range.start.line), /func serialize_word/);
});

test('definition: namespaces, constants, implicit arguments, tempvars, p[i].x, ids.x in a hint', async () => {
  const text = [
    'const LIMIT = 10;', 'struct P {', '    x: felt,', '}', 'namespace geo {', '    func twice(v: felt) -> felt {', '        return v * 2;', '    }', '}',
    'func main{range_check_ptr}(ps: P*) {', '    tempvar t = LIMIT;', '    let y = geo.twice(ps[1].x);', '    %{ print(ids.t) %}', '    assert [range_check_ptr] = t;', '    return ();', '}', '',
  ].join('\n');
  await withFile('n.cairo', text, async (f) => {
    const line = async (needle: string, n = 0, delta = 0) => {
      const loc = await c.request<Loc>('textDocument/definition', at(f, P(text, needle, n, delta)));
      return text.split('\n')[loc.range.start.line].trim();
    };
    assert.equal(await line('LIMIT;'), 'const LIMIT = 10;');
    assert.equal(await line('geo.twice', 0, 4), 'func twice(v: felt) -> felt {');
    assert.equal(await line('geo.twice'), 'namespace geo {');
    assert.equal(await line('x);', 0, 0), 'x: felt,');
    assert.equal(await line('range_check_ptr] ='), 'func main{range_check_ptr}(ps: P*) {');
    assert.equal(await line('ids.t', 0, 4), 'tempvar t = LIMIT;');
    assert.equal(await line('= t;', 0, 2), 'tempvar t = LIMIT;');
  });
});

test('hover: declaration with its type, doc comment and origin', async () => {
  const h = await c.request<{ contents: { value: string } }>('textDocument/hover', at(MAIN, P(mainText, 'area(r)')));
  assert.match(h.contents.value, /func area\(r: Rect\) -> felt/);
  assert.match(h.contents.value, /from multi\.geometry/);
  const r = await c.request<{ contents: { value: string } }>('textDocument/hover', at(MAIN, P(mainText, 'area(r)', 0, 5)));
  assert.match(r.contents.value, /let r: Rect/);
  const s = await c.request<{ contents: { value: string } }>('textDocument/hover', at(GEOMETRY, P(geoText, 'r: Rect) -> felt {\n    let')));
  assert.match(s.contents.value, /argument of `perimeter`/);
  const doc = await c.request<{ contents: { value: string } }>('textDocument/hover', at(MAIN, P(mainText, 'Rect(width')));
  assert.match(doc.contents.value, /struct Rect \{\n {4}width: felt,\n {4}height: felt,\n\}/);
  assert.match(doc.contents.value, /Helpers imported by multi\/main\.cairo\./);
});

test('references: the declaration, the import and the calls, across files', async () => {
  const refs = await c.request<Loc[]>('textDocument/references', { ...at(MAIN, P(mainText, 'perimeter(r)')), context: { includeDeclaration: true } });
  const where = refs.map((r) => `${fileURLToPath(r.uri) === MAIN ? 'main' : 'geometry'}:${r.range.start.line + 1}`).sort();
  assert.deepEqual(where, ['geometry:11', 'main:10', 'main:5']);
});

test('rename: edits every file; refuses a library name and a non-identifier', async () => {
  const edit = await c.request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { ...at(MAIN, P(mainText, 'perimeter(r)')), newName: 'girth' });
  assert.equal(edit.changes[uri(MAIN)].length, 2);
  assert.equal(edit.changes[uri(GEOMETRY)].length, 1);
  await assert.rejects(c.request('textDocument/rename', { ...at(MAIN, P(mainText, 'serialize_word(a)')), newName: 'w' }), /outside the workspace/);
  await assert.rejects(c.request('textDocument/prepareRename', at(MAIN, P(mainText, 'serialize_word(a)'))), /outside the workspace/);
  await assert.rejects(c.request('textDocument/rename', { ...at(MAIN, P(mainText, 'perimeter(r)')), newName: '1x' }), /not a Cairo identifier/);
});

test('completion: members after a dot, names in scope, builtins, ids. in a hint', async () => {
  const labels = async (path: string, pos: object) => (await c.request<{ label: string }[]>('textDocument/completion', at(path, pos))).map((i) => i.label);
  assert.deepEqual((await labels(GEOMETRY, P(geoText, 'r.width * 2', 0, 2))).sort(), ['height', 'width']);
  const scope = await labels(MAIN, P(mainText, 'serialize_word(p)'));
  for (const n of ['r', 'a', 'p', 'output_ptr', 'area', 'Rect', 'serialize_word', 'main']) assert.ok(scope.includes(n), n);
  const text = '%builtins output \nfunc g(x: felt, y: felt) {\n    let z = x + y;\n    %{ print(ids.) %}\n    return ();\n}\n';
  await withFile('h.cairo', text, async (f) => {
    assert.deepEqual((await labels(f, P(text, 'ids.', 0, 4))).sort(), ['x', 'y', 'z']);
    const b = await labels(f, P(text, 'output ', 0, 7));
    assert.ok(b.includes('range_check') && b.includes('poseidon') && !b.includes('output'));
  });
});

test('diagnostics: the server\'s own syntax errors while typing, cairo-compile\'s on save', async () => {
  const good = 'func main() {\n    let x = 1;\n    return ();\n}\n';
  await withFile('d.cairo', good, async (f) => {
    c.change(f, 'func main() {\n    let x = (1;\n    return ();\n}\n');
    const own = await c.waitFor('syntax error', () => c.diagnostics.get(uri(f))?.find((d) => d.source === 'cairn'));
    assert.match(own.message, /never closed|Unexpected/);
    const bad = 'func main() {\n    let x = y;\n    return ();\n}\n';
    writeFileSync(f, bad);
    c.change(f, bad);
    c.save(f);
    const d = await c.waitFor('compile error', () => c.diagnostics.get(uri(f))?.find((x) => x.source === 'cairo-compile'));
    assert.equal(d.message, "Unknown identifier 'y'.");
    assert.deepEqual(d.range.start, { line: 1, character: 12 });
  });
});

test('formatting with cairo-format', async () => {
  const text = 'func   main( ) {\n  return ( ) ;\n}\n';
  await withFile('f.cairo', text, async (f) => {
    const edits = await c.request<{ newText: string }[]>('textDocument/formatting', { textDocument: { uri: uri(f) }, options: { tabSize: 4, insertSpaces: true } });
    assert.equal(edits[0].newText, 'func main() {\n    return ();\n}\n');
  });
});

test('code lenses Run and Debug above main', async () => {
  const lenses = await c.request<{ range: { start: { line: number } }; command: { title: string; command: string } }[]>('textDocument/codeLens', { textDocument: { uri: uri(MAIN) } });
  assert.deepEqual(lenses.map((l) => `${l.range.start.line + 1}:${l.command.title}:${l.command.command}`), ['7:Run:cairn.runProgram', '7:Debug:cairn.debugProgram']);
});

test('workspace symbols over every .cairo file', async () => {
  const syms = await c.request<{ name: string; location: Loc }[]>('workspace/symbol', { query: 'perim' });
  assert.ok(syms.some((s) => s.name === 'perimeter' && fileURLToPath(s.location.uri) === GEOMETRY));
  const all = await c.request<{ name: string }[]>('workspace/symbol', { query: '' });
  for (const n of ['fib', 'main', 'Point', 'Rect']) assert.ok(all.some((s) => s.name === n), n);
});

test('a missing compiler is one quiet message, not an error per file', async () => {
  const lone = new LspClient({ ...process.env, PATH: '/nonexistent' });
  try {
    await lone.initialize(SRC, {});
    lone.open(MAIN);
    lone.open(GEOMETRY);
    lone.save(MAIN);
    await lone.waitFor('message', () => lone.messages.length > 0 || undefined);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(lone.messages.length, 1);
    assert.equal(lone.messages[0].type, 3); // Info
    assert.match(lone.messages[0].message, /cairo-compile was not found/);
    assert.ok(!(lone.diagnostics.get(uri(MAIN)) ?? []).length);
    // everything that does not need the compiler still works
    const loc = await lone.request<Loc>('textDocument/definition', at(MAIN, P(mainText, 'area(r)')));
    assert.equal(fileURLToPath(loc.uri), GEOMETRY);
  } finally { await lone.close(); }
});
