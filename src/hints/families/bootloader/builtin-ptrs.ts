// write_return_builtins: after a task returns, the bootloader's struct of every builtin pointer
// (BuiltinData) gets the pointers the task returned for the builtins it uses, and keeps the
// pre-execution pointer of the others.
import type { HintContext } from '../../hint';
import { Relocatable } from '../../../vm/relocatable';
import { memGet } from '../../lib/py';
import { HintError } from '../../errors';
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
  /** A Cairo PIE task's builtin segments: how far each pointer must have moved. */
  pieSizes?: Record<string, { size: number }>;
}

export function writeReturnBuiltins(ctx: HintContext, r: ReturnBuiltins): void {
  let k = 0;
  memberNames(structOf(ctx, 'BuiltinData')).forEach((name, i) => {
    const used = r.used.includes(name);
    const value = memGet(ctx.mem, used ? r.usedAddr.add(k++) : r.preAddr.add(i));
    ctx.mem.writeAt(r.returnAddr.add(i), value);
    if (used && value instanceof Relocatable && r.pieSizes !== undefined) {
      const pre = memGet(ctx.mem, r.preAddr.add(i));
      const moved = pre instanceof Relocatable && pre.segment === value.segment ? value.offset - pre.offset : NaN;
      if (moved !== r.pieSizes[name]?.size) throw new HintError('AssertionError', 'Builtin usage is inconsistent with the CairoPie.');
    }
  });
}
