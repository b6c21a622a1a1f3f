// A small Cairo 0 source scanner: tokens (without comments, strings and hints) and the outline
// (func, struct with members, namespace, const). It is deliberately not a parser: it must cope
// with half-typed code while the user edits, so every rule is local and nothing ever throws.
// Shared by the language server (document symbols) and the extension (inline values).

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type TokenKind = 'ident' | 'number' | 'punct';
export interface Token { kind: TokenKind; text: string; offset: number; line: number; character: number }

export type SymbolKind = 'function' | 'struct' | 'namespace' | 'const' | 'member';
export interface CairoSymbol {
  name: string;
  kind: SymbolKind;
  detail: string;
  range: Range;           // the whole declaration, decorators excluded
  selectionRange: Range;  // the name
  children: CairoSymbol[];
}

const PUNCT2 = ['->', '==', '!=', '**', '&&', '::'];

const DECL_LINE = /\n[ \t]*(?:func|struct|namespace)[ \t]+[A-Za-z_]/g;

/** Where the hint opened at `open` (`%{`) ends: just past its `%}`. A hint still being typed
 *  (no `%}` before the next `%{` or the next declaration line) ends there instead, so it does not
 *  swallow the rest of the file. */
export function hintEnd(text: string, open: number): number {
  const close = text.indexOf('%}', open + 2);
  const next = text.indexOf('%{', open + 2);
  DECL_LINE.lastIndex = open;
  const decl = DECL_LINE.exec(text)?.index ?? -1;
  let end = close < 0 ? text.length : close + 2;
  if (next >= 0 && next < end) end = next;
  if (decl >= 0 && decl < end) end = decl;
  return end;
}

/** Tokens of `text`, skipping whitespace, `//` comments, string literals and `%{ ... %}` hints
 *  (Python: its braces must not count). `%builtins`/`%lang` come out as one punct + ident. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  const push = (kind: TokenKind, start: number, end: number) =>
    tokens.push({ kind, text: text.slice(start, end), offset: start, line, character: start - lineStart });
  // Advances over text[from, to) keeping line bookkeeping right for skipped multi-line spans.
  const skipTo = (to: number) => {
    for (let k = i; k < to && k < n; k++) if (text.charCodeAt(k) === 10) { line++; lineStart = k + 1; }
    i = Math.min(to, n);
  };
  while (i < n) {
    const c = text[i];
    if (c === '\n') { line++; i++; lineStart = i; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '/' && text[i + 1] === '/') { const e = text.indexOf('\n', i); skipTo(e < 0 ? n : e); continue; }
    if (c === '%' && text[i + 1] === '{') { skipTo(hintEnd(text, i)); continue; }
    if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < n && text[k] !== c && text[k] !== '\n') k += text[k] === '\\' ? 2 : 1;
      skipTo(k + 1);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let k = i + 1;
      while (k < n && /[A-Za-z0-9_]/.test(text[k])) k++;
      push('ident', i, k); i = k; continue;
    }
    if (/[0-9]/.test(c)) {
      let k = i + 1;
      while (k < n && /[0-9A-Za-z_]/.test(text[k])) k++;
      push('number', i, k); i = k; continue;
    }
    const two = text.slice(i, i + 2);
    const len = PUNCT2.includes(two) ? 2 : 1;
    push('punct', i, i + len); i += len;
  }
  return tokens;
}

const OPEN: Record<string, string> = { '{': '}', '(': ')', '[': ']' };

const DECLARATION = new Set(['func', 'struct', 'namespace']);

/** Index just past the bracket group opened at tokens[i]. An unclosed group (being typed) ends
 *  before the next declaration keyword, so the rest of the outline survives. */
function skipGroup(tokens: Token[], i: number): number {
  const stack: string[] = [];
  for (let k = i; k < tokens.length; k++) {
    const t = tokens[k].text;
    if (k > i && tokens[k].kind === 'ident' && DECLARATION.has(t)) return k;
    if (t in OPEN) stack.push(OPEN[t]);
    else if (stack.length && t === stack[stack.length - 1]) { stack.pop(); if (!stack.length) return k + 1; }
  }
  return tokens.length;
}

function posAt(tokens: Token[], k: number, end: boolean): Position {
  const t = tokens[k];
  return { line: t.line, character: t.character + (end ? t.text.length : 0) };
}

/** End position of the text: where an unclosed declaration ends. */
function textEnd(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function squash(s: string): string { return s.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim(); }

/** The outline of a Cairo 0 file. */
export function scanSymbols(text: string): CairoSymbol[] {
  const tokens = tokenize(text);
  const eof = textEnd(text);
  const top: CairoSymbol[] = [];
  // Open blocks: the symbol whose body a `{` started (or null for if/with_attr/... blocks).
  const blocks: { symbol: CairoSymbol | null; isStruct: boolean }[] = [];
  const container = (): CairoSymbol[] => {
    for (let b = blocks.length - 1; b >= 0; b--) if (blocks[b].symbol) return blocks[b].symbol!.children;
    return top;
  };
  const make = (kind: SymbolKind, k: number, nameIdx: number, detail = ''): CairoSymbol => ({
    name: tokens[nameIdx].text, kind, detail,
    range: { start: posAt(tokens, k, false), end: eof },
    selectionRange: { start: posAt(tokens, nameIdx, false), end: posAt(tokens, nameIdx, true) },
    children: [],
  });
  const isIdent = (k: number) => k < tokens.length && tokens[k].kind === 'ident';
  const at = (k: number) => (k < tokens.length ? tokens[k].text : '');

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const prev = i > 0 ? tokens[i - 1].text : '';
    // Keywords only count at statement starts: `x.func` or `foo(struct)` are not declarations.
    const stmtStart = i === 0 || [';', '{', '}', ')'].includes(prev) || tokens[i - 1].kind === 'ident' || tokens[i - 1].kind === 'number';
    if (t.kind === 'ident' && stmtStart && (t.text === 'func' || t.text === 'struct' || t.text === 'namespace') && isIdent(i + 1)) {
      const sym = make(t.text === 'func' ? 'function' : t.text as SymbolKind, i, i + 1);
      container().push(sym);
      let k = i + 2;
      if (t.text === 'func') {
        const sigStart = k;
        if (at(k) === '{') k = skipGroup(tokens, k);          // implicit arguments
        if (at(k) === '(') k = skipGroup(tokens, k);          // arguments
        if (at(k) === '->') {                                  // return type: tuple or type expression
          k++;
          if (at(k) === '(') k = skipGroup(tokens, k);
          else while (k < tokens.length && at(k) !== '{' && at(k) !== ';') k++;
        }
        if (k > sigStart) {
          const from = tokens[sigStart].offset;
          const to = k < tokens.length ? tokens[k].offset : text.length;
          sym.detail = squash(text.slice(from, to).replace(/\/\/[^\n]*/g, '').replace(/%\{[\s\S]*?%\}/g, ''));
        }
      }
      if (at(k) === '{') {
        blocks.push({ symbol: sym, isStruct: t.text === 'struct' });
        i = k + 1;
      } else {
        // No body yet (being typed): the declaration ends at its last token.
        sym.range.end = posAt(tokens, Math.max(i + 1, Math.min(k, tokens.length) - 1), true);
        i = Math.max(k, i + 2);
      }
      continue;
    }
    if (t.kind === 'ident' && t.text === 'const' && stmtStart && isIdent(i + 1)) {
      const sym = make('const', i, i + 1);
      let k = i + 2;
      while (k < tokens.length && at(k) !== ';' && at(k) !== '}') k++;
      if (at(i + 2) === '=' && k > i + 3) sym.detail = squash(text.slice(tokens[i + 3].offset, tokens[k - 1].offset + tokens[k - 1].text.length));
      sym.range.end = posAt(tokens, Math.min(k, tokens.length - 1), at(k) === ';');
      container().push(sym);
      i = k;
      continue;
    }
    const block = blocks[blocks.length - 1];
    if (block?.isStruct && block.symbol && t.kind === 'ident') {
      // `name: type,` (or the old `member name: type`) directly inside a struct body.
      const nameIdx = t.text === 'member' && isIdent(i + 1) ? i + 1 : i;
      if (at(nameIdx + 1) === ':' && (prev === '{' || prev === ',' || prev === ';' || nameIdx !== i)) {
        // The type ends at a separator, or at the line's end (old syntax has no commas).
        let k = nameIdx + 2;
        while (k < tokens.length && at(k) !== ',' && at(k) !== ';' && at(k) !== '}' && tokens[k].line === tokens[nameIdx].line) k++;
        const sym = make('member', i, nameIdx, squash(text.slice(tokens[nameIdx + 2]?.offset ?? 0, k > nameIdx + 2 ? tokens[k - 1].offset + tokens[k - 1].text.length : 0)));
        sym.range.end = posAt(tokens, Math.max(nameIdx, k - 1), true);
        block.symbol.children.push(sym);
        i = k;
        continue;
      }
    }
    if (t.text === '{') {
      blocks.push({ symbol: null, isStruct: false });
    } else if (t.text === '}') {
      const b = blocks.pop();
      if (b?.symbol) b.symbol.range.end = posAt(tokens, i, true);
    }
    i++;
  }
  return containNames(top);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** VS Code drops a whole outline if one symbol's range does not contain its name: half-typed
 *  code (`const X` at the end of the file) must never produce that. */
function containNames(symbols: CairoSymbol[]): CairoSymbol[] {
  for (const s of symbols) {
    if (before(s.range.end, s.selectionRange.end)) s.range.end = { ...s.selectionRange.end };
    containNames(s.children);
  }
  return symbols;
}

/** The innermost function whose declaration spans `line`, if any. */
export function enclosingFunction(symbols: CairoSymbol[], line: number): CairoSymbol | undefined {
  for (const s of symbols) {
    if (line < s.range.start.line || line > s.range.end.line) continue;
    const inner = enclosingFunction(s.children, line);
    if (inner) return inner;
    if (s.kind === 'function') return s;
  }
  return undefined;
}
