// builtin_selection: select_builtins walks the sorted encodings of all builtins and of the
// selected ones, counting the selected left in `n_selected_builtins` (a scope of its own).
import { defineHint } from '../../hint';
import { Relocatable, valuesEqual } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { memGet, pyCompare, scopeGet } from '../../lib/py';
import * as C from './codes';

defineHint(C.ENTER_SELECTED, (ctx) => {
  const n = ctx.ids.get('n_selected_builtins');
  ctx.vm.enterScope(new Map<string, unknown>([['n_selected_builtins', n instanceof Relocatable ? n : F.big(n)]]));
});

defineHint(C.SELECT_BUILTIN, (ctx) => {
  const left = scopeGet<bigint | Relocatable>(ctx, 'n_selected_builtins', C.SELECT_BUILTIN.split('\n')[4]);
  // Python's `and`: the memory cells are read only when some builtins are left.
  const select = pyCompare(left, 0n) > 0
    && valuesEqual(memGet(ctx.mem, ctx.ids.ptr('selected_encodings')), memGet(ctx.mem, ctx.ids.ptr('all_encodings')));
  ctx.ids.set('select_builtin', select ? 1n : 0n);
  if (select) ctx.scope.set('n_selected_builtins', (left as bigint) - 1n);
});
