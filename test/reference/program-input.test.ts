// --program_input as Python's json reads it: integers past 2^53 keep every digit on their way to
// the hints (a JS number would round them). Differential: a Python hint writes the input's
// numbers to the output, and Cairn (bridging the hint to the reference's Python) prints what
// cairo-run prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCairo, cairoRun, referencePython } from '../support/reference';
import { runCommand } from '../../src/cli/run';
import { parseRunArgs } from '../../src/cli/args';
import { parsePreciseJson } from '../../src/runner/precise-json';

const SOURCE = `
%builtins output
from starkware.cairo.common.serialize import serialize_word

func main{output_ptr: felt*}() {
    alloc_locals;
    local a;
    local b;
    local c;
    local d;
    %{
        ids.a = program_input["big"]
        ids.b = program_input["list"][1] % PRIME
        ids.c = program_input["nested"]["n"]
        ids.d = int(program_input["f"] * 4) + len(program_input["s"])
    %}
    serialize_word(a);
    serialize_word(b);
    serialize_word(c);
    serialize_word(d);
    return ();
}
`;

const INPUT = '{"big": 3618502788666131213697322783095070105623107215331596699973092056135872020480, "list": [1, -9007199254740993], "nested": {"n": 9007199254740993}, "f": 1.5e0, "s": "12345678901234567890"}';

test('parsePreciseJson keeps big integers whole and leaves strings and floats alone', () => {
  const j = parsePreciseJson(INPUT) as Record<string, unknown>;
  assert.equal(j.big, 3618502788666131213697322783095070105623107215331596699973092056135872020480n);
  assert.deepEqual(j.list, [1, -9007199254740993n]);
  assert.deepEqual(j.nested, { n: 9007199254740993n });
  assert.equal(j.f, 1.5);
  assert.equal(j.s, '12345678901234567890');
  assert.throws(() => parsePreciseJson('{"a": 12345678901234567890,}'), SyntaxError);
});

test('--program_input integers past 2^53 reach the hints exactly as in cairo-run', () => {
  const program = compileCairo(SOURCE, { name: 'input_big.cairo' });
  const input = join(mkdtempSync(join(tmpdir(), 'cairn-input-')), 'input.json');
  writeFileSync(input, INPUT);
  const args = ['--layout', 'small', '--print_output', '--program_input', input];
  const ref = cairoRun(program, args);
  assert.equal(ref.code, 0, ref.stderr);
  let out = '';
  let err = '';
  const code = runCommand(parseRunArgs(['--program', program, ...args, '--python', referencePython()]), { out: (t) => (out += t), err: (t) => (err += t) });
  assert.equal(err, ref.stderr);
  assert.equal(code, 0);
  assert.equal(out, ref.stdout);
  assert.match(out, /9007199254740993/);
});
