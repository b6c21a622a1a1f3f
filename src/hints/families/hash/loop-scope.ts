// The counted-loop hints of memset and of the blake2s / keccak finalizers: a scope holding the
// loop counter n, its decrement, and leaving the scope.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable, Value } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { pyCompare, scopeGet } from '../../lib/py';

/** vm_enter_scope({'n': ids.n}): n is kept as a Python int (a bigint) or an address. */
defineHint("vm_enter_scope({'n': ids.n})", (ctx) => {
  const n: Value = ctx.ids.get('n');
  ctx.vm.enterScope(new Map<string, unknown>([['n', typeof n === 'object' ? n : F.big(n)]]));
});

defineHint(['n -= 1', 'ids.continue_loop = 1 if n > 0 else 0'].join('\n'), (ctx) => {
  const n = scopeGet(ctx, 'n', 'n -= 1');
  let next: bigint | Relocatable;
  if (typeof n === 'bigint') next = n - 1n;
  else if (typeof n === 'number') next = BigInt(n) - 1n;
  else if (n instanceof Relocatable) next = new Relocatable(n.segment, n.offset - 1);
  else throw new HintError('TypeError', "unsupported operand type(s) for -=: 'object' and 'int'", 'n -= 1');
  ctx.scope.set('n', next);
  ctx.ids.set('continue_loop', pyCompare(next, 0n) > 0 ? 1 : 0);
});

defineHint('vm_exit_scope()', (ctx) => {
  // VirtualMachineBase.exit_scope: `assert len(self.exec_scopes) > 1, "Cannot exit main scope."`
  if (ctx.vm.execScopes.length <= 1) throw new HintError('AssertionError', 'Cannot exit main scope.');
  ctx.vm.exitScope();
});
