// Turns a program's hints into LoadedHints for the VM: each code string is matched once, here.
import type { VirtualMachine, LoadedHint } from '../vm/vm';
import { Program, HintDef } from '../vm/program';
import { VmError } from '../vm/errors';
import type { BuiltinRunner } from '../builtins/builtin';
import { findHint, HintContext } from './hint';
import { Ids } from './ids';
import './all';

export function compileHints(vm: VirtualMachine, program: Program, builtins: ReadonlyMap<string, BuiltinRunner>): (LoadedHint[] | undefined)[] {
  const out: (LoadedHint[] | undefined)[] = [];
  for (const [pc, defs] of program.hints) {
    out[pc] = defs.map((def, index) => compileOne(vm, program, builtins, def, index, pc));
  }
  return out;
}

function compileOne(vm: VirtualMachine, program: Program, builtins: ReadonlyMap<string, BuiltinRunner>, def: HintDef, index: number, pc: number): LoadedHint {
  const impl = findHint(def.code);
  const ids = new Ids(vm, program, def);
  if (impl === undefined) {
    return {
      code: def.code,
      index,
      run() {
        throw new VmError('UnknownHint', `Unknown hint (Cairn has no implementation for it) at pc=${vm.programSeg}:${pc}:\n%{\n${def.code}\n%}`);
      },
    };
  }
  return {
    code: def.code,
    index,
    run(machine: VirtualMachine) {
      const ctx: HintContext = { vm: machine, mem: machine.mem, ids, program, hint: def, builtins, scope: machine.scope };
      impl(ctx);
    },
  };
}
