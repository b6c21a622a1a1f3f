// Source spans of Sierra statements (cairo-coverage's locations) compared: which holds which,
// which is wider, and which are the wide spans the compiler gives to glue code.
import { CodeLocation } from './debug-file';

/**
 * Places without the ones that enclose others on later lines: the span of a whole function or
 * loop, which the compiler gives to the glue between statements (moving values, the loop's
 * recursive call). A step or a breakpoint there would read as a jump back to the `fn` or
 * `while` line between the lines inside it; such statements are left to the lines around them.
 */
export function enclosingDropped(places: (CodeLocation | undefined)[]): (CodeLocation | undefined)[] {
  const key = (l: CodeLocation) => `${l.file}:${l.startLine}:${l.startCol}:${l.endLine}:${l.endCol}`;
  const distinct = new Map<string, CodeLocation>();
  for (const p of places) if (p !== undefined) distinct.set(key(p), p);
  const all = [...distinct.values()];
  const encloses = new Set<string>();
  for (const a of all) {
    if (a.endLine === a.startLine) continue;
    const inner = all.some((b) => b !== a && holds(a, b) && b.startLine > a.startLine);
    if (inner) encloses.add(key(a));
  }
  return places.map((p) => (p === undefined || encloses.has(key(p)) ? undefined : p));
}

/** A location's extent, for comparing widths: lines first, then columns. */
export function spanOf(l: CodeLocation): number {
  return (l.endLine - l.startLine) * 100_000 + (l.endCol - l.startCol);
}

/** Whether a holds b: the same file, b's span within a's. */
export function holds(a: CodeLocation, b: CodeLocation): boolean {
  const startsInside = a.startLine < b.startLine || (a.startLine === b.startLine && a.startCol <= b.startCol);
  const endsInside = b.endLine < a.endLine || (b.endLine === a.endLine && b.endCol <= a.endCol);
  return a.file === b.file && startsInside && endsInside;
}
