// The Python hint bridge as the hint processor sees it: at load, the hints it takes (see plan.ts),
// started in the user's cairo-lang; each then runs as one request to the Python child.
import type { VirtualMachine, LoadedHint } from '../../vm/vm';
import { Program, HintDef, parseProgram } from '../../vm/program';
import { Relocatable } from '../../vm/relocatable';
import type { BuiltinRunner } from '../../builtins/builtin';
import { EcdsaBuiltin } from '../../builtins/ecdsa';
import { OutputBuiltin } from '../../builtins/output';
import { HintFallback } from './fallback';
import { planPython, PlanEntry, PythonNames } from './plan';
import { findPython, PythonFound } from './find-python';
import { BridgeSession, HintNames, PythonHintError } from './session';
import { compileHint } from '../compile';
import { findHint, LOAD_TASK } from '../hint';

export { LOAD_TASK };

export interface PythonOptions {
  /** false: unknown hints stop the run (--no_python_hints). Default on. */
  enabled?: boolean;
  /** The interpreter (--python, cairn.python); default: found as find-python.ts says. */
  python?: string;
  /** Where hints' print() goes (default: this process's stdout). */
  print?: (text: string) => void;
  /** A program loaded by a hint (vm_load_program, the bootloaders' tasks), at its base. */
  onLoadProgram?: (program: Program, base: Relocatable) => void;
}

export interface PythonHintsSetup {
  vm: VirtualMachine;
  builtins: ReadonlyMap<string, BuiltinRunner>;
  layout: string;
  /** The dynamic layout's CairoLayoutParams fields. */
  layoutParams?: Record<string, number>;
  /** Proof mode: every builtin of the layout has a runner. */
  proofMode?: boolean;
  programInput: unknown;
  /** Its JSON text, when it was read from a file. */
  programInputText?: string;
  /** The program's JSON text, as cairo-lang loads it. */
  programJson: string | undefined;
  options: PythonOptions;
}

export class PythonHints implements HintFallback {
  why: string | undefined;
  session: BridgeSession | undefined;
  python: PythonFound | undefined;
  /** Hints taken by the bridge, and how many of those have no TypeScript implementation. */
  claimed = 0;
  unknown = 0;
  private readonly names: PythonNames = { reads: new Set(), writes: new Set() };

  constructor(private readonly setup: PythonHintsSetup) {}

  claim(program: Program, known: (def: HintDef) => boolean): Map<HintDef, LoadedHint> | undefined {
    let any = false;
    for (const defs of program.hints.values()) if (defs.some((d) => !known(d))) any = true;
    if (!any || !this.start()) return undefined;
    return this.plan(program, this.session!.names, known);
  }

  /** Starts the Python child (on the main program); false, with the reason in `why`, when it cannot. */
  private start(): boolean {
    const opts = this.setup.options;
    if (opts.enabled === false) {
      this.why = 'The Python hint bridge is off (--no_python_hints, setting cairn.pythonHints).';
      return false;
    }
    const found = findPython(opts.python);
    if ('error' in found) {
      this.why = `Cairn runs such hints in cairo-lang's Python, but ${found.error}. Install cairo-lang (pip install cairo-lang) or name its Python with --python PATH (setting cairn.python).`;
      return false;
    }
    this.python = found;
    if (this.setup.programJson === undefined) {
      this.why = 'The Python hint bridge needs the program file (this program was not loaded from one).';
      return false;
    }
    const vm = this.setup.vm;
    const bases: Record<string, number> = {};
    for (const [name, b] of this.setup.builtins) bases[`${name}_builtin`] = b.base.segment;
    try {
      this.session = BridgeSession.start(
        {
          python: found.path, programJson: this.setup.programJson, layout: this.setup.layout, layoutParams: this.setup.layoutParams,
          proofMode: this.setup.proofMode ?? false, bases, programInput: this.setup.programInput, programInputText: this.setup.programInputText,
        },
        vm,
        {
          print: opts.print ?? ((t) => process.stdout.write(t)),
          loadProgram: (json, base, names) => this.loadProgram(json, base, names),
          outputState: (state) => {
            const output = this.setup.builtins.get('output');
            if (output instanceof OutputBuiltin) output.setState(state);
          },
          currentOutput: () => {
            const output = this.setup.builtins.get('output');
            return output instanceof OutputBuiltin ? output.getState() : undefined;
          },
          addSignature: (addr, r, s) => {
            const ecdsa = this.setup.builtins.get('ecdsa');
            if (!(ecdsa instanceof EcdsaBuiltin)) throw new Error('The program has no ecdsa builtin.');
            ecdsa.addSignature(addr, [r, s]);
          },
        },
      );
    } catch (e) {
      this.why = `Cairn runs such hints in cairo-lang's Python (${found.path}), but it did not start: ${(e as Error).message}`;
      return false;
    }
    return true;
  }

  /** The bridged hints of one program (the main one, or one a hint loaded). */
  private plan(program: Program, names: HintNames, known: (def: HintDef) => boolean): Map<HintDef, LoadedHint> {
    const entries: PlanEntry<HintDef>[] = [];
    const keys = new Map<HintDef, string>();
    for (const [pc, defs] of program.hints) {
      defs.forEach((def, index) => {
        const key = `${names.id}:${pc}:${index}`;
        keys.set(def, key);
        const n = names.hints[key];
        const ts = known(def) && n !== undefined && !('compile' in n);
        entries.push({ item: def, ts, reads: n && 'r' in n ? n.r : [], writes: n && 'w' in n ? n.w : [] });
        if (!known(def)) this.unknown++;
      });
    }
    const py = planPython(entries, this.names);
    this.claimed += py.size;
    const out = new Map<HintDef, LoadedHint>();
    for (const def of py) {
      const key = keys.get(def)!;
      const n = names.hints[key];
      const index = program.hints.get(Number(key.split(':')[1]))!.indexOf(def);
      if (n !== undefined && 'compile' in n) {
        out.set(def, { code: def.code, index, run() { throw new PythonHintError(n.compile); } });
        continue;
      }
      const session = this.session!;
      out.set(def, { code: def.code, index, run: (machine) => session.run(machine, key) });
    }
    return out;
  }

  /** vm_load_program from a bridged hint: its hints go in at `base`, bridged or TypeScript. */
  private loadProgram(json: string, base: Relocatable, names: HintNames): void {
    const program = parseProgram(json);
    const known = (d: HintDef) => findHint(d.code) !== undefined;
    this.install(program, base, this.plan(program, names, known));
  }

  /**
   * vm_load_program from a TypeScript hint (the bootloaders' tasks), `json` the program's text:
   * the task's hints Cairn lacks run in Python, as the main program's do.
   */
  loadTask(program: Program, base: Relocatable, json?: string): void {
    const known = (d: HintDef) => findHint(d.code) !== undefined;
    let bridged = new Map<HintDef, LoadedHint>();
    const unknown = [...program.hints.values()].some((defs) => defs.some((d) => !known(d)));
    // Hints Cairn lacks run in Python, started now if the loader itself needed none.
    if (unknown && json !== undefined && (this.session !== undefined || this.start())) {
      bridged = this.plan(program, this.session!.loadTask(json, base), known);
    }
    this.install(program, base, bridged);
  }

  private install(program: Program, base: Relocatable, bridged: Map<HintDef, LoadedHint>): void {
    const vm = this.setup.vm;
    const table = base.segment === vm.programSeg ? vm.hints : (vm.otherHints.get(base.segment) ?? []);
    for (const [pc, defs] of program.hints) {
      table[base.offset + pc] = defs.map((def, index) => bridged.get(def) ?? compileHint(vm, program, this.setup.builtins, def, index, pc, this));
    }
    if (base.segment !== vm.programSeg) vm.otherHints.set(base.segment, table);
    this.setup.options.onLoadProgram?.(program, base);
  }

  /** For the debugger's console. */
  summary(): string | undefined {
    if (this.session === undefined || this.python === undefined) return undefined;
    const also = this.claimed - this.unknown;
    return `${this.claimed} hint${this.claimed === 1 ? '' : 's'} run in Python (${this.unknown} without a TypeScript implementation${also > 0 ? `, ${also} sharing scope variables with them` : ''}): cairo-lang ${this.python.cairoLang}, ${this.python.path} (${this.python.how}).`;
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
  }
}
