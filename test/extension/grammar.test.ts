// Real tokenisation with the engine VS Code uses (vscode-textmate + oniguruma), so scopes are
// checked as an editor would see them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, parseRawGrammar, Registry, StateStack } from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..');
let grammar: IGrammar;
const PYTHON = { scopeName: 'source.python', patterns: [{ match: '#.*$', name: 'comment.line.number-sign.python' }] };

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    // source.python is VS Code's own grammar: a stand-in with one rule shows the embedding works.
    loadGrammar: async (scope) => scope === 'source.cairo'
      ? parseRawGrammar(readFileSync(path.join(root, 'syntaxes', 'cairo.tmLanguage.json'), 'utf8'), 'cairo.tmLanguage.json')
      : scope === 'source.python' ? parseRawGrammar(JSON.stringify(PYTHON), 'python.json') : null,
  });
  grammar = (await registry.loadGrammar('source.cairo'))!;
});

/** token text -> its innermost scope, for every token of every line. */
function tokens(src: string): [string, string, string[]][] {
  let state: StateStack = INITIAL;
  const out: [string, string, string[]][] = [];
  for (const line of src.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      if (text.trim()) out.push([text.trim(), t.scopes[t.scopes.length - 1], t.scopes]);
    }
    state = r.ruleStack;
  }
  return out;
}
const scopeOf = (src: string, text: string) => tokens(src).find(([t]) => t === text)?.[1];

test('declarations', () => {
  const src = 'func fib{range_check_ptr}(a: felt, n: felt) -> felt {\nstruct Point {\nnamespace Math {\nconst MAX = 0x10;';
  assert.equal(scopeOf(src, 'func'), 'storage.type.function.cairo');
  assert.equal(scopeOf(src, 'fib'), 'entity.name.function.cairo');
  assert.equal(scopeOf(src, 'felt'), 'support.type.primitive.cairo');
  assert.equal(scopeOf(src, 'Point'), 'entity.name.type.struct.cairo');
  assert.equal(scopeOf(src, 'Math'), 'entity.name.namespace.cairo');
  assert.equal(scopeOf(src, 'MAX'), 'variable.other.constant.cairo');
  assert.equal(scopeOf(src, '0x10'), 'constant.numeric.hex.cairo');
  assert.equal(scopeOf(src, '->'), 'keyword.operator.arrow.cairo');
});

test('directives, imports and decorators', () => {
  const src = '%builtins output pedersen range_check\n%lang starknet\nfrom starkware.cairo.common.math import assert_nn_le, unsigned_div_rem\n@external';
  assert.equal(scopeOf(src, '%builtins'), 'keyword.other.directive.cairo');
  assert.equal(scopeOf(src, 'pedersen'), 'support.constant.builtin.cairo');
  assert.equal(scopeOf(src, '%lang'), 'keyword.other.directive.cairo');
  assert.equal(scopeOf(src, 'starknet'), 'entity.name.namespace.lang.cairo');
  assert.equal(scopeOf(src, 'from'), 'keyword.control.import.cairo');
  assert.equal(scopeOf(src, 'starkware.cairo.common.math'), 'entity.name.namespace.module.cairo');
  assert.equal(scopeOf(src, 'unsigned_div_rem'), 'entity.name.import.cairo');
  assert.equal(scopeOf(src, 'external'), 'entity.name.function.decorator.cairo');
});

test('statements: variables, alloc_locals, with_attr, cast, registers, memory access', () => {
  const src = `alloc_locals;
let x = 1;
local y: felt = 2;
tempvar z = cast(x, felt*);
with_attr error_message("too big") {
assert [ap + 1] = [fp - 3];
ap += 2;
return serialize_word(x);`;
  assert.equal(scopeOf(src, 'alloc_locals'), 'keyword.other.alloc-locals.cairo');
  for (const k of ['let', 'local', 'tempvar']) assert.equal(scopeOf(src, k), 'storage.type.variable.cairo', k);
  assert.equal(scopeOf(src, 'cast'), 'keyword.operator.cast.cairo');
  assert.equal(scopeOf(src, 'with_attr'), 'keyword.control.with-attr.cairo');
  assert.equal(scopeOf(src, 'error_message'), 'entity.name.tag.attribute.cairo');
  assert.equal(scopeOf(src, '"too big"'.slice(1, -1)), 'string.quoted.double.cairo');
  assert.equal(scopeOf(src, 'assert'), 'keyword.control.flow.cairo');
  const ap = tokens(src).find(([t]) => t === 'ap')!;
  assert.equal(ap[1], 'variable.language.register.cairo');
  assert.ok(ap[2].includes('meta.memory-access.cairo'));
  assert.equal(scopeOf(src, 'serialize_word'), 'entity.name.function.call.cairo');
  assert.equal(scopeOf(src, 'return'), 'keyword.control.flow.cairo');
});

test('hints are embedded Python; comments end at the line', () => {
  const src = `%{
    memory[ap] = to_felt_or_relocatable(ids.n + 1)  # a Python comment // not a Cairo one
%}
// a comment with func inside
func f() {`;
  const toks = tokens(src);
  const inHint = toks.find(([t]) => t.includes('memory[ap]'))!;
  assert.ok(inHint[2].includes('meta.embedded.block.python.cairo'));
  assert.ok(inHint[2].includes('source.python'));
  assert.equal(scopeOf(src, '# a Python comment // not a Cairo one'), 'comment.line.number-sign.python');
  assert.equal(scopeOf(src, '%{'), 'punctuation.section.embedded.begin.cairo');
  assert.equal(scopeOf(src, '%}'), 'punctuation.section.embedded.end.cairo');
  assert.equal(scopeOf(src, 'a comment with func inside'), 'comment.line.double-slash.cairo');
  assert.equal(scopeOf(src, 'f'), 'entity.name.function.cairo');  // state after the hint is clean
});

test('every example file tokenises and leaves no rule open', () => {
  for (const f of ['fib', 'structs', 'hash_chain', 'dict_counter', 'assert_fail', 'long_loop', 'multi/main', 'multi/geometry']) {
    const lines = readFileSync(path.join(root, 'examples', 'src', `${f}.cairo`), 'utf8').split('\n');
    let state: StateStack = INITIAL;
    for (const line of lines) state = grammar.tokenizeLine(line, state).ruleStack;
    // a probe line after the file is tokenised at top level only if every rule was closed
    assert.deepEqual(grammar.tokenizeLine('x', state).tokens[0].scopes, ['source.cairo', 'variable.other.cairo'], f);
  }
});

test('Cairo 1: items, attributes, use paths, macros, typed literals, snapshots', () => {
  const src = `use core::dict::{Felt252Dict, Felt252DictTrait};
#[derive(Drop, Serde)]
struct Point {
    x: u32,
}
enum Shape {
    Circle: u32,
}
trait Area<T> {
    fn area(self: @T) -> u64;
}
impl PointArea of Area<Point> {
    fn area(self: @Point) -> u64 {
        let mut total = 0x10_u64 + 3_u8.into();
        match self {
            Shape::Circle(r) => r,
        }
        println!("{}", total);
        loop { break; }
        true
    }
}
mod helpers;`;
  assert.equal(scopeOf(src, 'use'), 'keyword.control.import.cairo');
  assert.equal(scopeOf(src, 'dict'), 'entity.name.namespace.cairo');
  assert.equal(scopeOf(src, 'Felt252DictTrait'), 'entity.name.import.cairo');
  const derive = tokens(src).find(([t]) => t === 'derive')!;
  assert.ok(derive[2].includes('meta.attribute.cairo'));
  assert.equal(scopeOf(src, 'u32'), 'support.type.primitive.cairo');
  assert.equal(scopeOf(src, 'Shape'), 'entity.name.type.enum.cairo');
  assert.equal(scopeOf(src, 'Area'), 'entity.name.type.trait.cairo');
  assert.equal(scopeOf(src, 'PointArea'), 'entity.name.type.impl.cairo');
  assert.equal(scopeOf(src, 'of'), 'keyword.other.of.cairo');
  assert.equal(scopeOf(src, 'area'), 'entity.name.function.cairo');
  assert.equal(scopeOf(src, 'fn'), 'storage.type.function.cairo');
  assert.equal(scopeOf(src, '@'), 'keyword.operator.cairo');
  assert.equal(scopeOf(src, 'self'), 'variable.language.self.cairo');
  assert.equal(scopeOf(src, 'mut'), 'storage.modifier.cairo');
  assert.equal(scopeOf(src, '0x10_u64'), 'constant.numeric.hex.cairo');
  assert.equal(scopeOf(src, '3_u8'), 'constant.numeric.decimal.cairo');
  assert.equal(scopeOf(src, 'match'), 'keyword.control.flow.cairo');
  assert.equal(scopeOf(src, '::'), 'punctuation.separator.namespace.cairo');
  assert.equal(scopeOf(src, '=>'), 'keyword.operator.arrow.fat.cairo');
  assert.equal(scopeOf(src, 'println'), 'entity.name.function.macro.cairo');
  assert.equal(scopeOf(src, 'loop'), 'keyword.control.flow.cairo');
  assert.equal(scopeOf(src, 'true'), 'constant.language.boolean.cairo');
  assert.equal(scopeOf(src, 'helpers'), 'entity.name.module.cairo');
});

test('every Cairo 1 program of the fixtures tokenises, every token scoped, no rule left open', () => {
  const dir = path.join(root, 'test', 'cairo1', 'programs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cairo'));
  assert.ok(files.length >= 40);
  for (const f of files) {
    let state: StateStack = INITIAL;
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        // only blanks and the few bracket characters may be left with the file's scope alone
        if (t.scopes.length === 1) assert.match(text, /^[\s(){}\[\]]*$/, `${f}: unscoped ${JSON.stringify(text)} in ${JSON.stringify(line)}`);
      }
      state = r.ruleStack;
    }
    assert.deepEqual(grammar.tokenizeLine('x', state).tokens[0].scopes, ['source.cairo', 'variable.other.cairo'], f);
  }
});
