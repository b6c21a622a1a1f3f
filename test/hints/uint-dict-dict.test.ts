// The dict hints (dict.cairo, default_dict.cairo, squash_dict.cairo) and the DictManager:
// corpus programs byte for byte, the corpus error programs, and each hint on a small VM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHint, normalizeHintCode } from '../../src/hints/hint';
import { DictManager, PyDict } from '../../src/hints/families/uint-dict/dict-manager';
import { Memory } from '../../src/vm/memory';
import { Relocatable } from '../../src/vm/relocatable';
import { expectFailure, expectMatch } from '../support/expect-match';
import { bench, raises } from './uint-dict-support';
import { knownHintCodes } from '../support/hint-codes';

for (const name of ['examples/dict_counter', 'dict', 'dict_update', 'dict_store_cast_ptr', 'dict_squash', 'squash_dict', 'dict_integration_tests']) {
  test(`corpus: ${name} matches the reference`, () => expectMatch(name));
}

test('error: bad_dict_new (dict_new without initial_dict) raises NameError', () =>
  expectFailure('bad_dict_new', "NameError: name 'initial_dict' is not defined"));

test('error: bad_dict_update (wrong prev_value) raises AssertionError', () =>
  expectFailure('bad_dict_update', 'AssertionError: Wrong previous value in dict. Got 3, expected 5.'));

// Every code string of the family found in the whitelists and the corpus programs is registered.
for (const [family, pattern] of [['dict', /dict_manager|DictManager|squash_dict|dict_tracker|access_indices|current_access/], ['uint256', /uint256|Uint256|split_64|ids\.low|ids\.high/]] as const) {
  test(`every ${family} hint of the whitelists and corpus programs is registered`, () => {
    const codes = knownHintCodes().filter((c) => pattern.test(c));
    assert.ok(codes.length >= 10, `only ${codes.length} ${family} hints found`);
    for (const code of codes) assert.ok(findHint(code), `not registered:\n${normalizeHintCode(code)}`);
  });
}

const DEFAULT_DICT_NEW = String.raw`
if '__dict_manager' not in globals():
    from starkware.cairo.common.dict import DictManager
    __dict_manager = DictManager()

memory[ap] = __dict_manager.new_default_dict(segments, ids.default_value)
`;
const DICT_NEW = String.raw`
if '__dict_manager' not in globals():
    from starkware.cairo.common.dict import DictManager
    __dict_manager = DictManager()

memory[ap] = __dict_manager.new_dict(segments, initial_dict)
del initial_dict
`;
const DICT_READ = String.raw`
dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
dict_tracker.current_ptr += ids.DictAccess.SIZE
ids.value = dict_tracker.data[ids.key]
`;
const DICT_WRITE = String.raw`
dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
dict_tracker.current_ptr += ids.DictAccess.SIZE
ids.dict_ptr.prev_value = dict_tracker.data[ids.key]
dict_tracker.data[ids.key] = ids.new_value
`;
const DICT_UPDATE = String.raw`
# Verify dict pointer and prev value.
dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
current_value = dict_tracker.data[ids.key]
assert current_value == ids.prev_value, \
    f'Wrong previous value in dict. Got {ids.prev_value}, expected {current_value}.'

# Update value.
dict_tracker.data[ids.key] = ids.new_value
dict_tracker.current_ptr += ids.DictAccess.SIZE
`;
const DICT_SQUASH_COPY = String.raw`
# Prepare arguments for dict_new. In particular, the same dictionary values should be copied
# to the new (squashed) dictionary.
vm_enter_scope({
    # Make __dict_manager accessible.
    '__dict_manager': __dict_manager,
    # Create a copy of the dict, in case it changes in the future.
    'initial_dict': dict(__dict_manager.get_dict(ids.dict_accesses_end)),
})
`;
const DICT_SQUASH_END = String.raw`
# Update the DictTracker's current_ptr to point to the end of the squashed dict.
__dict_manager.get_tracker(ids.squashed_dict_start).current_ptr = \
    ids.squashed_dict_end.address_
`;
const SQUASH_DICT = String.raw`
dict_access_size = ids.DictAccess.SIZE
address = ids.dict_accesses.address_
assert ids.ptr_diff % dict_access_size == 0, \
    'Accesses array size must be divisible by DictAccess.SIZE'
n_accesses = ids.n_accesses
if '__squash_dict_max_size' in globals():
    assert n_accesses <= __squash_dict_max_size, \
        f'squash_dict() can only be used with n_accesses<={__squash_dict_max_size}. ' \
        f'Got: n_accesses={n_accesses}.'
# A map from key to the list of indices accessing it.
access_indices = {}
for i in range(n_accesses):
    key = memory[address + dict_access_size * i]
    access_indices.setdefault(key, []).append(i)
# Descending list of keys.
keys = sorted(access_indices.keys(), reverse=True)
# Are the keys used bigger than range_check bound.
ids.big_keys = 1 if keys[0] >= range_check_builtin.bound else 0
ids.first_key = key = keys.pop()
`;
const FIRST_ITERATION = String.raw`
current_access_indices = sorted(access_indices[key])[::-1]
current_access_index = current_access_indices.pop()
memory[ids.range_check_ptr] = current_access_index
`;
const NEXT_ACCESS = String.raw`
new_access_index = current_access_indices.pop()
ids.loop_temps.index_delta_minus1 = new_access_index - current_access_index - 1
current_access_index = new_access_index
`;

/** A VM whose segment 2 is a default dict (default 0) made by default_dict_new. */
function withDefaultDict(vars: Record<string, bigint | Relocatable | undefined> = {}) {
  const b = bench({ default_value: 0n, dict_ptr: undefined, key: undefined, value: undefined, new_value: undefined, prev_value: undefined, ...vars }, {
    members: { 'dict_ptr.prev_value': { ptr: 'dict_ptr', offset: 1 } },
  });
  b.run(DEFAULT_DICT_NEW);
  const m = b.vm.scope.get('__dict_manager');
  assert.ok(m instanceof DictManager);
  return { ...b, m, base: b.mem.readAt(b.vm.apValue()) as Relocatable };
}

test('default_dict_new: creates __dict_manager in the scope once and writes the new segment at ap', () => {
  const b = withDefaultDict();
  assert.deepEqual(b.base, new Relocatable(2, 0));
  assert.equal(b.m.trackers.get(2)?.data.defaultValue, 0);
  b.vm.setAp(b.vm.apValue().add(1));
  b.run(DEFAULT_DICT_NEW);
  assert.equal(b.vm.scope.get('__dict_manager'), b.m, 'the existing manager is reused');
  assert.deepEqual(b.mem.readAt(b.vm.apValue()), new Relocatable(3, 0));
  assert.deepEqual([...b.m.trackers.keys()], [2, 3]);
});

test('dict_read: a default dict gives (and stores) the default, the tracker moves by DictAccess.SIZE', () => {
  const b = withDefaultDict();
  b.mem.writeAt(b.addr('dict_ptr'), b.base);
  b.mem.writeAt(b.addr('key'), 7);
  b.run(DICT_READ);
  assert.equal(b.get('value'), 0);
  assert.deepEqual(b.m.trackers.get(2)!.currentPtr, new Relocatable(2, 3));
  assert.deepEqual(b.m.listDicts(), [{ segment: 2, currentPtr: '2:3', defaultValue: '0', entries: [{ key: '7', value: '0' }] }]);
  assert.equal(b.vm.scope.get('dict_tracker'), b.m.trackers.get(2));
});

test('dict_read: a stale pointer and a pointer outside any dict raise like get_tracker', () => {
  const b = withDefaultDict({ other: undefined });
  b.m.trackers.get(2)!.currentPtr = new Relocatable(2, 3);
  b.mem.writeAt(b.addr('dict_ptr'), b.base);
  b.mem.writeAt(b.addr('key'), 1);
  raises(() => b.run(DICT_READ), 'AssertionError', 'Wrong dict pointer supplied. Got 2:0, expected 2:3.');
  const c = withDefaultDict();
  c.mem.writeAt(c.addr('dict_ptr'), new Relocatable(1, 0));
  c.mem.writeAt(c.addr('key'), 1);
  raises(() => c.run(DICT_READ), 'ValueError', 'Dictionary pointer 1:0 was not created using dict_new().');
});

test('dict_new: NameError without initial_dict; with it, copies the entries and deletes initial_dict', () => {
  const b = bench({});
  raises(() => b.run(DICT_NEW), 'NameError', "name 'initial_dict' is not defined");
  assert.ok(b.vm.scope.get('__dict_manager') instanceof DictManager, 'the manager is created before initial_dict is read');
  const init = new PyDict();
  init.set(5n, 10);
  b.vm.scope.set('initial_dict', init);
  b.run(DICT_NEW);
  assert.equal(b.vm.scope.has('initial_dict'), false);
  const base = b.mem.readAt(b.vm.apValue()) as Relocatable;
  const m = b.vm.scope.get('__dict_manager') as DictManager;
  assert.deepEqual(m.listDicts(), [{ segment: base.segment, currentPtr: `${base.segment}:0`, entries: [{ key: '5', value: '10' }] }]);
});

test('dict_read on a plain dict: a missing key raises KeyError', () => {
  const b = bench({ dict_ptr: undefined, key: 9n, value: undefined });
  b.vm.scope.set('initial_dict', new PyDict());
  b.run(DICT_NEW);
  b.mem.writeAt(b.addr('dict_ptr'), b.mem.readAt(b.vm.apValue()));
  raises(() => b.run(DICT_READ), 'KeyError', '9');
});

test('dict_write: writes prev_value into the DictAccess and the new value into the dict', () => {
  const b = withDefaultDict({ key: 4n, new_value: 11n });
  b.mem.writeAt(b.addr('dict_ptr'), b.base);
  b.run(DICT_WRITE);
  assert.equal(b.mem.getAt(b.base.add(1)), 0, 'prev_value = default');
  assert.equal(b.m.getDict(b.base.add(3)).get(4n), 11);
});

test('dict_update: checks prev_value and updates', () => {
  const b = withDefaultDict({ key: 2n, prev_value: 0n, new_value: 5n });
  b.mem.writeAt(b.addr('dict_ptr'), b.base);
  b.run(DICT_UPDATE);
  assert.equal(b.m.getDict(b.base.add(3)).get(2n), 5);
  assert.equal(b.vm.scope.get('current_value'), 0);
  const c = withDefaultDict({ key: 2n, prev_value: 3n, new_value: 4n });
  c.mem.writeAt(c.addr('dict_ptr'), c.base);
  c.m.trackers.get(2)!.data.set(2n, 5);
  raises(() => c.run(DICT_UPDATE), 'AssertionError', 'Wrong previous value in dict. Got 3, expected 5.');
  assert.deepEqual(c.m.trackers.get(2)!.currentPtr, c.base, 'no update after a failed check');
});

test('dict_squash: a plain copy of the dict in a new scope, then the squashed tracker end is set', () => {
  const b = withDefaultDict({ dict_accesses_end: undefined, squashed_dict_start: undefined, squashed_dict_end: undefined });
  b.m.trackers.get(2)!.data.set(1n, 8);
  b.m.trackers.get(2)!.currentPtr = b.base.add(3);
  b.mem.writeAt(b.addr('dict_accesses_end'), b.base.add(3));
  const outer = b.vm.scope;
  b.run(DICT_SQUASH_COPY);
  assert.notEqual(b.vm.scope, outer);
  assert.equal(b.vm.scope.get('__dict_manager'), b.m);
  const copy = b.vm.scope.get('initial_dict') as PyDict;
  assert.equal(copy.defaultValue, undefined, 'dict(defaultdict) is a plain dict');
  raises(() => copy.get(2n), 'KeyError', '2');
  b.vm.setAp(b.vm.apValue().add(1));
  b.run(DICT_NEW);
  const squashed = b.mem.readAt(b.vm.apValue()) as Relocatable;
  assert.equal(b.m.getDict(squashed).get(1n), 8);
  b.vm.exitScope();
  b.mem.writeAt(b.addr('squashed_dict_start'), squashed);
  b.mem.writeAt(b.addr('squashed_dict_end'), squashed.add(3));
  b.run(DICT_SQUASH_END);
  assert.deepEqual(b.m.trackers.get(squashed.segment)!.currentPtr, squashed.add(3));
});

test('dict_squash: NameError without __dict_manager', () => {
  const b = bench({ dict_accesses_end: new Relocatable(1, 0) });
  raises(() => b.run(DICT_SQUASH_COPY), 'NameError', "name '__dict_manager' is not defined");
});

/** A VM with DictAccess records (key, prev, new) in segment 2 and squash_dict's ids. */
function squashBench(accesses: [bigint, bigint, bigint][]) {
  const b = bench(
    {
      dict_accesses: new Relocatable(2, 0),
      ptr_diff: BigInt(accesses.length * 3),
      n_accesses: BigInt(accesses.length),
      big_keys: undefined,
      first_key: undefined,
      range_check_ptr: new Relocatable(3, 0),
      should_skip_loop: undefined,
      loop_temps: new Relocatable(4, 0),
      n_used_accesses: undefined,
    },
    {
      extraSegments: 3,
      members: {
        'loop_temps.index_delta_minus1': { ptr: 'loop_temps', offset: 0 },
        'loop_temps.should_continue': { ptr: 'loop_temps', offset: 3 },
      },
    },
  );
  accesses.forEach((a, i) => a.forEach((v, j) => b.mem.writeAt(new Relocatable(2, 3 * i + j), Number(v))));
  return b;
}

test('squash_dict: access indices by key, keys descending, the smallest key first', () => {
  const b = squashBench([[5n, 0n, 1n], [3n, 0n, 1n], [5n, 1n, 2n], [9n, 0n, 4n]]);
  b.run(SQUASH_DICT);
  assert.equal(b.get('big_keys'), 0);
  assert.equal(b.get('first_key'), 3);
  assert.deepEqual(b.vm.scope.get('keys'), [9n, 5n]);
  assert.equal(b.vm.scope.get('key'), 3n);
  assert.deepEqual([...(b.vm.scope.get('access_indices') as Map<bigint, bigint[]>)], [[5n, [0n, 2n]], [3n, [1n]], [9n, [3n]]]);
  // Key 3: one access.
  b.run(FIRST_ITERATION);
  assert.equal(b.mem.getAt(new Relocatable(3, 0)), 1);
  b.run('ids.should_skip_loop = 0 if current_access_indices else 1');
  assert.equal(b.get('should_skip_loop'), 1);
  b.run('assert len(current_access_indices) == 0');
  b.mem.writeAt(b.addr('n_used_accesses'), 1);
  b.run('assert ids.n_used_accesses == len(access_indices[key])');
  // Key 5: accesses 0 and 2.
  b.vm.scope.set('key', (b.vm.scope.get('keys') as bigint[]).pop());
  b.reset('range_check_ptr', new Relocatable(3, 1));
  b.run(FIRST_ITERATION);
  assert.equal(b.mem.getAt(new Relocatable(3, 1)), 0);
  raises(() => b.run('assert len(current_access_indices) == 0'), 'AssertionError', '');
  b.run(NEXT_ACCESS);
  assert.equal(b.mem.getAt(new Relocatable(4, 0)), 1, 'index_delta_minus1 = 2 - 0 - 1');
  assert.equal(b.vm.scope.get('current_access_index'), 2n);
  b.run('ids.loop_temps.should_continue = 1 if current_access_indices else 0');
  assert.equal(b.mem.getAt(new Relocatable(4, 3)), 0);
  raises(() => b.run(NEXT_ACCESS), 'IndexError', 'pop from empty list');
});

test('squash_dict: keys at or above the range-check bound set big_keys', () => {
  const b = squashBench([[1n << 128n, 0n, 0n], [2n, 0n, 0n]]);
  b.run(SQUASH_DICT);
  assert.equal(b.get('big_keys'), 1);
  assert.equal(b.get('first_key'), 2);
});

test('squash_dict: the size checks raise the reference messages', () => {
  const b = squashBench([[1n, 0n, 0n]]);
  b.reset('ptr_diff', 4n);
  raises(() => b.run(SQUASH_DICT), 'AssertionError', 'Accesses array size must be divisible by DictAccess.SIZE');
  const c = squashBench([[1n, 0n, 0n], [2n, 0n, 0n]]);
  c.vm.scope.set('__squash_dict_max_size', 1n);
  raises(() => c.run(SQUASH_DICT), 'AssertionError', 'squash_dict() can only be used with n_accesses<=1. Got: n_accesses=2.');
  const d = squashBench([[1n, 0n, 0n]]);
  d.run(SQUASH_DICT);
  d.mem.writeAt(d.addr('n_used_accesses'), 2);
  raises(() => d.run('assert ids.n_used_accesses == len(access_indices[key])'), 'AssertionError', '');
  d.vm.scope.set('key', 7n);
  raises(() => d.run(FIRST_ITERATION), 'KeyError', '7');
});

test('DictManager: new_dict turns list values into segments (gen_arg)', () => {
  const mem = new Memory();
  const m = new DictManager();
  const base = m.newDict(mem, new Map([[1, [4n, 5n]]]));
  const v = m.getDict(base).get(1n) as Relocatable;
  assert.deepEqual([mem.getAt(v), mem.getAt(v.add(1))], [4, 5]);
  assert.ok(base.segment < v.segment, 'the dict segment is added first');
  const t = m.newDefaultDict(mem, 0, true);
  assert.ok(t.segment < 0, 'temp_segment=True uses a temporary segment');
});
