// What a hint implementation sees, and how implementations are registered by code string.
import type { VirtualMachine, Scope } from '../vm/vm';
import { Program, HintDef } from '../vm/program';
import { Memory } from '../vm/memory';
import type { BuiltinRunner } from '../builtins/builtin';
import { Ids } from './ids';

/**
 * vm.extra key of `(program, base, json?) => void`: vm_load_program for TypeScript hints (the
 * runner sets it up with the Python bridge; here so a hint family need not import the bridge).
 */
export const LOAD_TASK = 'vm_load_program';

export interface HintContext {
  readonly vm: VirtualMachine;
  readonly mem: Memory;
  readonly ids: Ids;
  readonly program: Program;
  readonly hint: HintDef;
  /** Builtin runners of the run by name (`range_check`, ...). */
  readonly builtins: ReadonlyMap<string, BuiltinRunner>;
  /** The innermost exec scope (hint locals shared between hints). */
  readonly scope: Scope;
}

export type HintImpl = (ctx: HintContext) => void;

const registry = new Map<string, HintImpl>();

/**
 * The code string hints are matched by: lines with trailing white space removed, the common
 * indentation removed, and blank lines at both ends dropped. Every hint goes through it, both
 * the registered code and the code found in programs.
 */
export function normalizeHintCode(code: string): string {
  const lines = code.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const indents = lines.filter((l) => l !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Registers an implementation for one or more code strings (variants of the same hint). */
export function defineHint(code: string | string[], impl: HintImpl): void {
  for (const c of Array.isArray(code) ? code : [code]) {
    const key = normalizeHintCode(c);
    if (registry.has(key)) throw new Error(`Hint registered twice:\n${key}`);
    registry.set(key, impl);
  }
}

export function findHint(code: string): HintImpl | undefined {
  return registry.get(normalizeHintCode(code));
}

export function registeredHintCount(): number {
  return registry.size;
}
