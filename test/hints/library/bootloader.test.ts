// Hints of cairo-lang's bootloader library that run in TypeScript: builtin selection, through
// select_builtins of the installed reference, compiled and run by the reference and by Cairn.
import { test } from 'node:test';
import { expectReferenceMatch } from '../../support/expect-match';

test('select_builtins copies the pointers of the selected builtins', () => {
  expectReferenceMatch(`%builtins output
from starkware.cairo.common.alloc import alloc
from starkware.cairo.builtin_selection.select_builtins import select_builtins
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*}() {
    alloc_locals;
    let (all_encodings) = alloc();
    assert all_encodings[0] = 10;
    assert all_encodings[1] = 20;
    assert all_encodings[2] = 30;
    assert all_encodings[3] = 40;
    let (all_ptrs) = alloc();
    assert all_ptrs[0] = 100;
    assert all_ptrs[1] = 200;
    assert all_ptrs[2] = 300;
    assert all_ptrs[3] = 400;
    let (selected_encodings) = alloc();
    assert selected_encodings[0] = 20;
    assert selected_encodings[1] = 40;
    let (selected_ptrs) = alloc();
    select_builtins(4, all_encodings, all_ptrs, 2, selected_encodings, selected_ptrs);
    serialize_word(selected_ptrs[0]);
    serialize_word(selected_ptrs[1]);
    return ();
}
`);
});
