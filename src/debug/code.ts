// The program's code as the debugger addresses it. Which segment holds the code is said here
// once (the runner's program base); everything above asks `isCode`, writes pcs with `reference`
// and reads the editor's addresses with `parseAddress` / `parsePc`.
import { Relocatable, Value } from '../vm/relocatable';
import { listProgram, ListedInstruction } from './disassemble';

export class Code {
  private listed: ListedInstruction[] | undefined;

  constructor(
    readonly segment: number,
    readonly data: readonly Value[],
  ) {}

  isCode(a: { segment: number }): boolean {
    return a.segment === this.segment;
  }

  /** A pc as the editor's instruction references write it: `0x1c`. */
  reference(pc: number): string {
    return '0x' + pc.toString(16);
  }

  /** A memory reference: `s:o` names any cell; a bare number (`0x1c`, `28`) is a pc of the code. */
  parseAddress(ref: unknown): Relocatable | undefined {
    if (typeof ref !== 'string') return undefined;
    const m = /^\s*(-?\d{1,9}):(\d{1,15})\s*$/.exec(ref);
    if (m) return new Relocatable(Number(m[1]), Number(m[2]));
    if (/^\s*(0x[0-9a-fA-F]{1,13}|\d{1,15})\s*$/.test(ref)) return new Relocatable(this.segment, Number(BigInt(ref.trim())));
    return undefined;
  }

  /** A pc of the code from a reference plus a cell offset; undefined when it names no code cell. */
  parsePc(ref: unknown, offset: unknown = 0): number | undefined {
    const a = this.parseAddress(ref);
    const pc = a === undefined ? NaN : a.offset + (Number.isSafeInteger(offset) ? (offset as number) : NaN);
    return a !== undefined && this.isCode(a) && pc >= 0 && pc < this.data.length ? pc : undefined;
  }

  /** The code decoded from its start, one instruction after another. */
  get listing(): ListedInstruction[] {
    return (this.listed ??= listProgram(this.data));
  }

  /** Index in `listing` of the instruction that covers pc (the listing's length past the end). */
  indexOf(pc: number): number {
    const list = this.listing;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].pc + list[mid].size <= pc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether an instruction starts at pc. */
  startsAt(pc: number): boolean {
    const i = this.indexOf(pc);
    return i < this.listing.length && this.listing[i].pc === pc;
  }
}
