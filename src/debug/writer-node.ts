// "Who wrote this?" as the REPL shows it: one line naming the writing step and its place, and
// the instruction's operands as children, each with the form that asks about its own writer.
import { VarNode } from './values';
import { Inspection, WriterNode } from './front';
import { Provenance, provenance } from './provenance';
import { Places } from './places';
import { Code } from './code';
import { Timeline } from './history';

/** What "who wrote" reads of a run, live or recorded. */
export interface WriterSubject {
  readonly code: Code;
  readonly timeline: Timeline;
  readonly places: Places;
  readonly inspect: Inspection;
  readonly control: { goTo(step: number, text: string): void };
}

/** Who wrote `target` (an expression in `frame`, or `s:o`); `move` takes the run to that step. */
export function whoWrote(run: WriterSubject, target: string, frame: number, move: boolean): WriterNode {
  const cell = /^\s*-?\d+:\d+\s*$/.test(target) ? run.code.parseAddress(target) : run.inspect.evaluate(target, frame).cell;
  if (cell === undefined) throw new Error(`${target} is not one memory cell (try an id, &x, [ap - 1] or segment:offset).`);
  return writerNode(target, provenance(run.timeline, run.code, cell), run.places, (step, text) => move && run.control.goTo(step, text));
}

/** The node for a provenance; `goTo` moves the run to the writing step. */
export function writerNode(target: string, p: Provenance, places: Places, goTo: (step: number, text: string) => void): WriterNode {
  const cell = `${p.cell.segment}:${p.cell.offset}`;
  if (p.step === undefined) {
    return { name: target, value: `${cell} = ${p.value}: written before the run started (the program, the entrypoint's arguments or a builtin's base)` };
  }
  const place = p.pc !== undefined ? places.of(p.pc) : undefined;
  const where = [p.pc !== undefined ? `pc 0x${p.pc.toString(16)}` : '', place ? `${place.file.name}:${place.line}` : ''].filter(Boolean).join(', ');
  const how = p.byInstruction ? 'written by step' : 'written by a hint at step';
  const text = `${cell} = ${p.value}: ${how} ${p.step}${where ? ` (${where})` : ''}`;
  goTo(p.step, `${cell} was ${how} ${p.step}`);
  const kids: VarNode[] = p.operands.map((o) => {
    const at = `${o.address.segment}:${o.address.offset}`;
    const writer = o.writer === undefined ? 'before the run' : o.address.segment === p.cell.segment && o.address.offset === p.cell.offset ? `step ${o.writer} (this write)` : `step ${o.writer}`;
    return { name: `${o.role} ${o.text}`, value: `${at} = ${o.value}, written ${writer === 'before the run' ? writer : `by ${writer}`}`, evaluateName: `who wrote ${at}`, memoryReference: at };
  });
  return { name: target, value: text, step: p.step, children: kids.length ? { list: () => kids } : undefined };
}
