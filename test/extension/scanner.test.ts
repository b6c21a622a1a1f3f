import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CairoSymbol, enclosingFunction, Position, scanSymbols, tokenize } from '../../src/server/scanner';

const examples = path.join(__dirname, '..', '..', 'examples', 'src');
const outline = (text: string) => scanSymbols(text).map(function brief(s): unknown {
  return s.children.length ? [s.kind, s.name, s.children.map(brief)] : [s.kind, s.name];
});

test('fib.cairo: two functions with their signatures and line spans', () => {
  const syms = scanSymbols(readFileSync(path.join(examples, 'fib.cairo'), 'utf8'));
  assert.deepEqual(syms.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line]), [
    ['fib', '(a: felt, b: felt, n: felt) -> felt', 5, 10],
    ['main', '{output_ptr: felt*}()', 12, 16],
  ]);
  assert.deepEqual(syms[0].selectionRange, { start: { line: 5, character: 5 }, end: { line: 5, character: 8 } });
});

test('structs.cairo: struct members are children', () => {
  const text = readFileSync(path.join(examples, 'structs.cairo'), 'utf8');
  assert.deepEqual(outline(text), [
    ['struct', 'Point', [['member', 'x'], ['member', 'y']]],
    ['function', 'fill'], ['function', 'sum_points'], ['function', 'main'],
  ]);
});

test('namespaces nest, consts, decorators, old member syntax, tuple returns', () => {
  const text = `%lang starknet
const MAX = 2 ** 128;  // a bound
namespace Math {
    const ONE = 1;
    struct Pair {
        member a: felt
        member b: felt
    }
    @view
    func add{range_check_ptr}(x: felt, y: felt) -> (res: felt, carry: felt) {
        if (x == 0) {
            return (res=y, carry=0);
        }
        return (res=x + y, carry=0);
    }
}
func after() {
    return ();
}`;
  assert.deepEqual(outline(text), [
    ['const', 'MAX'],
    ['namespace', 'Math', [['const', 'ONE'], ['struct', 'Pair', [['member', 'a'], ['member', 'b']]], ['function', 'add']]],
    ['function', 'after'],
  ]);
  const syms = scanSymbols(text);
  assert.equal(syms[0].detail, '2 ** 128');
  const add = syms[1].children[2];
  assert.equal(add.detail, '{range_check_ptr}(x: felt, y: felt) -> (res: felt, carry: felt)');
  assert.deepEqual([add.range.start.line, add.range.end.line], [9, 14]);
  assert.deepEqual([syms[1].range.start.line, syms[1].range.end.line], [2, 15]);
});

test('braces in hints, comments and strings do not confuse it', () => {
  const text = `func f() {
    %{
        d = {1: {2: 3}}
        if x: print("}")
    %}
    // } not a brace
    let s = '}';
    return ();
}
func g() {
    return ();
}`;
  const syms = scanSymbols(text);
  assert.deepEqual(syms.map((s) => [s.name, s.range.end.line]), [['f', 8], ['g', 11]]);
});

test('half-typed code keeps the rest of the outline', () => {
  const text = `func broken(a: felt
func fine() {
    return ();
}
struct`;
  assert.deepEqual(outline(text).map((s) => (s as string[])[1]), ['broken', 'fine']);
  assert.deepEqual(scanSymbols(''), []);
});

test('keywords used as names elsewhere are not declarations', () => {
  assert.deepEqual(outline('let x = a.func;\nfoo(struct);\n'), []);
});

test('tokenize skips comments, strings and hints and tracks positions', () => {
  const toks = tokenize("x = 1; // y\n%{ z %}\n  [ap - 1] = 'ab';");
  assert.deepEqual(toks.map((t) => t.text), ['x', '=', '1', ';', '[', 'ap', '-', '1', ']', '=', ';']);
  const ap = toks.find((t) => t.text === 'ap')!;
  assert.deepEqual([ap.line, ap.character], [2, 3]);
});

test('enclosingFunction finds the innermost function of a line', () => {
  const syms = scanSymbols('namespace N {\n  func f() {\n    return ();\n  }\n}\nfunc g() {\n}\n');
  assert.equal(enclosingFunction(syms, 2)?.name, 'f');
  assert.equal(enclosingFunction(syms, 6)?.name, 'g');
  assert.equal(enclosingFunction(syms, 4), undefined);
});

test('every symbol range contains its name, even in half-typed code', () => {
  const contains = (s: CairoSymbol): boolean => {
    const { range: r, selectionRange: n } = s;
    const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return le(r.start, n.start) && le(n.end, r.end) && s.children.every(contains);
  };
  for (const text of ['const X', 'struct S { a', 'func f', 'func f(', 'namespace N', 'struct S {\n member', 'const Y =']) {
    for (const s of scanSymbols(text)) assert.ok(contains(s), `${JSON.stringify(text)}: ${JSON.stringify(s)}`);
  }
});
