// The language server's model of one Cairo 0 file: its imports and declarations (functions with
// their arguments and locals, structs with members, namespaces, constants, aliases, labels), the
// hint blocks, and the syntax errors found on the way. Error-tolerant by construction: it walks
// the scanner's tokens with local rules only, so half-typed code still yields every declaration
// before and after the broken spot, and nothing here ever throws.
import { tokenize, hintEnd, Token } from './scanner';

export interface Span { start: number; end: number }

export type DeclKind =
  | 'function' | 'struct' | 'namespace' | 'const' | 'member' | 'alias' | 'import'
  | 'arg' | 'implicit' | 'local' | 'let' | 'tempvar' | 'label';

export interface Decl {
  kind: DeclKind;
  name: string;
  nameSpan: Span;
  /** The whole declaration (for a function: from `func` to its closing brace). */
  span: Span;
  /** Declared type text (`felt*`, `Uint256`), when written. */
  type?: string;
  /** The expression a `let`/`local`/`tempvar`/`const` is bound to, as written. */
  init?: string;
  /** A function's signature text, a constant's value. */
  detail?: string;
  /** The `//` comment lines directly above the declaration. */
  doc?: string;
  /** Namespace and struct members, a function's arguments and locals. */
  children: Decl[];
  parent?: Decl;
  /** Where a function-local name becomes visible: the end of its statement. */
  visibleFrom?: number;
  /** A function's or namespace's `{ ... }`. */
  body?: Span;
  /** `from MODULE import NAME as ALIAS`: the module and the imported name. */
  module?: string;
  imported?: string;
  /** The function's return type text (`felt`, `(a: felt, b: felt)`). */
  returns?: string;
}

export interface SyntaxError { span: Span; message: string }

export interface CairoFile {
  text: string;
  tokens: Token[];
  decls: Decl[];
  imports: Decl[];
  /** `%{ ... %}` blocks, the delimiters included. */
  hints: Span[];
  builtins?: Span;
  errors: SyntaxError[];
  /** Set on a Cairo 1 file: the server does not parse those (see dialect.ts). */
  cairo1?: true;
}

const OPEN: Record<string, string> = { '{': '}', '(': ')', '[': ']' };
const CLOSE = new Set(['}', ')', ']']);
const TOP_KEYWORDS = new Set(['func', 'struct', 'namespace']);
const NAMESPACE_ONLY = new Set(['namespace']);

const end = (t: Token): number => t.offset + t.text.length;

/** Parses a whole file. */
export function parseCairo(text: string): CairoFile {
  const tokens = tokenize(text);
  const file: CairoFile = { text, tokens, decls: [], imports: [], hints: hintSpans(tokens, text), errors: [] };
  const b = /%builtins\b[^\n]*/.exec(text);
  if (b) file.builtins = { start: b.index, end: b.index + b[0].length };
  new Walker(file).top(0, tokens.length, file.decls, undefined);
  checkBrackets(file);
  return file;
}

function hintSpans(tokens: Token[], text: string): Span[] {
  // The tokenizer skipped each hint: it sits in the gaps between tokens, starting with `%{`.
  const out: Span[] = [];
  let from = 0;
  for (let k = 0; k <= tokens.length; k++) {
    const to = k < tokens.length ? tokens[k].offset : text.length;
    for (let i = text.indexOf('%{', from); i >= 0 && i < to; i = text.indexOf('%{', i + 2)) {
      if (isCommentedOut(text, i)) continue;
      const e = hintEnd(text, i);
      out.push({ start: i, end: e });
      i = e - 2;
    }
    if (k < tokens.length) from = end(tokens[k]);
  }
  return out;
}

function isCommentedOut(text: string, at: number): boolean {
  return text.slice(text.lastIndexOf('\n', at) + 1, at).includes('//');
}

/** The `//` lines directly above offset `at` (no blank line in between), without the slashes. */
export function docAbove(text: string, at: number): string | undefined {
  const lines = text.slice(0, text.lastIndexOf('\n', at - 1) + 1).split('\n');
  lines.pop();
  const doc: string[] = [];
  while (lines.length) {
    const l = lines.pop()!.trim();
    if (l.startsWith('@')) continue; // decorators sit between the comment and `func`
    if (!l.startsWith('//')) break;
    doc.unshift(l.replace(/^\/\/\s?/, ''));
  }
  return doc.length ? doc.join('\n') : undefined;
}

class Walker {
  private readonly t: Token[];
  constructor(private readonly f: CairoFile) { this.t = f.tokens; }

  private at(k: number): string { return k < this.t.length ? this.t[k].text : ''; }
  private isIdent(k: number): boolean { return k < this.t.length && this.t[k].kind === 'ident'; }
  private span(k0: number, k1: number): Span {
    const a = this.t[Math.min(k0, this.t.length - 1)];
    const z = this.t[Math.min(Math.max(k1, k0), this.t.length - 1)];
    return a && z ? { start: a.offset, end: end(z) } : { start: 0, end: 0 };
  }
  private nameSpan(k: number): Span { return { start: this.t[k].offset, end: end(this.t[k]) }; }
  private decl(kind: DeclKind, k: number, parent: Decl | undefined, extra: Partial<Decl> = {}): Decl {
    return { kind, name: this.t[k].text, nameSpan: this.nameSpan(k), span: this.nameSpan(k), children: [], parent, ...extra };
  }
  private err(k: number, message: string): void {
    const s = this.span(k, k);
    this.f.errors.push({ span: s, message });
  }

  /** Index just past the group opened at k; an unclosed group ends before the next top-level
   *  keyword at a statement start, so what follows survives. */
  private skipGroup(k: number, limit: number, stops: Set<string> = TOP_KEYWORDS): number {
    const stack: string[] = [];
    for (let j = k; j < limit; j++) {
      const x = this.at(j);
      if (j > k && this.isIdent(j) && stops.has(x) && this.stmtStart(j)) return j;
      if (x in OPEN) stack.push(OPEN[x]);
      else if (stack.length && x === stack[stack.length - 1]) { stack.pop(); if (!stack.length) return j + 1; }
    }
    return limit;
  }

  private stmtStart(k: number): boolean {
    if (k === 0) return true;
    const p = this.t[k - 1];
    return p.text === ';' || p.text === '{' || p.text === '}' || (p.kind === 'ident' && p.line < this.t[k].line) || p.text === ')' && p.line < this.t[k].line || (p.kind === 'punct' && p.text.startsWith('%'));
  }

  /** Top level or a namespace body: tokens [k, limit). */
  top(k: number, limit: number, out: Decl[], parent: Decl | undefined): void {
    while (k < limit) {
      const x = this.at(k);
      if (!this.isIdent(k)) { k++; continue; }
      if (x === 'from' && this.stmtStart(k)) { k = this.importStmt(k, limit, out, parent); continue; }
      if (x === 'func' && this.isIdent(k + 1)) { k = this.func(k, limit, out, parent); continue; }
      if (x === 'func') { this.err(k, 'Expected a function name after `func`.'); k++; continue; }
      if (x === 'struct' && this.isIdent(k + 1)) { k = this.struct(k, limit, out, parent); continue; }
      if (x === 'namespace' && this.isIdent(k + 1)) {
        const d = this.decl('namespace', k + 1, parent, { doc: docAbove(this.f.text, this.t[k].offset) });
        out.push(d);
        let j = k + 2;
        if (this.at(j) === '{') {
          // A namespace holds functions and structs: only another namespace ends an unclosed one.
          const close = this.skipGroup(j, limit, NAMESPACE_ONLY);
          d.body = this.span(j, close - 1);
          d.span = this.span(k, close - 1);
          this.top(j + 1, this.at(close - 1) === '}' ? close - 1 : close, d.children, d);
          j = close;
        }
        k = j;
        continue;
      }
      if (x === 'const' && this.isIdent(k + 1)) { k = this.constStmt(k, limit, out, parent); continue; }
      if (x === 'using' && this.isIdent(k + 1) && this.at(k + 2) === '=') {
        const stop = this.until(k + 3, limit, ';');
        out.push(this.decl('alias', k + 1, parent, { type: this.text(k + 3, stop), span: this.span(k, stop), doc: docAbove(this.f.text, this.t[k].offset) }));
        k = stop + 1;
        continue;
      }
      k++;
    }
  }

  private text(k0: number, k1: number): string {
    if (k1 <= k0) return '';
    return this.f.text.slice(this.t[k0].offset, end(this.t[k1 - 1])).replace(/\s+/g, ' ').trim();
  }

  /** First index in [k, limit) holding `stop` at bracket depth 0 (or limit). */
  private until(k: number, limit: number, ...stops: string[]): number {
    let depth = 0;
    for (let j = k; j < limit; j++) {
      const x = this.at(j);
      if (depth === 0 && stops.includes(x)) return j;
      if (x in OPEN) depth++;
      else if (CLOSE.has(x)) { if (depth === 0) return j; depth--; }
      if (depth === 0 && this.isIdent(j) && TOP_KEYWORDS.has(x) && j > k && this.stmtStart(j)) return j;
    }
    return limit;
  }

  private importStmt(k: number, limit: number, out: Decl[], parent: Decl | undefined): number {
    let j = k + 1;
    const modStart = j;
    while (j < limit && (this.isIdent(j) || this.at(j) === '.') && this.at(j) !== 'import') j++;
    const module = this.text(modStart, j).replace(/\s/g, '');
    if (this.at(j) !== 'import') { this.err(k, 'Expected `import` in a `from ... import ...` statement.'); return j; }
    j++;
    const paren = this.at(j) === '(';
    if (paren) j++;
    for (;;) {
      if (!this.isIdent(j)) break;
      const nameIdx = j;
      let aliasIdx = j;
      j++;
      if (this.at(j) === 'as' && this.isIdent(j + 1)) { aliasIdx = j + 1; j += 2; }
      const d = this.decl('import', aliasIdx, parent, { module, imported: this.at(nameIdx), span: this.span(k, j - 1) });
      d.detail = `from ${module} import ${this.at(nameIdx)}${aliasIdx !== nameIdx ? ` as ${this.at(aliasIdx)}` : ''}`;
      out.push(d);
      this.f.imports.push(d);
      if (this.at(j) === ',') { j++; continue; }
      break;
    }
    if (paren) { if (this.at(j) === ')') j++; else this.err(j - 1, 'Expected `)` to close the import list.'); }
    if (this.at(j) === ';') j++;
    return j;
  }

  private constStmt(k: number, limit: number, out: Decl[], parent: Decl | undefined): number {
    const stop = this.until(k + 2, limit, ';', '}');
    const init = this.at(k + 2) === '=' ? this.text(k + 3, stop) : undefined;
    out.push(this.decl('const', k + 1, parent, { init, detail: init, span: this.span(k, stop), doc: docAbove(this.f.text, this.t[k].offset) }));
    return this.at(stop) === ';' ? stop + 1 : stop;
  }

  private struct(k: number, limit: number, out: Decl[], parent: Decl | undefined): number {
    const d = this.decl('struct', k + 1, parent, { doc: docAbove(this.f.text, this.t[k].offset) });
    out.push(d);
    let j = k + 2;
    if (this.at(j) !== '{') { this.err(k + 1, 'Expected `{` after the struct name.'); return j; }
    const close = this.skipGroup(j, limit);
    d.span = this.span(k, close - 1);
    d.body = this.span(j, close - 1);
    j++;
    const stop = this.at(close - 1) === '}' ? close - 1 : close;
    while (j < stop) {
      if (this.at(j) === 'member' && this.isIdent(j + 1)) j++;
      if (this.isIdent(j) && this.at(j + 1) === ':') {
        const tEnd = this.until(j + 2, stop, ',', ';');
        d.children.push(this.decl('member', j, d, { type: this.text(j + 2, tEnd), span: this.span(j, tEnd - 1), doc: docAbove(this.f.text, this.t[j].offset) }));
        j = tEnd + 1;
        continue;
      }
      j++;
    }
    return close;
  }

  /** `name: type` (or `local name: type`) items of a parenthesised or braced list [k0, k1). */
  private params(k0: number, k1: number, kind: DeclKind, fn: Decl): void {
    let j = k0;
    while (j < k1) {
      if (this.at(j) === 'local') j++;
      if (!this.isIdent(j)) { j++; continue; }
      const nameIdx = j;
      const itemEnd = this.until(j + 1, k1, ',');
      const type = this.at(j + 1) === ':' ? this.text(j + 2, itemEnd) : 'felt';
      const d = this.decl(kind, nameIdx, fn, { type, span: this.span(nameIdx, itemEnd - 1), visibleFrom: fn.body?.start ?? 0 });
      fn.children.push(d);
      j = itemEnd + 1;
    }
  }

  private func(k: number, limit: number, out: Decl[], parent: Decl | undefined): number {
    const fn = this.decl('function', k + 1, parent, { doc: docAbove(this.f.text, this.t[k].offset) });
    out.push(fn);
    let j = k + 2;
    const sigStart = j;
    let implicit: [number, number] | undefined;
    let args: [number, number] | undefined;
    if (this.at(j) === '{') { const c = this.skipGroup(j, limit); implicit = [j + 1, c - 1]; j = c; }
    if (this.at(j) === '(') { const c = this.skipGroup(j, limit); args = [j + 1, c - 1]; j = c; }
    else this.err(k + 1, 'Expected `(` and the arguments after the function name.');
    if (this.at(j) === '->') {
      const r0 = j + 1;
      if (this.at(r0) === '(') j = this.skipGroup(r0, limit);
      else { j = r0; while (j < limit && this.at(j) !== '{' && this.at(j) !== ';') j++; }
      fn.returns = this.text(r0, j);
    }
    fn.detail = this.text(sigStart, j).replace(/\( /g, '(').replace(/ \)/g, ')');
    if (this.at(j) !== '{') {
      if (j < limit) this.err(Math.max(j - 1, k), 'Expected `{` to start the function body.');
      fn.span = this.span(k, Math.max(j - 1, k + 1));
      if (implicit) this.params(implicit[0], implicit[1], 'implicit', fn);
      if (args) this.params(args[0], args[1], 'arg', fn);
      return Math.max(j, k + 2);
    }
    const close = this.skipGroup(j, limit);
    fn.body = this.span(j, close - 1);
    fn.span = this.span(k, close - 1);
    if (implicit) this.params(implicit[0], implicit[1], 'implicit', fn);
    if (args) this.params(args[0], args[1], 'arg', fn);
    this.body(j + 1, this.at(close - 1) === '}' ? close - 1 : close, fn);
    return close;
  }

  /** Declarations inside a function body, at any block depth. */
  private body(k0: number, k1: number, fn: Decl): void {
    for (let j = k0; j < k1; j++) {
      const x = this.at(j);
      if (!this.isIdent(j) || !this.stmtStart(j)) continue;
      if (x === 'let' || x === 'local' || x === 'tempvar') {
        const stop = this.until(j + 1, k1, ';');
        const visibleFrom = stop < this.t.length ? end(this.t[stop]) : this.f.text.length;
        const eq = this.until(j + 1, stop, '=');
        const init = eq < stop ? this.text(eq + 1, stop) : undefined;
        const kind: DeclKind = x;
        if (this.at(j + 1) === '(') {
          // `let (a, local b: T) = f();`: each name binds one return value.
          const c = this.skipGroup(j + 1, stop);
          for (let m = j + 2; m < c - 1; m++) {
            if (this.at(m) === 'local') m++;
            if (!this.isIdent(m)) continue;
            const itemEnd = this.until(m + 1, c - 1, ',');
            fn.children.push(this.decl(kind, m, fn, { type: this.at(m + 1) === ':' ? this.text(m + 2, itemEnd) : undefined, init, span: this.span(j, stop), visibleFrom }));
            m = itemEnd;
          }
        } else if (this.isIdent(j + 1)) {
          const type = this.at(j + 2) === ':' ? this.text(j + 3, Math.min(eq, stop)) : undefined;
          fn.children.push(this.decl(kind, j + 1, fn, { type, init, span: this.span(j, stop), visibleFrom, doc: docAbove(this.f.text, this.t[j].offset) }));
        } else {
          this.err(j, `Expected a name after \`${x}\`.`);
        }
        continue;
      }
      if (x === 'const' && this.isIdent(j + 1)) {
        const stop = this.until(j + 2, k1, ';');
        const init = this.at(j + 2) === '=' ? this.text(j + 3, stop) : undefined;
        fn.children.push(this.decl('const', j + 1, fn, { init, detail: init, span: this.span(j, stop), visibleFrom: stop < this.t.length ? end(this.t[stop]) : this.f.text.length }));
        continue;
      }
      // `label:` at a statement start (types after `:` occur only in declarations handled above).
      if (this.at(j + 1) === ':' && x !== 'ap' && x !== 'fp') {
        fn.children.push(this.decl('label', j, fn, { visibleFrom: fn.body?.start ?? 0 }));
      }
    }
  }
}

/** Unbalanced brackets, the most common error while typing. */
function checkBrackets(f: CairoFile): void {
  const stack: Token[] = [];
  for (const t of f.tokens) {
    if (t.kind !== 'punct') continue;
    if (t.text in OPEN) stack.push(t);
    else if (CLOSE.has(t.text)) {
      const top = stack[stack.length - 1];
      if (top && OPEN[top.text] === t.text) stack.pop();
      else f.errors.push({ span: { start: t.offset, end: t.offset + 1 }, message: top ? `Unexpected \`${t.text}\`: \`${top.text}\` is still open.` : `Unexpected \`${t.text}\`.` });
    }
  }
  for (const t of stack) f.errors.push({ span: { start: t.offset, end: t.offset + 1 }, message: `\`${t.text}\` is never closed.` });
  for (const h of f.hints) if (!f.text.startsWith('%}', h.end - 2)) f.errors.push({ span: { start: h.start, end: h.start + 2 }, message: 'The hint `%{` is never closed with `%}`.' });
}

/** All declarations of the file, nested ones included. */
export function allDecls(decls: Decl[], out: Decl[] = []): Decl[] {
  for (const d of decls) { out.push(d); allDecls(d.children, out); }
  return out;
}

/** The index of the token at or just before `offset` that touches it (an identifier under the cursor). */
export function tokenAt(f: CairoFile, offset: number): number {
  let lo = 0, hi = f.tokens.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (f.tokens[mid].offset <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return -1;
  const t = f.tokens[found];
  return offset <= end(t) ? found : -1;
}

/** The dotted name ending at token k (`a.b.c` with k on `c`; `p[i].x` gives `p`, `[]`, `x`). */
export function dottedAt(f: CairoFile, k: number): { parts: string[] } {
  const parts = [f.tokens[k].text];
  const t = f.tokens;
  let j = k;
  while (j >= 2 && t[j - 1].text === '.') {
    let p = j - 2;
    if (t[p].text === ']') {
      // back over the index to the name it applies to
      let depth = 0;
      for (; p >= 0; p--) {
        if (t[p].text === ']') depth++;
        else if (t[p].text === '[' && --depth === 0) break;
      }
      p--;
      if (p < 0 || t[p].kind !== 'ident') break;
      parts.unshift(t[p].text, '[]');
    } else if (t[p].kind === 'ident') {
      parts.unshift(t[p].text);
    } else break;
    j = p;
  }
  return { parts };
}

export function inHint(f: CairoFile, offset: number): Span | undefined {
  return f.hints.find((h) => offset > h.start + 1 && offset < h.end - 1);
}

export { Token };
