// The inlined frames of a Cairo 1 pc, as the call stack shows them and stepping counts them: the
// levels of its statement's inlining chain from the innermost place in the user's files outward
// (corelib code inlined into a user's line is that line), one per function (levels of one
// function, such as a statement inside a loop inside it, are one frame at the innermost).
import { CodeLocation } from './debug-file';
import { Statements, isCorelib } from './statements';

export interface InlineGroup {
  /** The function's name, when the profiler's names give one. */
  name: string | undefined;
  /** Where that function's code is at this level. */
  at: CodeLocation;
}

/** A statement's frames, innermost first; the last is the Sierra function's own (the fp frame). */
export function inlineGroups(statements: Statements, statement: number): InlineGroup[] {
  const shown = statements.shownStatement(statement);
  const chain = statements.chain(shown);
  const names = statements.chainNames(shown);
  const user = Math.max(0, chain.findIndex((l) => !isCorelib(l.file)));
  const groups: InlineGroup[] = [];
  for (let k = user; k < chain.length; k++) {
    const prev = groups[groups.length - 1];
    if (prev !== undefined && prev.name !== undefined && prev.name === names[k]) continue;
    groups.push({ name: names[k], at: chain[k] });
  }
  return groups;
}

/** Per pc: the inlined functions it runs in within its fp frame, outermost first, by name (cached). */
export class InlinePaths {
  private readonly cache = new Map<number, readonly string[]>();

  constructor(private readonly statements: Statements) {}

  at(pc: number): readonly string[] {
    let path = this.cache.get(pc);
    if (path === undefined) {
      const s = this.statements.at(pc);
      const groups = s === undefined ? [] : inlineGroups(this.statements, s).slice(0, -1);
      path = groups.map((g) => g.name ?? `${g.at.file}:${g.at.startLine}`).reverse();
      this.cache.set(pc, path);
    }
    return path;
  }
}
