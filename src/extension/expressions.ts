// Which source text names a value: identifiers to show inline while stopped, and the expression
// under the mouse for hover. Pure text logic on top of the scanner, so it is unit-tested.
import { tokenize, Token } from '../server/scanner';

export interface IdentRef { name: string; line: number; start: number; end: number }

// Words that are never a variable of the current frame.
const NOT_VALUES = new Set([
  'func', 'struct', 'namespace', 'let', 'local', 'tempvar', 'const', 'member', 'return', 'if', 'else',
  'assert', 'static_assert', 'with_attr', 'with', 'alloc_locals', 'from', 'import', 'as', 'cast', 'felt',
  'codeoffset', 'jmp', 'call', 'rel', 'abs', 'ret', 'ap', 'fp', 'pc', 'using', 'nondet', 'new', 'dw',
  'and', 'or', 'SIZE', 'to',
]);

/** Identifiers in lines [fromLine, toLine] that may be variables of the frame: not keywords,
 *  not called functions, not members after `.`, not keyword arguments (`Point(x=1)`), not types,
 *  not the names being declared by func/struct/namespace. One per name and line. */
export function inlineIdentifiers(text: string, fromLine: number, toLine: number): IdentRef[] {
  const tokens = tokenize(text);
  const out: IdentRef[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.line < fromLine) continue;
    if (t.line > toLine) break;
    if (t.kind !== 'ident' || NOT_VALUES.has(t.text)) continue;
    const prev = tokens[k - 1]?.text ?? '';
    const next = tokens[k + 1]?.text ?? '';
    if (prev === '.' || prev === '@' || prev === '%' || prev === 'func' || prev === 'struct' || prev === 'namespace') continue;
    if (next === '(' || (next === '{' && prev !== '=' && prev !== ',')) continue;   // calls, incl. foo{x=y}(..)
    if (next === '=' && (prev === '(' || prev === ',' || prev === '{')) continue;   // keyword / implicit arguments
    if (prev === ':' || (/^[A-Z]/.test(t.text) && (next === '.' || next === '*'))) continue; // types: `p: Point*`, Point.SIZE
    if (isImport(tokens, k)) continue;
    const key = `${t.line}:${t.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: t.text, line: t.line, start: t.character, end: t.character + t.text.length });
  }
  return out;
}

/** True if tokens[k] is a name in `from a.b import (c, d)`: walk back over the statement, which
 *  only continues onto an earlier line after `(` or `,`. */
function isImport(tokens: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const s = tokens[j].text;
    if (tokens[j].line !== tokens[j + 1].line && s !== '(' && s !== ',') return false;
    if (s === 'from') return true;
    if (!(tokens[j].kind === 'ident' || s === '.' || s === ',' || s === '(')) return false;
  }
  return false;
}

export interface ExprRange { expression: string; line: number; start: number; end: number }

/** The expression to evaluate for a hover at (line, character): a dotted name up to the hovered
 *  part (`p.x` on x, `p` on p), or a whole memory access `[ap - 1]` when on its brackets or on a
 *  register inside it. Undefined in comments, strings and hints. */
export function expressionAt(text: string, line: number, character: number): ExprRange | undefined {
  const tokens = tokenize(text);
  const k = tokens.findIndex((t) => t.line === line && character >= t.character && character <= t.character + t.text.length
    && (t.kind === 'ident' || t.text === '[' || t.text === ']'));
  if (k < 0) return undefined;
  const t = tokens[k];
  if (t.text === '[' || t.text === ']' || (['ap', 'fp'].includes(t.text) && enclosingBracket(tokens, k))) {
    const span = t.text === '[' ? bracketFrom(tokens, k) : t.text === ']' ? bracketTo(tokens, k) : enclosingBracket(tokens, k);
    if (!span) return undefined;
    const [a, b] = span;
    if (tokens[a].line !== tokens[b].line) return undefined;
    const lineText = text.split('\n')[line];
    return { expression: lineText.slice(tokens[a].character, tokens[b].character + 1), line, start: tokens[a].character, end: tokens[b].character + 1 };
  }
  if (NOT_VALUES.has(t.text) && !['ap', 'fp', 'pc'].includes(t.text)) return undefined;
  let a = k;
  while (a >= 2 && tokens[a - 1].text === '.' && tokens[a - 2].kind === 'ident' && tokens[a - 2].line === line) a -= 2;
  const start = tokens[a].character;
  const end = t.character + t.text.length;
  const lineText = text.split('\n')[line];
  return { expression: lineText.slice(start, end), line, start, end };
}

function bracketFrom(tokens: Token[], open: number): [number, number] | undefined {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].text === '[') depth++;
    else if (tokens[j].text === ']' && --depth === 0) return [open, j];
  }
  return undefined;
}

function bracketTo(tokens: Token[], close: number): [number, number] | undefined {
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    if (tokens[j].text === ']') depth++;
    else if (tokens[j].text === '[' && --depth === 0) return [j, close];
  }
  return undefined;
}

function enclosingBracket(tokens: Token[], k: number): [number, number] | undefined {
  let depth = 0;
  for (let j = k - 1; j >= 0 && tokens[j].line === tokens[k].line; j--) {
    if (tokens[j].text === ']') depth++;
    else if (tokens[j].text === '[') { if (depth === 0) return bracketFrom(tokens, j); depth--; }
  }
  return undefined;
}
