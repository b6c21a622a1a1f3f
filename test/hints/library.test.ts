// Coverage of cairo-lang's own library hints (the 0.14 sources the reference installs): each is
// implemented in TypeScript, or named below as left to the Python hint bridge. A name on the list
// that is implemented (or no longer in the library) fails the test, so the list only shrinks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHint } from '../../src/hints/hint';
import '../../src/hints/all';
import { libraryHints, implemented } from './library-hints';

const has = (c: string) => findHint(c) !== undefined;

/**
 * Library hints with no TypeScript implementation, by their first line: they run in Python through
 * the hint bridge. merkle_multi_update, small_merkle_tree and patricia walk Python objects the
 * program's own hints make (preimage dicts, update trees, descent maps).
 */
const LEFT: string[] = [
  'from starkware.python.merkle_tree import build_update_tree', // merkle_multi_update.cairo
  'if ids.height == 0:', // merkle_multi_update.cairo
  'vm_enter_scope(dict(', // merkle_multi_update.cairo
  'memory[ap] = int(case != \'left\')', // merkle_multi_update.cairo, patricia.cairo, patricia_with_sponge.cairo
  'vm_enter_scope(dict(', // merkle_multi_update.cairo
  'assert case == \'leaf\'', // merkle_multi_update.cairo
  'assert case == \'both\'', // merkle_multi_update.cairo
  'ids.edge = segments.add()', // patricia.cairo, patricia_with_sponge.cairo
  'from starkware.python.merkle_tree import decode_node', // patricia.cairo, patricia_with_sponge.cairo
  'vm_enter_scope(dict(node=left_child, **common_args))', // patricia.cairo, patricia_with_sponge.cairo
  'vm_enter_scope(dict(node=right_child, **common_args))', // patricia.cairo, patricia_with_sponge.cairo
  'descend = descent_map.get((ids.height, ids.path))', // patricia.cairo, patricia_with_sponge.cairo
  'ids.child_bit = 0 if case == \'left\' else 1', // patricia.cairo, patricia_with_sponge.cairo
  'memory[ids.siblings], ids.word = descend', // patricia.cairo, patricia_with_sponge.cairo
  'new_node = node', // patricia.cairo, patricia_with_sponge.cairo
  'ids.bit = (ids.edge.path >> ids.new_length) & 1', // patricia.cairo, patricia_with_sponge.cairo
  'from starkware.python.merkle_tree import decode_node', // patricia.cairo, patricia_with_sponge.cairo
  'memory[ap] = int(case == \'right\') ^ ids.bit', // patricia.cairo, patricia_with_sponge.cairo
  'new_node = left_child if ids.bit == 0 else right_child', // patricia.cairo, patricia_with_sponge.cairo
  'new_node = left_child if ids.bit == 1 else right_child', // patricia.cairo, patricia_with_sponge.cairo
  'ids.hash_ptr.x, ids.hash_ptr.y = preimage[ids.edge.bottom]', // patricia.cairo, patricia_with_sponge.cairo
  'ids.length, ids.word = descend', // patricia.cairo, patricia_with_sponge.cairo
  'from starkware.python.merkle_tree import decode_node', // patricia.cairo, patricia_with_sponge.cairo
  'assert case == \'right\'', // patricia.cairo, patricia_with_sponge.cairo
  'memory[ap] = 1 if ids.height == 0 or len(preimage[ids.node]) == 2 else 0', // patricia.cairo, patricia_with_sponge.cairo
  'from starkware.cairo.common.patricia_utils import canonic, patricia_guess_descents', // patricia.cairo, patricia_with_sponge.cairo
  'vm_enter_scope(dict(node=node, **common_args))', // patricia.cairo, patricia_with_sponge.cairo
  'vm_enter_scope({\'__dict_manager\': __dict_manager})', // small_merkle_tree.cairo
  '# Compute the roots and the preimage dictionary.', // small_merkle_tree.cairo
];

test('cairo-lang 0.14 common library hints are implemented', () => {
  const hints = libraryHints(['starkware/cairo/common']);
  const missing = hints.filter((h) => !implemented(h, has));
  console.log(`library hints: ${hints.length - missing.length} of ${hints.length} implemented`);
  const firstLines = missing.map((h) => h.code.split('\n')[0]);
  for (const m of missing) if (!LEFT.includes(m.code.split('\n')[0])) console.log(`--- ${m.files.join(', ')}\n${m.code}`);
  assert.deepEqual(firstLines.sort(), [...LEFT].sort());
});

test('cairo-lang 0.14 builtin selection hints (the bootloader library the reference installs) are implemented', () => {
  const hints = libraryHints(['starkware/cairo/builtin_selection']);
  const missing = hints.filter((h) => !implemented(h, has));
  console.log(`builtin selection hints: ${hints.length - missing.length} of ${hints.length} implemented`);
  assert.deepEqual(missing.map((h) => h.code), []);
});
