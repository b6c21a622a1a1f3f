// merkle_update.cairo's hints, in a program of our own whose hint binds `auth_path` (a Python
// hint: it runs through the bridge, and the TypeScript hints pop the list it left in the scope),
// compiled and run by the reference and by Cairn.
import { test } from 'node:test';
import { expectReferenceMatch } from '../../support/expect-match';

test('merkle_update over a path of height 3, left and right turns', () => {
  expectReferenceMatch(`%builtins output pedersen
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.merkle_update import merkle_update
from starkware.cairo.common.serialize import serialize_word
func main{output_ptr: felt*, pedersen_ptr: HashBuiltin*}() {
    alloc_locals;
    %{ auth_path = [11, 22, 33] %}
    let hash_ptr = pedersen_ptr;
    let (prev_root, new_root) = merkle_update{hash_ptr=hash_ptr}(3, 100, 200, 5);
    let pedersen_ptr = hash_ptr;
    serialize_word(prev_root);
    serialize_word(new_root);
    return ();
}
`);
});

test('merkle_update with a path longer than the tree fails in the hint', () => {
  const { outcome } = expectReferenceMatch(`%builtins pedersen
from starkware.cairo.common.cairo_builtins import HashBuiltin
from starkware.cairo.common.merkle_update import merkle_update
func main{pedersen_ptr: HashBuiltin*}() {
    %{ auth_path = [1, 2, 3] %}
    let hash_ptr = pedersen_ptr;
    let (prev_root, new_root) = merkle_update{hash_ptr=hash_ptr}(2, 100, 200, 1);
    let pedersen_ptr = hash_ptr;
    return ();
}
`, { status: 'error' });
  if (!/Got too many values in auth_path\./.test(outcome.error ?? '')) throw new Error(outcome.error);
});
