// Hints of common/dict.cairo and common/default_dict.cairo: dict_new, default_dict_new,
// dict_read, dict_write, dict_update and dict_squash's bookkeeping around squash_dict.
import { defineHint, HintContext } from '../../hint';
import { hintAssert } from '../../errors';
import { valuesEqual, valueToString } from '../../../vm/relocatable';
import { DictManager, DICT_MANAGER, PyDict, toDictKey, DictKey, InitialValue } from './dict-manager';
import { scopeGet } from '../../lib/py';
import { structSize } from './py';

/** `if '__dict_manager' not in globals(): __dict_manager = DictManager()`. */
function ensureManager(ctx: HintContext): DictManager {
  const scope = ctx.vm.scope;
  if (!scope.has(DICT_MANAGER)) scope.set(DICT_MANAGER, new DictManager());
  return scope.get(DICT_MANAGER) as DictManager;
}

function manager(ctx: HintContext, codeLine?: string): DictManager {
  return scopeGet<DictManager>(ctx, DICT_MANAGER, codeLine);
}

const DEFAULT_DICT_NEW = String.raw`
if '__dict_manager' not in globals():
    from starkware.cairo.common.dict import DictManager
    __dict_manager = DictManager()

memory[ap] = __dict_manager.new_default_dict(segments, ids.default_value)
`;

defineHint(DEFAULT_DICT_NEW, (ctx) => {
  const m = ensureManager(ctx);
  const base = m.newDefaultDict(ctx.mem, ctx.ids.get('default_value'));
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, base);
});

const DICT_NEW = String.raw`
if '__dict_manager' not in globals():
    from starkware.cairo.common.dict import DictManager
    __dict_manager = DictManager()

memory[ap] = __dict_manager.new_dict(segments, initial_dict)
del initial_dict
`;

defineHint(DICT_NEW, (ctx) => {
  const m = ensureManager(ctx);
  const initial = scopeGet<PyDict | ReadonlyMap<DictKey | number, InitialValue>>(
    ctx,
    'initial_dict',
    'memory[ap] = __dict_manager.new_dict(segments, initial_dict)',
  );
  const base = m.newDict(ctx.mem, initial);
  ctx.mem.write(ctx.vm.apSeg, ctx.vm.ap, base);
  ctx.vm.scope.delete('initial_dict');
});

const DICT_READ = String.raw`
dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
dict_tracker.current_ptr += ids.DictAccess.SIZE
ids.value = dict_tracker.data[ids.key]
`;

defineHint(DICT_READ, (ctx) => {
  const tracker = manager(ctx, 'dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)').getTracker(ctx.ids.get('dict_ptr'));
  ctx.vm.scope.set('dict_tracker', tracker);
  tracker.currentPtr = tracker.currentPtr.add(structSize(ctx, 'DictAccess'));
  ctx.ids.set('value', tracker.data.get(toDictKey(ctx.ids.get('key')), 'ids.value = dict_tracker.data[ids.key]'));
});

const DICT_WRITE = String.raw`
dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)
dict_tracker.current_ptr += ids.DictAccess.SIZE
ids.dict_ptr.prev_value = dict_tracker.data[ids.key]
dict_tracker.data[ids.key] = ids.new_value
`;

defineHint(DICT_WRITE, (ctx) => {
  const tracker = manager(ctx, 'dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)').getTracker(ctx.ids.get('dict_ptr'));
  ctx.vm.scope.set('dict_tracker', tracker);
  tracker.currentPtr = tracker.currentPtr.add(structSize(ctx, 'DictAccess'));
  const prev = tracker.data.get(toDictKey(ctx.ids.get('key')), 'ids.dict_ptr.prev_value = dict_tracker.data[ids.key]');
  ctx.ids.set('dict_ptr.prev_value', prev);
  tracker.data.set(toDictKey(ctx.ids.get('key')), ctx.ids.get('new_value'));
});

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

defineHint(DICT_UPDATE, (ctx) => {
  const tracker = manager(ctx, 'dict_tracker = __dict_manager.get_tracker(ids.dict_ptr)').getTracker(ctx.ids.get('dict_ptr'));
  const scope = ctx.vm.scope;
  scope.set('dict_tracker', tracker);
  const current = tracker.data.get(toDictKey(ctx.ids.get('key')), 'current_value = dict_tracker.data[ids.key]');
  scope.set('current_value', current);
  const prev = ctx.ids.get('prev_value');
  hintAssert(
    valuesEqual(current, prev),
    `Wrong previous value in dict. Got ${valueToString(prev)}, expected ${valueToString(current)}.`,
    'assert current_value == ids.prev_value, \\',
  );
  tracker.data.set(toDictKey(ctx.ids.get('key')), ctx.ids.get('new_value'));
  tracker.currentPtr = tracker.currentPtr.add(structSize(ctx, 'DictAccess'));
});

const DICT_SQUASH_COPY_DICT = String.raw`
# Prepare arguments for dict_new. In particular, the same dictionary values should be copied
# to the new (squashed) dictionary.
vm_enter_scope({
    # Make __dict_manager accessible.
    '__dict_manager': __dict_manager,
    # Create a copy of the dict, in case it changes in the future.
    'initial_dict': dict(__dict_manager.get_dict(ids.dict_accesses_end)),
})
`;

defineHint(DICT_SQUASH_COPY_DICT, (ctx) => {
  const m = manager(ctx, "'__dict_manager': __dict_manager,");
  const initial = m.getDict(ctx.ids.get('dict_accesses_end')).copy();
  ctx.vm.enterScope(
    new Map<string, unknown>([
      [DICT_MANAGER, m],
      ['initial_dict', initial],
    ]),
  );
});

const DICT_SQUASH_UPDATE_PTR = String.raw`
# Update the DictTracker's current_ptr to point to the end of the squashed dict.
__dict_manager.get_tracker(ids.squashed_dict_start).current_ptr = \
    ids.squashed_dict_end.address_
`;

defineHint(DICT_SQUASH_UPDATE_PTR, (ctx) => {
  const end = ctx.ids.ptr('squashed_dict_end');
  const m = manager(ctx, '__dict_manager.get_tracker(ids.squashed_dict_start).current_ptr = \\');
  m.getTracker(ctx.ids.get('squashed_dict_start')).currentPtr = end;
});
