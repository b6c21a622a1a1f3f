// Name resolution for the language server, as cairo-compile scopes names: a function's locals
// (visible from the end of their statement), its arguments and implicit arguments, the enclosing
// namespaces, the file's own declarations, then imports followed into their modules. Dotted names
// walk namespaces and struct members (through pointers, as `p.x` does on a `Point*`).
import { parseType, CairoType } from '../vm/cairo-expr';
import { CairoFile, Decl, dottedAt, inHint, tokenAt } from './syntax';
import { Workspace } from './workspace';

export interface Target { path: string; decl: Decl }

const MAX_DEPTH = 16; // import chains and alias chains; a cycle stops here

function contains(s: { start: number; end: number } | undefined, offset: number): boolean {
  return s !== undefined && offset >= s.start && offset <= s.end;
}

/** The declarations (namespaces, then the function) whose bodies hold `offset`, outermost first. */
export function enclosing(file: CairoFile, offset: number): Decl[] {
  const chain: Decl[] = [];
  let level = file.decls;
  for (;;) {
    const d = level.find((x) => (x.kind === 'namespace' || x.kind === 'function') && contains(x.body, offset));
    if (!d) return chain;
    chain.push(d);
    if (d.kind === 'function') return chain;
    level = d.children;
  }
}

export function enclosingFunction(file: CairoFile, offset: number): Decl | undefined {
  const c = enclosing(file, offset);
  const last = c[c.length - 1];
  return last?.kind === 'function' ? last : undefined;
}

/** The names a function body sees at `offset`: the latest binding of each name wins. */
export function visibleLocals(fn: Decl, offset: number): Decl[] {
  const byName = new Map<string, Decl>();
  for (const c of fn.children) {
    if ((c.visibleFrom ?? 0) > offset) continue;
    const prev = byName.get(c.name);
    if (!prev || prev.nameSpan.start < c.nameSpan.start) byName.set(c.name, c);
  }
  return [...byName.values()];
}

const TOP_KINDS = new Set(['function', 'struct', 'namespace', 'const', 'alias', 'import']);

/** A bare name at `offset` of `path`. */
export function lookup(ws: Workspace, path: string, name: string, offset: number, depth = 0): Target | undefined {
  const file = ws.get(path);
  if (!file || depth > MAX_DEPTH) return undefined;
  const chain = enclosing(file, offset);
  const fn = chain[chain.length - 1]?.kind === 'function' ? chain[chain.length - 1] : undefined;
  if (fn) {
    const local = visibleLocals(fn, offset).find((d) => d.name === name);
    if (local) return { path, decl: local };
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    if (chain[i].kind !== 'namespace') continue;
    const d = chain[i].children.find((x) => x.name === name && TOP_KINDS.has(x.kind));
    if (d) return d.kind === 'import' ? followImport(ws, path, d, depth + 1) : { path, decl: d };
  }
  const d = file.decls.find((x) => x.name === name && x.kind !== 'import' && TOP_KINDS.has(x.kind))
    ?? file.decls.find((x) => x.name === name && x.kind === 'import');
  if (!d) return undefined;
  return d.kind === 'import' ? followImport(ws, path, d, depth + 1) : { path, decl: d };
}

/** An imported name, followed into its module (and through re-exports); the import line itself
 *  when the module cannot be found. */
export function followImport(ws: Workspace, path: string, imp: Decl, depth = 0): Target {
  const here = { path, decl: imp };
  if (depth > MAX_DEPTH || !imp.module || !imp.imported) return here;
  const modPath = ws.moduleFile(imp.module, path);
  if (!modPath) return here;
  return exported(ws, modPath, imp.imported, depth + 1) ?? here;
}

/** A module's top-level name (its own declaration or one it imports). */
export function exported(ws: Workspace, modPath: string, name: string, depth = 0): Target | undefined {
  const file = ws.get(modPath);
  if (!file || depth > MAX_DEPTH) return undefined;
  const d = file.decls.find((x) => x.name === name && x.kind !== 'import' && TOP_KINDS.has(x.kind));
  if (d) return { path: modPath, decl: d };
  const imp = file.decls.find((x) => x.name === name && x.kind === 'import');
  return imp ? followImport(ws, modPath, imp, depth + 1) : undefined;
}

function structName(t: CairoType): string | undefined {
  while (t.kind === 'pointer') t = t.pointee;
  return t.kind === 'struct' ? t.name : undefined;
}

/** The struct a type text names, resolved where the text was written. */
export function structOfType(ws: Workspace, path: string, typeText: string, offset: number, depth = 0): Target | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let t: CairoType;
  try { t = parseType(typeText); } catch { return undefined; }
  const name = structName(t);
  if (!name) return undefined;
  const found = resolvePath(ws, path, name.split('.'), offset, depth + 1);
  if (!found) return undefined;
  if (found.decl.kind === 'alias' && found.decl.type) return structOfType(ws, found.path, found.decl.type, found.decl.nameSpan.start, depth + 1);
  return found.decl.kind === 'struct' ? found : undefined;
}

/** The declared or evident type of a value (`let p = Point(...)`, `cast(x, T)`, `new T(...)`,
 *  a call of a function with one return type), as text and where to resolve it. */
export function typeOf(ws: Workspace, t: Target, depth = 0): { text: string; path: string; offset: number } | undefined {
  const d = t.decl;
  if (d.type) return { text: d.type, path: t.path, offset: d.nameSpan.start };
  if (!d.init || depth > MAX_DEPTH) return undefined;
  const init = d.init.trim();
  const cast = /^cast\s*\(([\s\S]*),\s*([^,()]+)\)$/.exec(init);
  if (cast) return { text: cast[2].trim(), path: t.path, offset: d.nameSpan.start };
  const neu = /^new\s+([A-Za-z_][\w.]*)\s*\(/.exec(init);
  if (neu) return { text: `${neu[1]}*`, path: t.path, offset: d.nameSpan.start };
  const call = /^([A-Za-z_][\w.]*)\s*(\{[^}]*\})?\s*\(/.exec(init);
  if (call) {
    const callee = resolvePath(ws, t.path, call[1].split('.'), d.nameSpan.start, depth + 1);
    if (callee?.decl.kind === 'struct') return { text: call[1], path: t.path, offset: d.nameSpan.start };
    if (callee?.decl.kind === 'function' && callee.decl.returns && !callee.decl.returns.startsWith('(')) {
      return { text: callee.decl.returns, path: callee.path, offset: callee.decl.nameSpan.start };
    }
  }
  const alias = /^[A-Za-z_][\w.]*$/.exec(init);
  if (alias) {
    const other = resolvePath(ws, t.path, init.split('.'), d.nameSpan.start, depth + 1);
    if (other && other.decl !== d) return typeOf(ws, other, depth + 1);
  }
  return undefined;
}

/** The struct of a value's type (pointers followed), if any. */
export function structOfValue(ws: Workspace, t: Target, depth = 0): Target | undefined {
  if (t.decl.kind === 'struct') return t;
  const ty = typeOf(ws, t, depth + 1);
  return ty ? structOfType(ws, ty.path, ty.text, ty.offset, depth + 1) : undefined;
}

/** One step of a dotted name: a namespace's member or a struct value's member. */
export function member(ws: Workspace, t: Target, name: string, depth = 0): Target | undefined {
  if (t.decl.kind === 'namespace') {
    const d = t.decl.children.find((x) => x.name === name && TOP_KINDS.has(x.kind));
    return d && (d.kind === 'import' ? followImport(ws, t.path, d, depth + 1) : { path: t.path, decl: d });
  }
  if (t.decl.kind === 'struct' || t.decl.kind === 'function' || t.decl.kind === 'import') return undefined;
  const s = structOfValue(ws, t, depth + 1);
  const m = s?.decl.children.find((x) => x.kind === 'member' && x.name === name);
  return m && s ? { path: s.path, decl: m } : undefined;
}

/** `a.b.c` seen at `offset` ('[]' as a part: an index, `p[0].x`). */
export function resolvePath(ws: Workspace, path: string, parts: string[], offset: number, depth = 0): Target | undefined {
  if (depth > MAX_DEPTH || parts.length === 0) return undefined;
  let t = lookup(ws, path, parts[0], offset, depth + 1);
  for (const p of parts.slice(1)) {
    if (!t) return undefined;
    if (p === '[]') continue; // p[i] has p's pointee type: member() follows pointers anyway
    t = member(ws, t, p, depth + 1);
  }
  return t;
}

export interface NameAt {
  /** The parts up to and including the one under the cursor. */
  parts: string[];
  /** The part under the cursor, as a span of the text. */
  span: { start: number; end: number };
  /** Where the name is resolved (a hint's names resolve at the hint). */
  scopeOffset: number;
  /** Set when the cursor is on a declaration's own name. */
  decl?: Decl;
  inHint: boolean;
}

/** The name under the cursor: a dotted name in Cairo code, or `ids.a.b` inside a hint. */
export function nameAt(file: CairoFile, offset: number): NameAt | undefined {
  const hint = inHint(file, offset);
  if (hint) {
    const re = /\bids((?:\.[A-Za-z_]\w*)+)/g;
    const text = file.text.slice(hint.start, hint.end);
    for (let m; (m = re.exec(text)); ) {
      const start = hint.start + m.index + 4;
      if (offset < start || offset > hint.start + m.index + m[0].length) continue;
      const parts: string[] = [];
      let pos = start;
      for (const p of m[1].slice(1).split('.')) {
        parts.push(p);
        if (offset <= pos + p.length) return { parts, span: { start: pos, end: pos + p.length }, scopeOffset: hint.start, inHint: true };
        pos += p.length + 1;
      }
    }
    return undefined;
  }
  const k = tokenAt(file, offset);
  if (k < 0 || file.tokens[k].kind !== 'ident') return undefined;
  const tok = file.tokens[k];
  const span = { start: tok.offset, end: tok.offset + tok.text.length };
  const decl = declNamedAt(file.decls, tok.offset);
  const { parts } = dottedAt(file, k);
  return { parts, span, scopeOffset: tok.offset, decl, inHint: false };
}

function declNamedAt(decls: Decl[], offset: number): Decl | undefined {
  for (const d of decls) {
    if (d.nameSpan.start === offset) return d;
    const inner = declNamedAt(d.children, offset);
    if (inner) return inner;
  }
  return undefined;
}

/** What the name under the cursor refers to. */
export function resolveAt(ws: Workspace, path: string, offset: number): Target | undefined {
  const file = ws.get(path);
  if (!file) return undefined;
  const n = nameAt(file, offset);
  if (!n) return undefined;
  if (n.decl) return n.decl.kind === 'import' ? followImport(ws, path, n.decl) : { path, decl: n.decl };
  return resolvePath(ws, path, n.parts, n.scopeOffset);
}

export const sameTarget = (a: Target | undefined, b: Target | undefined): boolean =>
  !!a && !!b && a.path === b.path && a.decl.nameSpan.start === b.decl.nameSpan.start;
