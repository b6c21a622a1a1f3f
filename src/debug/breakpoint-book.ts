// The breakpoints as the editor last sent them, kept apart from any one run: a restart opens a
// new run and sets them again, and lines sent before the program is loaded are answered
// unverified.
import { Breakpoints, FunctionSpec, InstructionSpec, LineSpec, RuntimeBreakpoint } from './front';

/** A watch on a cell as the editor asks it: memory is write-once, so only writes can be watched. */
export interface DataSpec {
  dataId: string;
  accessType?: string;
}

export class BreakpointBook {
  private lines = new Map<string, LineSpec[]>();
  private functions: FunctionSpec[] | undefined;
  private instructions: InstructionSpec[] | undefined;
  private data: DataSpec[] | undefined;
  exceptions = true;

  setLines(to: Breakpoints | undefined, path: string, specs: LineSpec[]): RuntimeBreakpoint[] {
    this.lines.set(path, specs);
    if (to === undefined) return specs.map((b) => ({ verified: false, line: b.line, message: 'The program is not loaded yet.' }));
    return to.setLines(path, specs);
  }

  setFunctions(to: Breakpoints, specs: FunctionSpec[]): RuntimeBreakpoint[] {
    this.functions = specs;
    return to.setFunctions(specs);
  }

  setInstructions(to: Breakpoints, specs: InstructionSpec[]): RuntimeBreakpoint[] {
    this.instructions = specs;
    return to.setInstructions(specs);
  }

  setExceptions(to: Breakpoints | undefined, on: boolean): void {
    this.exceptions = on;
    to?.setExceptions(on);
  }

  /** One answer per spec, in order: a watch on anything but writes is refused on its own. */
  setData(to: Breakpoints, specs: DataSpec[]): RuntimeBreakpoint[] {
    this.data = specs;
    const writes = specs.filter((b) => b.accessType === undefined || b.accessType === 'write');
    const set = to.setData(writes.map((b) => b.dataId));
    return specs.map((b) => {
      const i = writes.indexOf(b);
      if (i < 0) return { verified: false, message: `Cairn watches writes only (Cairo memory is write-once), not "${b.accessType}".` };
      return { id: set[i].id, verified: set[i].verified, message: set[i].message };
    });
  }

  /** Everything sent so far, set on a new run. */
  applyTo(to: Breakpoints): void {
    to.setExceptions(this.exceptions);
    for (const [path, specs] of this.lines) to.setLines(path, specs);
    if (this.functions) to.setFunctions(this.functions);
    if (this.instructions) to.setInstructions(this.instructions);
    if (this.data) this.setData(to, this.data);
  }
}
