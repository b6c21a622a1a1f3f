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
import { Statements } from './statements';
import { CodeLocation } from './debug-file';
import { InlinePaths } from './inline-path';

export class Loops {
  /** Per Sierra function (index into functionStarts): whether it is a loop. */
  private readonly loop: boolean[];
  /** First pcs of the loop functions. */
  readonly entries = new Set<number>();
  private readonly texts = new Map<string, string[] | undefined>();
  private readonly paths: InlinePaths;

  constructor(
    private readonly statements: Statements,
    private readonly sourceRoot: string | undefined,
  ) {
    this.paths = new InlinePaths(statements);
    const { functionStarts: starts, statementOffsets: offsets, headerLen } = statements.debug;
    const selfCalls = this.selfCalls();
    const startsLoop = (l: CodeLocation | undefined) => {
      const text = l === undefined ? undefined : this.lines(l.file)?.[l.startLine - 1]?.slice(l.startCol - 1);
      return text !== undefined && /^(loop|while|for)\b/.test(text);
    };
    this.loop = starts.map((from, k) => {
      // The widest place is the loop; or (when a statement inlined from elsewhere, a panic, spans the
      // whole fn) the place of the call the loop makes of itself for its next iteration.
      const isLoop = startsLoop(statements.widestPlace(k)) || (selfCalls.get(k) ?? []).some((s) => statements.chain(s).some(startsLoop));
      if (isLoop) this.entries.add(headerLen + offsets[from]);
      return isLoop;
    });
    statements.nameFunctions((k) => this.loop[k]);
  }

  /** Per Sierra function (label number): its statements that call the function itself (the debug file's callees). */
  private selfCalls(): Map<number, number[]> {
    const { functionLabels, variables } = this.statements.debug;
    const out = new Map<number, number[]>();
    if (variables === undefined) return out;
    variables.statements.forEach((st, s) => {
      const k = st?.callee === undefined ? undefined : functionLabels.get(st.callee);
      if (k !== undefined && this.statements.functionOfStatement(s) === k) out.set(k, [...(out.get(k) ?? []), s]);
    });
    return out;
  }

  /** A source file's lines, read once (undefined when it is not on disk). */
  lines(file: string): string[] | undefined {
    if (!this.texts.has(file)) this.texts.set(file, readLines(isAbsolute(file) || this.sourceRoot === undefined ? file : join(this.sourceRoot, file)));
    return this.texts.get(file);
  }

  /** Whether a Sierra function (by label number) is a loop. */
  isLoop(k: number): boolean {
    return this.loop[k] === true;
  }

  /** Whether the code at pc is in a loop's function. */
  inLoop(pc: number): boolean {
    const k = this.statements.functionAt(pc);
    return k !== undefined && this.loop[k];
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
      inlinedAt: (step) => {
        const r = timeline.registersAt(step);
        let pc: Relocatable = r.pc;
        let fp: Relocatable = r.fp;
        if (pc.segment !== codeSegment) return [];
        let path = this.paths.at(pc.offset);
        // A loop's frames count as the frame that entered the loop: its code is inlined where the loop was called (its own calls to itself add nothing).
        for (let i = 0; i < 1_000_000 && pc.segment === codeSegment && this.inLoop(pc.offset); i++) {
          const ret = returnOf(mem, fp);
          if (ret === undefined || ret.fp.equals(fp) || ret.pc.segment !== codeSegment) break;
          const site = ret.pc.offset - 1;
          if (this.statements.functionAt(site) !== this.statements.functionAt(pc.offset)) path = [...this.paths.at(site), ...path];
          pc = ret.pc;
          fp = ret.fp;
        }
        return path;
      },
    };
  }
}

function readLines(path: string): string[] | undefined {
  try {
    return readFileSync(path, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
