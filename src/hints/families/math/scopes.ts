// Exec-scope hints: vm_enter_scope() (squash_dict), memcpy's loop counter `n`, and the key loop
// of squash_dict (`keys` is left in the scope by the dict family's squash hint).
import { defineHint } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { scopeGet, toBigInt } from '../../lib/py';
import { asValue, scopeList } from './util';
import * as C from './codes';

defineHint(C.VM_ENTER_SCOPE, (ctx) => ctx.vm.enterScope());

// memcpy: n = len, then one decrement per copied word.
defineHint(C.MEMCPY_ENTER_SCOPE, (ctx) => {
  const len = ctx.ids.get('len');
  ctx.vm.enterScope(new Map<string, unknown>([['n', typeof len === 'object' ? len : F.big(len)]]));
});

defineHint(C.MEMCPY_CONTINUE_COPYING, (ctx) => {
  const n = scopeGet(ctx, 'n');
  let next: bigint | number;
  if (typeof n === 'number') next = n - 1;
  else if (n instanceof Relocatable) throw new HintError('TypeError', "unsupported operand type(s) for -=: 'RelocatableValue' and 'int'");
  else next = toBigInt(n, 'n') - 1n;
  ctx.scope.set('n', next);
  ctx.ids.set('continue_copying', next > 0 ? 1 : 0);
});

// squash_dict's outer loop over the keys, smallest first (`keys` is sorted in reverse).
defineHint(C.SQUASH_NEXT_KEY, (ctx) => {
  const keys = scopeList(ctx, 'keys');
  hintAssert(keys.length > 0, 'No keys left but remaining_accesses > 0.',
    "assert len(keys) > 0, 'No keys left but remaining_accesses > 0.'");
  const key = keys.pop();
  ctx.ids.set('next_key', asValue(key, 'key'));
  ctx.scope.set('key', key);
});

defineHint(C.SQUASH_NO_KEYS_LEFT, (ctx) => {
  hintAssert(scopeList(ctx, 'keys').length === 0, '', 'assert len(keys) == 0');
});
