// The output builtin as the bootloaders' hints use it: get_state / new_state / set_state move its
// base to a task's output (or a scratch segment) and back, and each state has its own pages and
// attributes (add_page / add_attribute), which give a task its fact topology. The bootloader's
// state lives here, per VM; the builtin itself keeps its segment.
import type { HintContext } from '../../hint';
import type { VirtualMachine } from '../../../vm/vm';
import { Relocatable } from '../../../vm/relocatable';
import { HintError } from '../../errors';

export interface Page {
  start: number;
  size: number;
}

/** What output_builtin.get_state() returns: the base and the pages and attributes of that state. */
export interface OutputState {
  readonly base: Relocatable;
  readonly pages: Map<number, Page>;
  readonly attributes: Map<string, unknown>;
}

const current = new WeakMap<VirtualMachine, OutputState>();

function outputBase(ctx: HintContext): Relocatable {
  const b = ctx.builtins.get('output');
  if (b === undefined) throw new HintError('NameError', "name 'output_builtin' is not defined");
  return b.base;
}

/** output_builtin.get_state(). */
export function getOutputState(ctx: HintContext): OutputState {
  let s = current.get(ctx.vm);
  if (s === undefined) {
    s = { base: outputBase(ctx), pages: new Map(), attributes: new Map() };
    current.set(ctx.vm, s);
  }
  return s;
}

/** output_builtin.new_state(base): a fresh state at `base`. */
export function newOutputState(ctx: HintContext, base: Relocatable): void {
  outputBase(ctx);
  current.set(ctx.vm, { base, pages: new Map(), attributes: new Map() });
}

/** output_builtin.set_state(state). */
export function setOutputState(ctx: HintContext, state: OutputState): void {
  current.set(ctx.vm, state);
}

/** output_builtin.add_page(page_id, page_start, page_size), with its checks. */
export function addOutputPage(ctx: HintContext, id: number, start: Relocatable, size: number): void {
  const s = getOutputState(ctx);
  if (s.pages.has(id)) throw new HintError('AssertionError', `Page ${id} was already assigned.`);
  if (start.segment !== s.base.segment) throw new HintError('AssertionError', 'page_start must be in the output segment.');
  s.pages.set(id, { start: start.offset - s.base.offset, size });
}

/** output_builtin.add_attribute(name, value). */
export function addOutputAttribute(ctx: HintContext, name: string, value: unknown): void {
  getOutputState(ctx).attributes.set(name, value);
}
