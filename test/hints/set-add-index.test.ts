// SET_ADD keeps an index of the set between calls (memory is write-once): a program of our own
// adds pairs with many repeats, also to a second set in the same segment layout, and must print
// what cairo-run prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../../src/runner/launch';
import { compileCairo, cairoRun } from '../support/reference';

const source = `%builtins output range_check
from starkware.cairo.common.alloc import alloc
from starkware.cairo.common.set import set_add
from starkware.cairo.common.math import unsigned_div_rem
from starkware.cairo.common.serialize import serialize_word

func fill{range_check_ptr, set_end_ptr: felt*}(set_ptr: felt*, i: felt, n: felt, m: felt) {
    alloc_locals;
    if (i == n) {
        return ();
    }
    let (local elm: felt*) = alloc();
    // Pairs (i mod m, 7): the first m are new, every later one is already in the set.
    let (q, r) = unsigned_div_rem(i, m);
    assert elm[0] = r;
    assert elm[1] = 7;
    set_add(set_ptr=set_ptr, elm_size=2, elm_ptr=elm);
    return fill(set_ptr, i + 1, n, m);
}

func main{output_ptr: felt*, range_check_ptr}() {
    alloc_locals;
    let (local a: felt*) = alloc();
    let set_end_ptr = a;
    with set_end_ptr {
        fill(a, 0, 60, 9);
    }
    serialize_word((set_end_ptr - a) / 2);
    let (local b: felt*) = alloc();
    let set_end_ptr = b;
    with set_end_ptr {
        fill(b, 0, 40, 13);
        fill(b, 0, 5, 3);
    }
    serialize_word((set_end_ptr - b) / 2);
    return ();
}
`;

test('set_add with repeated elements: the same sets as cairo-run', () => {
  const path = compileCairo(source, { name: 'set_add_index.cairo' });
  const run = launch({ program: path, layout: 'small' });
  run.runner.runToEnd();
  run.finish();
  const outputs = (run.runner.output() ?? []).map(String);
  assert.deepEqual(outputs, ['9', '13']);
  const ref = cairoRun(path, ['--layout', 'small', '--print_output']);
  assert.equal(ref.code, 0, ref.stderr);
  assert.match(ref.stdout, /Program output:\s+9\s+13\s/);
});
