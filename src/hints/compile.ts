// Turns a program's hints into LoadedHints for the VM: each code string is matched once, here.
import type { VirtualMachine, LoadedHint } from '../vm/vm';
import { Program, HintDef } from '../vm/program';
import { VmError } from '../vm/errors';
import type { BuiltinRunner } from '../builtins/builtin';
import { findHint, HintContext } from './hint';
import { Ids } from './ids';
import type { HintFallback } from './bridge/fallback';
import './all';

/** `fallback` (the Python bridge) takes the hints with no TypeScript implementation. */
export function compileHints(vm: VirtualMachine, program: Program, builtins: ReadonlyMap<string, BuiltinRunner>, fallback?: HintFallback): (LoadedHint[] | undefined)[] {
  const out: (LoadedHint[] | undefined)[] = [];
  const bridged = fallback?.claim(program, (def) => findHint(def.code) !== undefined);
  for (const [pc, defs] of program.hints) {
    out[pc] = defs.map((def, index) => bridged?.get(def) ?? compileHint(vm, program, builtins, def, index, pc, fallback));
  }
  return out;
}

export function compileHint(vm: VirtualMachine, program: Program, builtins: ReadonlyMap<string, BuiltinRunner>, def: HintDef, index: number, pc: number, fallback?: HintFallback): LoadedHint {
  const impl = findHint(def.code);
  const ids = new Ids(vm, program, def);
  if (impl === undefined) {
    const why = fallback?.why === undefined ? '' : `\n${fallback.why}`;
    return {
      code: def.code,
      index,
      run() {
        throw new VmError('UnknownHint', `Unknown hint (Cairn has no implementation for it) at pc=${vm.programSeg}:${pc}:\n%{\n${def.code}\n%}${why}`);
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
