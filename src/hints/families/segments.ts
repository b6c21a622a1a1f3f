// Segment hints (alloc, temporary segments, relocation rules, simulated builtins). Owned by the
// math family; its code strings are in ./math/codes.ts.
import { defineHint } from '../hint';
import { HintError } from '../errors';
import { VmError } from '../../vm/errors';
import { scopeGet } from '../lib/py';
import * as C from './math/codes';

// alloc()
defineHint(C.ALLOC, ({ vm, mem }) => {
  mem.write(vm.apSeg, vm.ap, mem.addSegment());
});

defineHint(C.ADD_TEMP_SEGMENT, (ctx) => {
  ctx.ids.set('temporary_array', ctx.mem.addTempSegment());
});

defineHint(C.ADD_RELOCATION_RULE, (ctx) => {
  const src = ctx.ids.get('src_ptr');
  const dest = ctx.ids.get('dest_ptr');
  if (typeof src !== 'object') throw new HintError('AttributeError', "'int' object has no attribute 'segment_index'");
  if (typeof dest !== 'object') throw new HintError('AssertionError', `dest_ptr must be a relocatable value, found ${dest}.`);
  try {
    ctx.mem.addRelocationRule(src, dest);
  } catch (e) {
    // memory_dict.add_relocation_rule raises these as plain assertions.
    if (e instanceof VmError) throw new HintError('AssertionError', e.message);
    throw e;
  }
});

// Not a hint of cairo-lang: a test hint of cairo-vm, where the runner provides
// `get_simulated_builtin_base(index)`. Cairn does when a function of that name is put in the
// exec scope; otherwise NameError, as the reference VM raises.
defineHint(C.GET_SIMULATED_BUILTIN_BASE, (ctx) => {
  const fn = scopeGet(ctx, 'get_simulated_builtin_base');
  if (typeof fn !== 'function') throw new HintError('TypeError', "'object' object is not callable");
  const idx = ctx.ids.get('builtin_idx');
  ctx.ids.set('new_ptr', (fn as (i: unknown) => never)(idx));
});
