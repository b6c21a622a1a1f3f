// Cairo 1 loops as a person steps through them. Sierra has no jumps back: a `loop`, `while` or
// `for` is a function of its own that calls itself once per iteration, so each iteration is a
// deeper frame and "step over" at the end of the body would run the whole rest of the loop.
// Stepping counts a loop's frames as the frame of the function that holds the loop.
//
// Which Sierra functions are loops: the widest place of the user's code among a function's
// statements is, for a function, its whole `fn` item, and for a loop, the loop expression; the
// source text there starts with `loop`, `while` or `for`. Without the source on disk, no
// function is taken for a loop (stepping then goes by frames alone).
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Memory } from '../../vm/memory';
import { Relocatable } from '../../vm/relocatable';
import { Timeline } from '../history';
import { returnOf } from '../frames';
import { FrameFolding } from '../stepping';
import { CodeLocation } from './debug-file';
import { Statements, isCorelib } from './statements';

export class Loops {
  /** Per Sierra function (index into functionStarts): whether it is a loop. */
  private readonly loop: boolean[];
  /** First pcs of the loop functions. */
  readonly entries = new Set<number>();

  constructor(
    private readonly statements: Statements,
    sourceRoot: string | undefined,
  ) {
    const { functionStarts: starts, statementOffsets: offsets, headerLen } = statements.debug;
    const texts = new Map<string, string[] | undefined>();
    const lines = (file: string) => {
      if (!texts.has(file)) texts.set(file, readLines(isAbsolute(file) || sourceRoot === undefined ? file : join(sourceRoot, file)));
      return texts.get(file);
    };
    this.loop = starts.map((from, k) => {
      const to = k + 1 < starts.length ? starts[k + 1] : offsets.length;
      let widest: CodeLocation | undefined;
      for (let s = from; s < to; s++) {
        const chain = statements.chain(s);
        const outer = chain[chain.length - 1];
        if (outer !== undefined && !isCorelib(outer.file) && (widest === undefined || wider(outer, widest))) widest = outer;
      }
      const text = widest === undefined ? undefined : lines(widest.file)?.[widest.startLine - 1]?.slice(widest.startCol - 1);
      const isLoop = text !== undefined && /^(loop|while|for)\b/.test(text);
      if (isLoop) this.entries.add(headerLen + offsets[from]);
      return isLoop;
    });
  }

  /** Whether the code at pc is in a loop's function. */
  inLoop(pc: number): boolean {
    const s = this.statements.at(pc);
    if (s === undefined) return false;
    const starts = this.statements.debug.functionStarts;
    let lo = 0;
    let hi = starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= s) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k >= 0 && this.loop[k];
  }

  /** Stepping's view of frames: a loop's frames (one per iteration) count as the frame that entered the loop. */
  folding(timeline: Timeline, mem: Memory, codeSegment: number): FrameFolding {
    return {
      fpAt: (step) => {
        const r = timeline.registersAt(step);
        let pc: Relocatable = r.pc;
        let fp: Relocatable = r.fp;
        // Frame cells below a step's fp were written before that step: today's memory has them as they were.
        for (let i = 0; i < 1_000_000 && pc.segment === codeSegment && this.inLoop(pc.offset); i++) {
          const ret = returnOf(mem, fp);
          if (ret === undefined || ret.fp.equals(fp)) break;
          pc = ret.pc;
          fp = ret.fp;
        }
        return { segment: fp.segment, offset: fp.offset };
      },
      entersFolded: (pc) => this.entries.has(pc),
    };
  }
}

function wider(a: CodeLocation, b: CodeLocation): boolean {
  return a.endLine - a.startLine > b.endLine - b.startLine || (a.endLine - a.startLine === b.endLine - b.startLine && a.endCol - a.startCol > b.endCol - b.startCol);
}

function readLines(path: string): string[] | undefined {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
