// The hint locals the simple bootloader's hints pass along (simple_bootloader_input, task,
// program_address, fact_topologies, output_runner_data, ...), read with Python's NameError, and
// the arithmetic on addresses they do.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable, Value } from '../../../vm/relocatable';
import { scopeGet } from '../../lib/py';
import type { SimpleBootloaderInput, Task } from './input';
import type { FactTopology } from './fact-topology';
import type { OutputState } from './output-state';

export const bootloaderInput = (ctx: HintContext): SimpleBootloaderInput => scopeGet(ctx, 'simple_bootloader_input');
export const currentTask = (ctx: HintContext): Task => scopeGet(ctx, 'task');
export const factTopologies = (ctx: HintContext): FactTopology[] => scopeGet(ctx, 'fact_topologies');
/** The bootloader's output state while a program task runs; null for a PIE task. */
export const outputRunnerData = (ctx: HintContext): OutputState | null => scopeGet(ctx, 'output_runner_data');
export const programAddress = (ctx: HintContext): Relocatable => scopeGet(ctx, 'program_address');

/** `a - b` of two addresses of one segment, as Python's RelocatableValue subtraction. */
export function distance(a: Value, b: Value): number {
  if (!(a instanceof Relocatable) || !(b instanceof Relocatable) || a.segment !== b.segment) {
    throw new HintError('TypeError', `Cannot subtract ${b} from ${a}.`);
  }
  return a.offset - b.offset;
}

/** The task at `len(tasks) - n_tasks` (an out-of-range index is Python's IndexError). */
export function taskAt(input: SimpleBootloaderInput, nTasks: bigint): { id: number; task: Task } {
  const id = input.tasks.length - Number(nTasks);
  const task = input.tasks[id];
  if (task === undefined) throw new HintError('IndexError', 'list index out of range');
  return { id, task };
}
