// The server's parser on half-typed code: any prefix of a real file, or a file with a line
// broken in the middle, parses without throwing and keeps every declaration the damage does not
// touch, so outline, definition and completion go on working while the user types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCairo, allDecls } from '../../src/server/syntax';
import { shared, ROOT } from '../support/shared';

const FILES = [
  join(ROOT, 'examples', 'src', 'structs.cairo'),
  shared('corpus', 'cairo0', 'field_arithmetic', 'cairo_programs', 'uint384.cairo'),
];

const names = (text: string) => allDecls(parseCairo(text).decls).filter((d) => d.kind === 'function' || d.kind === 'struct').map((d) => d.name);

test('every prefix keeps the declarations that end before the cut', () => {
  for (const f of FILES) {
    const text = readFileSync(f, 'utf8');
    const full = parseCairo(text);
    const tops = allDecls(full.decls).filter((d) => d.kind === 'function' || d.kind === 'struct');
    for (let cut = 0; cut <= text.length; cut += Math.max(1, Math.floor(text.length / 200))) {
      const got = new Set(names(text.slice(0, cut)));
      for (const d of tops) if (d.span.end < cut) assert.ok(got.has(d.name), `${f}: ${d.name} lost when cut at ${cut}`);
    }
  }
});

test('a broken line in the middle loses nothing after it', () => {
  const text = readFileSync(FILES[1], 'utf8');
  const all = names(text);
  const lines = text.split('\n');
  const mid = lines.findIndex((l, i) => i > lines.length / 2 && /^\s+let /.test(l));
  for (const damage of ['    let x = (1 + ;', '    func', '    }}', '    %{ unclosed hint', '    struct {']) {
    const broken = [...lines.slice(0, mid), damage, ...lines.slice(mid)].join('\n');
    const got = new Set(names(broken));
    const lost = all.filter((n) => !got.has(n));
    // the function holding the damage may end early, but no other declaration is lost
    assert.ok(lost.length <= 1, `${JSON.stringify(damage)} lost ${lost.join(', ')}`);
    assert.ok(parseCairo(broken).errors.length > 0, `${JSON.stringify(damage)} gives a syntax error`);
  }
});

test('the model: imports, signature parts, locals visible from the end of their statement', () => {
  const f = parseCairo('from a.b import (c, d as e)\nnamespace N {\n    func f{rc}(x: felt*, y) -> (r: felt) {\n        let z = x;\n        let (p, local q: T) = g();\n        tempvar w: felt = 1;\n        loop:\n        return (r=z);\n    }\n}\n');
  assert.deepEqual(f.imports.map((i) => `${i.module}:${i.imported}:${i.name}`), ['a.b:c:c', 'a.b:d:e']);
  const fn = f.decls.find((d) => d.name === 'N')!.children[0];
  assert.equal(fn.returns, '(r: felt)');
  assert.deepEqual(fn.children.map((c) => `${c.kind}:${c.name}:${c.type ?? ''}`), ['implicit:rc:felt', 'arg:x:felt*', 'arg:y:felt', 'let:z:', 'let:p:', 'let:q:T', 'tempvar:w:felt', 'label:loop:']);
  const z = fn.children.find((c) => c.name === 'z')!;
  assert.equal(f.text.slice(z.visibleFrom! - 1, z.visibleFrom), ';');
  assert.equal(f.errors.length, 0);
});
