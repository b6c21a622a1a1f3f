// A Sierra variable's cell as the debug file writes it, evaluated with the registers of the
// step it belongs to: `[ap+1]` (a memory cell), `[[fp-3]+2]` (through a pointer), `5` (a
// constant), or `[ap+0] + [fp-4]` / `[fp-3] * 2` (an operation the compiler had not yet
// written to memory: its value is computed here the way the VM would).
import { Memory } from '../../vm/memory';
import { Relocatable, Value, isRelocatable } from '../../vm/relocatable';
import * as F from '../../vm/felt';

/** A cell's value, and the memory cell that holds it when there is one. */
export interface Cell {
  value: Value | undefined;
  addr?: Relocatable;
}

const REF = /^\[(ap|fp)([+-]\d+)\]$/;
const DOUBLE = /^\[\[(ap|fp)([+-]\d+)\]([+-]\d+)\]$/;
const IMMEDIATE = /^-?\d+$/;
const BINOP = /^(\[(?:ap|fp)[+-]\d+\]) ([-+*/]) (\[(?:ap|fp)[+-]\d+\]|-?\d+)$/;

/** Whether the debug file's text is a cell expression Cairn reads. */
export function isCellExpression(text: string): boolean {
  return REF.test(text) || DOUBLE.test(text) || IMMEDIATE.test(text) || BINOP.test(text);
}

/** A cell's value; a builtin's output cell no instruction read yet is deduced (the view does not write it). */
export function readCell(mem: Memory, segment: number, offset: number): Value | undefined {
  if (offset < 0) return undefined;
  return mem.get(segment, offset) ?? mem.deduce(segment, offset);
}

export function evaluateCell(text: string, ap: Relocatable, fp: Relocatable, mem: Memory): Cell {
  const at = (reg: string, off: string): Relocatable => {
    const base = reg === 'ap' ? ap : fp;
    return new Relocatable(base.segment, base.offset + Number(off));
  };
  const read = (a: Relocatable): Value | undefined => readCell(mem, a.segment, a.offset);
  let m = REF.exec(text);
  if (m !== null) {
    const addr = at(m[1], m[2]);
    return { value: read(addr), addr };
  }
  m = DOUBLE.exec(text);
  if (m !== null) {
    const p = read(at(m[1], m[2]));
    if (!isRelocatable(p)) return { value: undefined };
    const addr = new Relocatable(p.segment, p.offset + Number(m[3]));
    return { value: read(addr), addr };
  }
  if (IMMEDIATE.test(text)) return { value: F.toFelt(BigInt(text)) };
  m = BINOP.exec(text);
  if (m === null) return { value: undefined };
  const a = evaluateCell(m[1], ap, fp, mem).value;
  const b = evaluateCell(m[3], ap, fp, mem).value;
  try {
    return { value: a === undefined || b === undefined ? undefined : operate(m[2], a, b) };
  } catch {
    return { value: undefined }; // an offset out of range: not a value this run could hold
  }
}

function operate(op: string, a: Value, b: Value): Value | undefined {
  if (isRelocatable(a)) {
    if (isRelocatable(b)) return op === '-' && a.segment === b.segment ? F.toFelt(BigInt(a.offset - b.offset)) : undefined;
    if (op === '+') return a.add(b);
    if (op === '-') return a.add(F.neg(b));
    return undefined;
  }
  if (isRelocatable(b)) return op === '+' ? b.add(a) : undefined;
  switch (op) {
    case '+':
      return F.add(a, b);
    case '-':
      return F.sub(a, b);
    case '*':
      return F.mul(a, b);
    default:
      return F.big(b) === 0n ? undefined : F.div(a, b);
  }
}
