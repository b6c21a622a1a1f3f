// Scope variables shared by TypeScript and Python hints. A custom hint that reads or writes a
// name a library hint uses (initial_dict, __dict_manager, memcpy's n) pulls that library hint
// into Python with it, so the object lives on one side; scopes entered on either side are
// mirrored with their plain-data variables converted. Each program must match cairo-run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCairo } from '../support/reference';
import { launch } from '../../src/runner/launch';
import { expectSameRun, bridgePython } from './support';

const DICT = `
%builtins output
from starkware.cairo.common.dict import dict_new, dict_read, dict_write
from starkware.cairo.common.dict_access import DictAccess

func main{output_ptr: felt*}() {
    alloc_locals;
    %{ initial_dict = {1: 10, 2: 20} %}
    let (d: DictAccess*) = dict_new();
    let (v) = dict_read{dict_ptr=d}(key=2);
    dict_write{dict_ptr=d}(key=1, new_value=v + 5);
    %{
        data = __dict_manager.get_tracker(ids.d).data
        print('dict:', sorted(data.items()))
        memory[ids.output_ptr] = data[1]
    %}
    let output_ptr = output_ptr + 1;
    return ();
}
`;

test('a dict made by library hints and read by a custom hint (DictManager shared): same run as cairo-run', () => {
  const b = expectSameRun({ source: DICT });
  assert.match(b.cairn.stdout, /dict: \[\(1, 25\), \(2, 20\)\]/);
});

test('the library dict hints that share __dict_manager / initial_dict with custom ones are bridged too', () => {
  const run = launch({ program: compileCairo(DICT), layout: 'small', python: { python: bridgePython(), print: () => {} } });
  try {
    const py = run.runner.python!;
    assert.equal(py.unknown, 2);
    // dict_new (reads initial_dict, writes __dict_manager), dict_read and dict_write (read it).
    assert.ok(py.claimed >= 5, `claimed ${py.claimed}`);
    assert.match(py.summary() ?? '', /hints run in Python \(2 without a TypeScript implementation, \d+ sharing scope variables with them\)/);
  } finally {
    run.runner.close();
  }
});

const MEMCPY = `
%builtins output
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.memcpy import memcpy

func main{output_ptr: felt*}() {
    alloc_locals;
    let (src: felt*) = alloc();
    assert src[0] = 4;
    assert src[1] = 5;
    assert src[2] = 6;
    %{ vm_enter_scope({'label': 'outer', 'ptr': ids.src}) %}
    memcpy(output_ptr, src, 3);
    %{
        print('in', label, 'at', ptr)
        vm_exit_scope()
    %}
    let output_ptr = output_ptr + 3;
    return ();
}
`;

test('scopes entered by TypeScript hints (memcpy) inside a scope entered by a Python hint: same run as cairo-run', () => {
  const b = expectSameRun({ source: MEMCPY });
  assert.match(b.cairn.stdout, /in outer at \d+:0/);
});
