// write_return_builtins: after a task returns, the bootloader's struct of every builtin pointer
// (BuiltinData) gets the pointers the task returned for the builtins it uses, and keeps the
// pre-execution pointer of the others.
import type { HintContext } from '../../hint';
import { Relocatable } from '../../../vm/relocatable';
import { memGet } from '../../lib/py';
import { memberNames, structOf } from './structs';

export interface ReturnBuiltins {
  /** ids.return_builtin_ptrs.address_ */
  returnAddr: Relocatable;
  /** The task's builtins, in its %builtins order. */
  used: readonly string[];
  /** Where the task left its builtin pointers (ap - n_builtins after its return). */
  usedAddr: Relocatable;
  /** ids.pre_execution_builtin_ptrs.address_ */
  preAddr: Relocatable;
}

export function writeReturnBuiltins(ctx: HintContext, r: ReturnBuiltins): void {
  let k = 0;
  memberNames(structOf(ctx, 'BuiltinData')).forEach((name, i) => {
    const from = r.used.includes(name) ? r.usedAddr.add(k++) : r.preAddr.add(i);
    ctx.mem.writeAt(r.returnAddr.add(i), memGet(ctx.mem, from));
  });
}
