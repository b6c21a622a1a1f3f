// merkle_update.cairo: the authentication path (`auth_path`, a list of siblings bound by the
// program's own hint, last one first) is popped one sibling per level into both hash inputs.
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import { idsInt, scopeGet, toBigInt, writeAp } from '../../lib/py';
import { mod } from '../../lib/math-utils';
import { pyPop } from '../uint-dict/py';
import * as C from './codes';

function authPath(ctx: HintContext, codeLine: string): unknown[] {
  const path = scopeGet<unknown>(ctx, 'auth_path', codeLine);
  if (!Array.isArray(path)) throw new HintError('TypeError', `object of type '${typeof path}' has no len()`, codeLine);
  return path;
}

defineHint(C.MERKLE_AUTH_PATH_EMPTY, (ctx) => {
  const line = "assert len(auth_path) == 0, 'Got too many values in auth_path.'";
  hintAssert(authPath(ctx, line).length === 0, 'Got too many values in auth_path.', line);
});

defineHint(C.MERKLE_INDEX_BIT, (ctx) => writeAp(ctx, mod(idsInt(ctx, 'index', '%'), 2n)));

for (const [c, member] of [[C.MERKLE_SIBLING_RIGHT, 'y'], [C.MERKLE_SIBLING_LEFT, 'x']] as const) {
  defineHint(c, (ctx) => {
    const line = 'sibling = auth_path.pop()';
    const popped = pyPop(authPath(ctx, line), line);
    const sibling = popped instanceof Relocatable ? popped : toBigInt(popped, 'sibling');
    ctx.scope.set('sibling', sibling);
    ctx.ids.set(`prev_node_hash.${member}`, sibling);
    ctx.ids.set(`new_node_hash.${member}`, sibling);
  });
}
