// The inspection of a Cairo 1 run: the live run's own, with the call stack as a Cairo 1
// developer reads it. Each fp frame is one Sierra function, named through cairo-profiler's
// statements_functions; the functions the compiler inlined into it at the frame's pc come
// above it, one frame each, from cairo-coverage's inlining chain ("[inlined]"), from the
// innermost place in the user's files outward (corelib code inlined into a user's line, such
// as the `+` of `a + b`, is that line, as stepping and breakpoints take it). Requests that
// name a frame go to the fp frame that holds it.
import { Inspection, RuntimeFrame, RuntimeScope, ScopeKind, MemoryBytes, DisassemblyRow, Failure, SourceFile, Place } from '../front';
import { Inspector } from '../inspection';
import { Places } from '../places';
import { Code } from '../code';
import { VarNode } from '../values';
import { Completions } from '../completions';
import { CodeLocation } from './debug-file';
import { Statements, isCorelib, HEADER_NAME, baseName } from './statements';
import { inlineGroups } from './inline-path';
import { Arguments } from './arguments';
import { Loops } from './loops';
import { Locals, LocalVar } from './locals';
import { Memory } from '../../vm/memory';
import { Timeline } from '../history';

/** Why the Arguments scope holds no other Sierra variables (said in the scope rather than left out). */
export const NO_VARIABLES =
  'Sierra variables other than a function\'s arguments are not shown: the debug file has no Sierra-to-CASM variable cells (which cells hold each variable). Registers and Memory show the run.';

export class Cairo1Inspection implements Inspection {
  private readonly others = new Map<string, SourceFile>();
  private cached: { step: number; latest: number; frames: RuntimeFrame[]; fpFrame: number[]; files: (string | undefined)[] } | undefined;

  constructor(
    private readonly inner: Inspector,
    private readonly statements: Statements,
    private readonly places: Places,
    private readonly code: Code,
    private readonly at: () => { step: number; latest: number },
    private readonly args: Arguments,
    private readonly memory: () => Memory,
    private readonly loops: Loops,
    /** The frame's Cairo variables, when the debug file names them (else the Arguments scope). */
    private readonly locals: { of: Locals; timeline: Timeline } | undefined,
  ) {}

  /** The fp frame (the live run's frame index) that shows as frame `index`. */
  fpFrame(index: number): number {
    const f = this.view().fpFrame[index];
    if (f === undefined) throw new Error(`There is no frame ${String(index)}.`);
    return f;
  }

  frames(start: number, count: number): { frames: RuntimeFrame[]; total: number } {
    const all = this.view().frames;
    const from = Math.max(0, start);
    return { frames: all.slice(from, from + Math.max(0, count)), total: all.length };
  }

  private view(): { frames: RuntimeFrame[]; fpFrame: number[]; files: (string | undefined)[] } {
    const { step, latest } = this.at();
    const c = this.cached;
    if (c !== undefined && c.step === step && c.latest === latest) return c;
    const frames: RuntimeFrame[] = [];
    const fpFrame: number[] = [];
    /** Per frame: the debug file's name of the file it is in. */
    const files: (string | undefined)[] = [];
    const stack = this.inner.stack();
    stack.forEach((f, i) => {
      const own = this.inner.frames(i, 1).frames[0];
      const statement = this.code.isCode(f.pc) ? this.statements.at(f.pc.offset) : undefined;
      if (statement === undefined) {
        const header = this.code.isCode(f.pc) && f.pc.offset < this.statements.debug.headerLen;
        frames.push({ ...own, index: frames.length, name: header ? HEADER_NAME : own.name });
        fpFrame.push(i);
        files.push(undefined);
        return;
      }
      const groups = inlineGroups(this.statements, statement);
      const fn = this.statements.functionAt(f.pc.offset);
      const outer = groups.pop();
      for (const g of groups) {
        const place = this.place(g.at);
        frames.push({ index: frames.length, name: `${g.name ?? `<inlined code in ${baseName(g.at.file)}>`} [inlined]`, pc: own.pc, ...place, library: place.file.library });
        fpFrame.push(i);
        files.push(g.at.file);
      }
      const place = outer === undefined ? undefined : this.place(outer.at);
      // A loop's function calls itself once per iteration: each iteration is a frame, with the loop's variables as arguments.
      const loop = fn !== undefined && this.loops.isLoop(fn) ? ' [loop]' : '';
      const name = outer?.name ?? this.statements.functionOf(statement) ?? own.name;
      frames.push({ ...own, ...place, index: frames.length, name: name + loop, library: place?.file.library ?? own.library });
      fpFrame.push(i);
      files.push(outer?.at.file);
    });
    this.cached = { step, latest, frames, fpFrame, files };
    return this.cached;
  }

  private place(l: CodeLocation): Place {
    return { file: this.file(l.file), line: l.startLine, column: l.startCol, endLine: l.endLine, endColumn: l.endCol };
  }

  /** A file of the chain: as the line tables know it, or (a corelib file no pc is placed in) by its name alone. */
  private file(name: string): SourceFile {
    const i = this.places.sourceMap.fileForPath(name);
    if (i !== undefined) {
      const known = this.places.file(i);
      return isCorelib(name) && !known.library ? { ...known, library: true } : known;
    }
    let f = this.others.get(name);
    if (f === undefined) this.others.set(name, (f = { name, library: true }));
    return f;
  }

  scopes(frame: number): RuntimeScope[] {
    // Cairo 1 hints keep no exec scopes: that scope would always be empty.
    return this.inner
      .scopes(this.fpFrame(frame))
      .filter((s) => s.kind !== 'hints')
      .map((s) => (s.kind === 'locals' ? { ...s, name: this.locals === undefined ? 'Arguments' : 'Locals' } : s));
  }

  variables(frame: number, scope: ScopeKind): VarNode[] {
    if (scope === 'locals') return this.locals === undefined ? this.arguments(frame) : this.localVariables(frame);
    return this.inner.variables(this.fpFrame(frame), scope);
  }

  /**
   * The Cairo variables the frame's Sierra function has seen so far. Its own frame shows those
   * defined inside its `fn`; a frame of code inlined into it, those defined elsewhere in that
   * frame's file (the inlined functions' own variables, when the compiler named them).
   */
  private localVariables(frame: number): VarNode[] {
    const fp = this.fpFrame(frame);
    const f = this.inner.stack()[fp];
    const k = f !== undefined && this.code.isCode(f.pc) ? this.statements.functionAt(f.pc.offset) : undefined;
    if (f === undefined || k === undefined || this.locals === undefined) return [];
    const { of, timeline } = this.locals;
    const own = (l: LocalVar) => of.isOwn(k, l);
    const view = this.view();
    const inlined = view.fpFrame.lastIndexOf(fp) !== frame;
    const mem = this.memory();
    const vars = of.variables(timeline, this.at().step, k, f.fp).filter((l) => (inlined ? !own(l) && l.file === view.files[frame] : own(l)));
    return Locals.latestByName(vars).map((l) => of.node(l, mem));
  }

  /** The arguments of the Sierra function whose fp frame holds this frame, then what is not shown. */
  private arguments(frame: number): VarNode[] {
    const fp = this.fpFrame(frame);
    const f = this.inner.stack()[fp];
    const note: VarNode = { name: 'note', value: NO_VARIABLES };
    const found = f !== undefined && this.code.isCode(f.pc) ? this.args.nodes(this.memory(), f.pc.offset, f.fp) : undefined;
    if (found === undefined) return [note];
    const inlined = this.view().fpFrame.lastIndexOf(fp) !== frame;
    const whose: VarNode[] = inlined ? [{ name: 'arguments of', value: `${found.function} (this code is inlined into it)` }] : [];
    return [...whose, ...found.nodes, note];
  }

  /** An argument of the frame's function by its name (a hover on `n`), else what the live run evaluates (`[ap - 1]`, `fp`). */
  evaluate(expression: string, frame: number): VarNode {
    const name = typeof expression === 'string' ? expression.trim() : '';
    const named = () => (this.locals === undefined ? this.arguments(frame) : this.localVariables(frame));
    const arg = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? named().find((n) => n.name === name && n.type !== undefined) : undefined;
    return arg !== undefined ? { ...arg, evaluateName: name } : this.inner.evaluate(expression, this.fpFrame(frame));
  }

  completions(text: string, caret: number, frame: number): Completions {
    return this.inner.completions(text, caret, this.fpFrame(frame));
  }

  setCell(node: VarNode, text: string): string {
    return this.inner.setCell(node, text);
  }

  readMemory(reference: string, offset: number, count: number): MemoryBytes {
    return this.inner.readMemory(reference, offset, count);
  }

  disassemble(reference: string, offset: number, instructionOffset: number, count: number): DisassemblyRow[] {
    return this.inner.disassemble(reference, offset, instructionOffset, count);
  }

  failure(): Failure | undefined {
    return this.inner.failure();
  }

  sources(): SourceFile[] {
    return this.inner.sources();
  }

  sourceText(name: string): string {
    if (isCorelib(name)) return `// ${name} is a file of the Cairo core library, which is not on this disk.\n// Set "sourceRoot" to the folder that holds it (a checkout of starkware-libs/cairo at the compiler's version).\n`;
    return this.inner.sourceText(name);
  }
}

