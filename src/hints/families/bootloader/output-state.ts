// The output builtin as the bootloaders' hints use it (output_builtin.get_state / new_state /
// set_state / add_page / add_attribute): its base moves to a task's output (or a scratch segment)
// and back, each state with its own pages and attributes, which give a task its fact topology
// and end in the PIE and the AIR public input.
import type { HintContext } from '../../hint';
import { OutputBuiltin, OutputState } from '../../../builtins/output';
import { Relocatable } from '../../../vm/relocatable';
import { HintError } from '../../errors';

export type { OutputState };

function outputBuiltin(ctx: HintContext): OutputBuiltin {
  const b = ctx.builtins.get('output');
  if (!(b instanceof OutputBuiltin)) throw new HintError('NameError', "name 'output_builtin' is not defined");
  return b;
}

export const getOutputState = (ctx: HintContext): OutputState => outputBuiltin(ctx).getState();
export const newOutputState = (ctx: HintContext, base: Relocatable): void => outputBuiltin(ctx).newState(base);
export const setOutputState = (ctx: HintContext, state: OutputState): void => outputBuiltin(ctx).setState(state);
export const addOutputPage = (ctx: HintContext, id: number, start: Relocatable, size: number): void => outputBuiltin(ctx).addPage(id, start, size);
export const addOutputAttribute = (ctx: HintContext, name: string, value: unknown): void => outputBuiltin(ctx).addAttribute(name, value);
