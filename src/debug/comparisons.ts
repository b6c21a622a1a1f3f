// What the debugger adds to Cairo expressions, the same in watch, hover, the debug console and
// breakpoint conditions: comparisons (== != < <= > >=) and `and` / `or` (as in a Cairo `if`),
// joining expressions the evaluator reads. Felts compare as signed numbers, addresses by offset
// within one segment. `or` binds loosest, then `and`, then one comparison.
import { parseExpr } from '../vm/cairo-expr';

export type Comparable = { felt: bigint } | { segment: number; offset: number };

type Cmp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Logic =
  | { kind: 'or' | 'and'; parts: Logic[] }
  | { kind: 'cmp'; op: Cmp; left: string; right: string }
  | { kind: 'value'; expr: string };

/** Top-level pieces of `text` between matches of `sep` (outside brackets and parentheses). */
function splitTop(text: string, sep: RegExp): { parts: string[]; seps: string[] } {
  const parts: string[] = [];
  const seps: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m !== null && m.index === i) {
        parts.push(text.slice(start, i));
        seps.push(m[1] ?? m[0]);
        i += m[0].length;
        start = i;
        continue;
      }
    }
    i++;
  }
  parts.push(text.slice(start));
  return { parts, seps };
}

const OR = /(?<![A-Za-z0-9_])or(?![A-Za-z0-9_])/y;
const AND = /(?<![A-Za-z0-9_])and(?![A-Za-z0-9_])/y;
const CMP = /(==|!=|<=|>=|<|>)/y;

/** Parses a condition; throws a clear error on a malformed one (every operand is checked as a Cairo expression). */
export function parseLogic(text: string): Logic {
  const or = splitTop(text, OR);
  if (or.parts.length > 1) return { kind: 'or', parts: or.parts.map(parseLogic) };
  const and = splitTop(text, AND);
  if (and.parts.length > 1) return { kind: 'and', parts: and.parts.map(parseLogic) };
  const trimmed = text.trim();
  // `(a == b) or c`: parentheses around a whole condition.
  const inner = trimmed.slice(1, -1);
  if (trimmed.startsWith('(') && trimmed.endsWith(')') && balanced(inner) && [CMP, OR, AND].some((sep) => splitTop(inner, sep).parts.length > 1)) {
    return parseLogic(inner);
  }
  const cmp = splitTop(text, CMP);
  if (cmp.parts.length > 2) throw new Error(`"${text.trim()}" chains comparisons: join them with and / or.`);
  const check = (e: string) => {
    if (e.trim() === '') throw new Error(`"${text.trim()}" is missing an operand.`);
    parseExpr(e.trim());
    return e.trim();
  };
  if (cmp.parts.length === 2) return { kind: 'cmp', op: cmp.seps[0] as Cmp, left: check(cmp.parts[0]), right: check(cmp.parts[1]) };
  return { kind: 'value', expr: check(text) };
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Whether the text is more than one Cairo expression (a comparison, and / or). */
export function isLogic(l: Logic): boolean {
  return l.kind !== 'value';
}

/** The truth of a condition: a lone expression holds when it is not zero (an address always holds). */
export function holds(l: Logic, value: (expr: string) => Comparable): boolean {
  switch (l.kind) {
    case 'or':
      return l.parts.some((p) => holds(p, value));
    case 'and':
      return l.parts.every((p) => holds(p, value));
    case 'value': {
      const v = value(l.expr);
      return 'felt' in v ? v.felt !== 0n : true;
    }
    case 'cmp':
      return compare(l.op, l.left, l.right, value(l.left), value(l.right));
  }
}

function compare(op: Cmp, leftText: string, rightText: string, a: Comparable, b: Comparable): boolean {
  let cmp: number;
  if ('felt' in a && 'felt' in b) cmp = a.felt < b.felt ? -1 : a.felt > b.felt ? 1 : 0;
  else if ('segment' in a && 'segment' in b && a.segment === b.segment) cmp = a.offset - b.offset;
  else if (op === '==' || op === '!=') cmp = 1;
  else throw new Error(`Cannot order ${leftText} and ${rightText} (an address and a felt, or two segments).`);
  switch (op) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '>':
      return cmp > 0;
    default:
      return cmp >= 0;
  }
}
