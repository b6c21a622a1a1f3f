// Loading a task: its header and code written into the bootloader's program segment (load_program),
// then the task's hints and debug info installed at its code (vm_load_program), which is also
// how the debugger learns the task's sources and sets its breakpoints.
import { HintContext, LOAD_TASK } from '../../hint';
import { HintError } from '../../errors';
import { Program } from '../../../vm/program';
import { Relocatable } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { headerAndData } from './program-hash';

export interface LoadedTask {
  /** Where the task's code starts (after the header). */
  programAddress: Relocatable;
  /** Header and code, in words. */
  size: number;
}

/** load_program: [data_length, version, main, n_builtins, builtins..., code...] at `header`. */
export function loadProgramHeader(ctx: HintContext, program: Program, header: Relocatable, builtinsOffset: number): LoadedTask {
  const words = headerAndData(program);
  const headerSize = builtinsOffset + program.builtins.length;
  // data_length counts everything after itself.
  ctx.mem.load(header, [F.toFelt(BigInt(words.length)), ...words.map(F.toFelt)]);
  return { programAddress: header.add(headerSize), size: headerSize + program.data.length };
}

/** vm_load_program(program, base): the task's hints (and, for the debugger, its sources) at `base`; `json` lets its hints Cairn lacks run in Python. */
export function vmLoadProgram(ctx: HintContext, program: Program, base: Relocatable, json?: string): void {
  if (program.prime !== F.getPrime()) throw new HintError('AssertionError', `The task's prime (${program.prime}) is not the bootloader's (${F.getPrime()}).`);
  const load = ctx.vm.extra.get(LOAD_TASK) as ((p: Program, b: Relocatable, json?: string) => void) | undefined;
  if (load === undefined) throw new HintError('NameError', "name 'vm_load_program' is not defined");
  load(program, base, json);
}
