// "Who wrote this?" as the REPL shows it: one line naming the writing step and its place, and
// the instruction's operands as children, each with the form that asks about its own writer.
import { VarNode } from './values';
import { Provenance } from './provenance';
import { Places } from './places';

/** The node for a provenance; `goTo` moves the run to the writing step. */
export function writerNode(target: string, p: Provenance, places: Places, goTo: (step: number, text: string) => void): VarNode {
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
  return { name: target, value: text, children: kids.length ? { list: () => kids } : undefined };
}
