// Programs with hints of their own (no TypeScript implementation): run through the Python bridge
// in the reference's cairo-lang, each must match cairo-run byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectSameRun, expectSameFailure, runBoth } from './support';

const INPUT_PRINT = `
%builtins output range_check
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.math import assert_nn

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    local a;
    local n;
    %{
        ids.a = program_input['a']
        ids.n = len(program_input['xs'])
        xs = program_input['xs']
        print('a is', ids.a, 'at step', current_step, 'pc', pc, 'ap - fp', ap - fp)
    %}
    let (p: felt*) = alloc();
    %{ segments.write_arg(ids.p, xs) %}
    assert_nn(a);
    assert [output_ptr] = a + [p] + [p + 2];
    let output_ptr = output_ptr + 1;
    return ();
}
`;

test('program_input, print, ids and segments.write_arg in Python match cairo-run', () => {
  const b = expectSameRun({ source: INPUT_PRINT, input: { a: 7, xs: [1, 2, 3] } });
  assert.match(b.cairn.stdout, /^a is 7 at step \d+ pc 0:\d+ ap - fp 2\n/);
});

const SCOPES = `
%builtins output
func loop{output_ptr: felt*}(i) {
    if (i == 0) {
        return ();
    }
    %{
        total += ids.i
        memory[ids.output_ptr] = total
        seen.append(ids.i)
    %}
    let output_ptr = output_ptr + 1;
    return loop(i - 1);
}

func main{output_ptr: felt*}() {
    %{ vm_enter_scope({'total': 100, 'seen': []}) %}
    loop(4);
    %{
        print('seen', seen, 'total', total)
        vm_exit_scope()
    %}
    %{ print('outer sees total:', 'total' in globals()) %}
    return ();
}
`;

test('vm_enter_scope / vm_exit_scope and scope variables across hints match cairo-run', () => {
  const b = expectSameRun({ source: SCOPES });
  assert.match(b.cairn.stdout, /seen \[4, 3, 2, 1\] total 110\nouter sees total: False/);
});

const MEMORY = `
%builtins output
from starkware.cairo.common.alloc import alloc

func main{output_ptr: felt*}() {
    alloc_locals;
    local base: felt*;
    local tmp: felt*;
    %{
        ids.base = segments.add()
        for i in range(5):
            memory[ids.base + i] = i * i + PRIME - 1
        ids.tmp = segments.add_temp_segment()
        memory[ids.tmp] = 42
        assert memory.get_range(ids.base, 5)[2] == 3
        assert ids.base + 5 not in memory
        memory[ap] = to_felt_or_relocatable(fsub(7, 9))
    %}
    tempvar w;
    assert [output_ptr] = w;
    assert [output_ptr + 1] = base[3];
    assert [output_ptr + 2] = [tmp];
    %{ memory.add_relocation_rule(src_ptr=ids.tmp, dest_ptr=segments.add()) %}
    let output_ptr = output_ptr + 3;
    return ();
}
`;

test('memory writes, new and temporary segments, get_range in Python match cairo-run', () => {
  expectSameRun({ source: MEMORY });
});

const RAISES = `
func f(x) -> felt {
    %{
        def check(v):
            assert v < 3, f'too big: {v}'
        print('checking', ids.x)
        check(ids.x)
    %}
    return x + 1;
}

func main() {
    let y = f(1);
    let z = f(5);
    return ();
}
`;

test('an exception in a Python hint is reported as cairo-run reports it (traceback in the Cairo file)', () => {
  const b = expectSameFailure({ source: RAISES });
  assert.match(b.cairn.stderr, /File "prog.cairo", line 7, in <module>\n {2}File "prog.cairo", line 5, in check\nAssertionError: too big: 5/);
});

const INCONSISTENT = `
func main() {
    [ap] = 5, ap++;
    %{ memory[ap - 1] = 6 %}
    ret;
}
`;

test('an inconsistent memory write from a Python hint fails as in cairo-run', () => {
  const b = expectSameFailure({ source: INCONSISTENT });
  assert.match(b.cairn.stderr, /InconsistentMemoryError: Inconsistent memory assignment at address 1:\d+\. 5 != 6\./);
});

test('--no_python_hints: an unknown hint stops the run and says the bridge is off', () => {
  const b = runBoth({ source: INPUT_PRINT, input: { a: 7, xs: [1, 2, 3] }, cairnFlags: ['--no_python_hints'] });
  assert.equal(b.cairn.code, 1);
  assert.match(b.cairn.stderr, /Unknown hint \(Cairn has no implementation for it\)[\s\S]*The Python hint bridge is off/);
});
