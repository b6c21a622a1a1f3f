// modulo.cairo's run_mod_p_circuit: ModBuiltinRunner.fill_memory over the add_mod and mul_mod
// instances the program wrote (0.14: batch size 1; 0.13.2-0.13.3: ids.BATCH_SIZE).
import { defineHint, HintContext } from '../../hint';
import { HintError, hintAssert } from '../../errors';
import { ModBuiltin, fillModMemory } from '../../../builtins/mod';
import * as F from '../../../vm/felt';
import * as C from './codes';

/** `builtin_runners["<name>_builtin"]`: KeyError when the layout has no such builtin. */
function modRunner(ctx: HintContext, name: 'add_mod' | 'mul_mod'): ModBuiltin {
  const b = ctx.builtins.get(name);
  if (!(b instanceof ModBuiltin)) throw new HintError('KeyError', `'${name}_builtin'`);
  return b;
}

function fill(ctx: HintContext, batchSize: bigint): void {
  const add = modRunner(ctx, 'add_mod');
  hintAssert(BigInt(add.batchSize) === batchSize, '', 'assert builtin_runners["add_mod_builtin"].instance_def.batch_size == ...');
  const mul = modRunner(ctx, 'mul_mod');
  hintAssert(BigInt(mul.batchSize) === batchSize, '', 'assert builtin_runners["mul_mod_builtin"].instance_def.batch_size == ...');
  const n = (name: string) => F.toFelt(ctx.ids.big(name));
  fillModMemory(ctx.mem, [ctx.ids.ptr('add_mod_ptr'), add, n('add_mod_n')], [ctx.ids.ptr('mul_mod_ptr'), mul, n('mul_mod_n')]);
}

defineHint(C.MOD_FILL_MEMORY, (ctx) => fill(ctx, 1n));
defineHint(C.MOD_FILL_MEMORY_BATCH, (ctx) => fill(ctx, ctx.ids.const('BATCH_SIZE')));
