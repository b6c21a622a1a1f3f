// Programs a hint loads and runs (vm_load_program: the bootloaders' tasks), each in its own
// segment at its own base, with its own debug_info. The debugger's main tables know only the
// program segment; these give a task's pcs their statements, functions, names and breakpoints.
import { Program } from '../vm/program';
import { Relocatable } from '../vm/relocatable';
import { SourceMap, SourceOptions } from './source-map';
import { Places } from './places';
import { BreakpointTable } from './breakpoints';

/** Line keys of a task are apart from the main program's and from each other's. */
const KEY_SPACE = 2 ** 31;

export interface Task {
  index: number;
  program: Program;
  base: Relocatable;
  sourceMap: SourceMap;
  places: Places;
  /** Breakpoints by the task's own pcs. */
  table: BreakpointTable;
}

export class Tasks {
  readonly list: Task[] = [];
  private readonly bySegment = new Map<number, Task[]>();

  constructor(private readonly options: SourceOptions) {}

  add(program: Program, base: Relocatable): Task {
    const sourceMap = new SourceMap(program, this.options);
    const task: Task = { index: this.list.length, program, base, sourceMap, places: new Places(sourceMap, program), table: new BreakpointTable(program.data.length) };
    this.list.push(task);
    const same = this.bySegment.get(base.segment);
    if (same === undefined) this.bySegment.set(base.segment, [task]);
    else same.push(task);
    return task;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** The task whose code holds this pc, and the pc in the task's own numbering. */
  at(segment: number, offset: number): { task: Task; pc: number } | undefined {
    const list = this.bySegment.get(segment);
    if (list === undefined) return undefined;
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i];
      const pc = offset - t.base.offset;
      if (pc >= 0 && pc < t.program.data.length) return { task: t, pc };
    }
    return undefined;
  }

  /** A segment that holds a task's code. */
  holdsCode(segment: number): boolean {
    return this.bySegment.has(segment);
  }

  /** The step line key of a task pc (-1 where no step stops). */
  stepKey(segment: number, offset: number): number {
    const at = this.at(segment, offset);
    if (at === undefined) return -1;
    const key = at.task.sourceMap.stepKeyOfPc[at.pc];
    return key === -1 ? -1 : key + (at.task.index + 1) * KEY_SPACE;
  }

  /** Whether a breakpoint is set at this task pc (the run loop's check). */
  stopsAt(segment: number, offset: number): boolean {
    const at = this.at(segment, offset);
    return at !== undefined && at.task.table.active[at.pc] === 1;
  }
}
