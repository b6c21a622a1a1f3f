// Hints of common/squash_dict.cairo. squash_dict runs in its own exec scope, where the hints
// keep the loop state as Python locals:
//   access_indices: Map<key, bigint[]>  (key -> indices of the accesses to it, ascending)
//   keys: key[]                         (keys still to squash, descending; pop() gives the smallest)
//   key                                 (the key being squashed)
//   current_access_indices: bigint[]    (accesses of `key` still to visit, descending)
//   current_access_index: bigint
// Keys are Python ints (bigint) or, for address keys, Relocatable.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Relocatable, Value } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { idsInt, scopeGet, toBigInt } from '../../lib/py';
import { pyPop, structSize } from './py';

type SquashKey = bigint | Relocatable;
type AccessIndices = Map<SquashKey, bigint[]>;

/** Python's ordering of MaybeRelocatable: ints before addresses, addresses by (segment, offset). */
function compareKeys(a: SquashKey, b: SquashKey): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint') return -1;
  if (typeof b === 'bigint') return 1;
  return a.segment !== b.segment ? a.segment - b.segment : a.offset - b.offset;
}

/** A key as kept in the scope (another family may have stored a JS number). */
function normKey(v: unknown): SquashKey {
  return v instanceof Relocatable ? v : toBigInt(v, 'key');
}

/** `access_indices[key]`, KeyError when absent. */
function indicesOf(accessIndices: AccessIndices, keyValue: unknown, codeLine: string): bigint[] {
  const key = normKey(keyValue);
  let hit = accessIndices.get(key);
  if (hit === undefined && key instanceof Relocatable) {
    for (const [k, v] of accessIndices) if (k instanceof Relocatable && k.equals(key)) hit = v;
  }
  if (hit === undefined) {
    const repr = typeof key === 'bigint' ? key.toString() : `RelocatableValue(segment_index=${key.segment}, offset=${key.offset})`;
    throw new HintError('KeyError', repr, codeLine);
  }
  return hit;
}

function toValue(k: SquashKey | bigint): Value {
  return k instanceof Relocatable ? k : F.toFelt(k);
}

function rangeCheckBound(ctx: HintContext): bigint {
  const rc = ctx.builtins.get('range_check') as unknown as { bound?: bigint } | undefined;
  return rc?.bound ?? 1n << 128n;
}

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

defineHint(SQUASH_DICT, (ctx) => {
  const scope = ctx.vm.scope;
  const size = structSize(ctx, 'DictAccess');
  scope.set('dict_access_size', BigInt(size));
  const address = ctx.ids.ptr('dict_accesses');
  scope.set('address', address);
  hintAssert(
    idsInt(ctx, 'ptr_diff', '%') % BigInt(size) === 0n,
    'Accesses array size must be divisible by DictAccess.SIZE',
    'assert ids.ptr_diff % dict_access_size == 0, \\',
  );
  const nAccesses = idsInt(ctx, 'n_accesses', '+');
  scope.set('n_accesses', nAccesses);
  if (scope.has('__squash_dict_max_size')) {
    const max = toBigInt(scope.get('__squash_dict_max_size'), '__squash_dict_max_size');
    hintAssert(
      nAccesses <= max,
      `squash_dict() can only be used with n_accesses<=${max}. Got: n_accesses=${nAccesses}.`,
      'assert n_accesses <= __squash_dict_max_size, \\',
    );
  }
  const accessIndices: AccessIndices = new Map();
  const addressKeys = new Map<string, Relocatable>();
  let lastKey: SquashKey | undefined;
  for (let i = 0n; i < nAccesses; i++) {
    const cell = ctx.mem.readAt(address.add(F.toFelt(BigInt(size) * i)));
    let key: SquashKey;
    if (cell instanceof Relocatable) {
      const id = cell.toString();
      key = addressKeys.get(id) ?? cell;
      addressKeys.set(id, key);
    } else key = F.big(cell);
    let list = accessIndices.get(key);
    if (list === undefined) accessIndices.set(key, (list = []));
    list.push(i);
    lastKey = key;
  }
  // The loop's variables stay in the scope, as Python's do.
  if (nAccesses > 0n) {
    scope.set('i', nAccesses - 1n);
    scope.set('key', lastKey);
  }
  scope.set('access_indices', accessIndices);
  const keys = [...accessIndices.keys()].sort((a, b) => compareKeys(b, a));
  scope.set('keys', keys);
  if (keys.length === 0) {
    throw new HintError('IndexError', 'list index out of range', 'ids.big_keys = 1 if keys[0] >= range_check_builtin.bound else 0');
  }
  const top = keys[0];
  ctx.ids.set('big_keys', top instanceof Relocatable || top >= rangeCheckBound(ctx) ? 1n : 0n);
  const first = keys.pop()!;
  ctx.ids.set('first_key', toValue(first));
  scope.set('key', first);
});

const SQUASH_DICT_INNER_FIRST_ITERATION = String.raw`
current_access_indices = sorted(access_indices[key])[::-1]
current_access_index = current_access_indices.pop()
memory[ids.range_check_ptr] = current_access_index
`;

defineHint(SQUASH_DICT_INNER_FIRST_ITERATION, (ctx) => {
  const scope = ctx.vm.scope;
  const codeLine = 'current_access_indices = sorted(access_indices[key])[::-1]';
  const accessIndices = scopeGet<AccessIndices>(ctx, 'access_indices', codeLine);
  const key = scopeGet<unknown>(ctx, 'key', codeLine);
  const current = indicesOf(accessIndices, key, codeLine)
    .map((v) => toBigInt(v, 'index'))
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  scope.set('current_access_indices', current);
  const index = pyPop(current, 'current_access_index = current_access_indices.pop()');
  scope.set('current_access_index', index);
  const ptr = ctx.ids.get('range_check_ptr');
  if (!(ptr instanceof Relocatable)) {
    throw new HintError('KeyError', `Memory address must be relocatable, got ${F.big(ptr)}.`, 'memory[ids.range_check_ptr] = current_access_index');
  }
  ctx.mem.writeAt(ptr, F.toFelt(index));
});

defineHint('ids.should_skip_loop = 0 if current_access_indices else 1', (ctx) => {
  const current = scopeGet<bigint[]>(ctx, 'current_access_indices');
  ctx.ids.set('should_skip_loop', current.length !== 0 ? 0n : 1n);
});

const SQUASH_DICT_INNER_CHECK_ACCESS_INDEX = String.raw`
new_access_index = current_access_indices.pop()
ids.loop_temps.index_delta_minus1 = new_access_index - current_access_index - 1
current_access_index = new_access_index
`;

defineHint(SQUASH_DICT_INNER_CHECK_ACCESS_INDEX, (ctx) => {
  const scope = ctx.vm.scope;
  const current = scopeGet<bigint[]>(ctx, 'current_access_indices', 'new_access_index = current_access_indices.pop()');
  const next = toBigInt(pyPop(current, 'new_access_index = current_access_indices.pop()'), 'new_access_index');
  scope.set('new_access_index', next);
  const prev = toBigInt(
    scopeGet<unknown>(ctx, 'current_access_index', 'ids.loop_temps.index_delta_minus1 = new_access_index - current_access_index - 1'),
    'current_access_index',
  );
  ctx.ids.set('loop_temps.index_delta_minus1', next - prev - 1n);
  scope.set('current_access_index', next);
});

defineHint('ids.loop_temps.should_continue = 1 if current_access_indices else 0', (ctx) => {
  const current = scopeGet<bigint[]>(ctx, 'current_access_indices');
  ctx.ids.set('loop_temps.should_continue', current.length !== 0 ? 1n : 0n);
});

defineHint('assert len(current_access_indices) == 0', (ctx) => {
  const current = scopeGet<bigint[]>(ctx, 'current_access_indices', 'assert len(current_access_indices) == 0');
  hintAssert(current.length === 0, '', 'assert len(current_access_indices) == 0');
});

defineHint('assert ids.n_used_accesses == len(access_indices[key])', (ctx) => {
  const codeLine = 'assert ids.n_used_accesses == len(access_indices[key])';
  const used = ctx.ids.get('n_used_accesses');
  const accessIndices = scopeGet<AccessIndices>(ctx, 'access_indices', codeLine);
  const key = scopeGet<unknown>(ctx, 'key', codeLine);
  const n = indicesOf(accessIndices, key, codeLine).length;
  hintAssert(!(used instanceof Relocatable) && F.big(used) === BigInt(n), '', codeLine);
});
