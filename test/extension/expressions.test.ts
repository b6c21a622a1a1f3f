import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { expressionAt, inlineIdentifiers } from '../../src/extension/expressions';

const fib = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'src', 'fib.cairo'), 'utf8');
const structs = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'src', 'structs.cairo'), 'utf8');
const names = (text: string, from: number, to: number) => inlineIdentifiers(text, from, to).map((r) => `${r.line}:${r.name}`);

test('inline values in fib: arguments and uses, not keywords, types or the called function', () => {
  // lines 5..9: the signature, `if (n == 0)`, `return a;`, `}`, `return fib(b, a + b, n - 1);`
  assert.deepEqual(names(fib, 5, 9), ['5:a', '5:b', '5:n', '6:n', '7:a', '9:b', '9:a', '9:n']);
});

test('inline values skip members, keyword arguments, implicit arguments and imports', () => {
  assert.deepEqual(names(structs, 13, 13), ['13:points', '13:i', '13:n']);  // func fill(points: Point*, ...): no types
  assert.deepEqual(names(structs, 17, 17), ['17:points', '17:i']);          // assert points[i] = Point(x=i, y=i * i);
  assert.deepEqual(names(structs, 26, 26), ['26:rest', '26:points', '26:n']); // Point.SIZE is not a variable
  assert.deepEqual(names(structs, 27, 27), ['27:points', '27:rest']);       // points[0].x: no x
  assert.deepEqual(names(structs, 33, 33), ['33:points']);                  // let (points: Point*) = alloc();
  assert.deepEqual(names(structs, 3, 5), []);
  assert.deepEqual(names('foo{output_ptr=output_ptr}(x);', 0, 0), ['0:output_ptr', '0:x']);
  assert.deepEqual(names('from a.b import (\n  c,\n  d)\nlet e = c;', 0, 3), ['3:e', '3:c']);
  assert.deepEqual(names('%{ memory[ap] = n %}\n// n here\nlet m = n;', 0, 2), ['2:m', '2:n']);
});

test('hover: dotted names up to the hovered part', () => {
  const line = '    return points[0].x + points[0].y + rest;';
  assert.deepEqual(expressionAt(line, 0, line.indexOf('rest') + 1), { expression: 'rest', line: 0, start: 39, end: 43 });
  assert.deepEqual(expressionAt('let v = p.q.r;', 0, 10), { expression: 'p.q', line: 0, start: 8, end: 11 });
  assert.deepEqual(expressionAt('let v = p.q.r;', 0, 12)?.expression, 'p.q.r');
  assert.equal(expressionAt('let v = p.q.r;', 0, 1), undefined);  // `let`
  assert.equal(expressionAt('// a comment', 0, 5), undefined);
});

test('hover: memory accesses as a whole', () => {
  const line = 'assert [ap + 1] = [fp - 3];';
  assert.equal(expressionAt(line, 0, line.indexOf('[ap'))?.expression, '[ap + 1]');
  assert.equal(expressionAt(line, 0, line.indexOf('ap'))?.expression, '[ap + 1]');
  assert.equal(expressionAt(line, 0, line.indexOf('3]') + 1)?.expression, '[fp - 3]');
  assert.equal(expressionAt('[[fp - 1]] = 4;', 0, 0)?.expression, '[[fp - 1]]');
  assert.equal(expressionAt('tempvar x = ap;', 0, 13)?.expression, 'ap');
});
