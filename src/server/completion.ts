// Completion: the names in scope at the cursor (locals, arguments, the enclosing namespaces, the
// file's declarations and imports), members after `.` (a namespace's, or a struct value's
// through its type), the names a module exports after `from MODULE import`, the builtins after
// `%builtins`, and `ids.` names inside a hint.
import { Decl, CairoFile } from './syntax';
import { Target, enclosing, visibleLocals, resolvePath, structOfValue, followImport } from './resolve';
import { Workspace } from './workspace';

export const BUILTINS = ['output', 'pedersen', 'range_check', 'ecdsa', 'bitwise', 'ec_op', 'keccak', 'poseidon', 'range_check96', 'add_mod', 'mul_mod'];
const KEYWORDS = ['func', 'struct', 'namespace', 'const', 'let', 'local', 'tempvar', 'return', 'assert', 'if', 'else', 'with', 'with_attr', 'alloc_locals', 'cast', 'from', 'import', 'felt', 'new', 'using', 'static_assert', 'jmp', 'call'];

export interface Item { label: string; kind: Decl['kind'] | 'keyword' | 'builtin'; detail?: string }

const fromDecl = (d: Decl): Item => ({ label: d.name, kind: d.kind, detail: d.type ?? d.detail });

export function complete(ws: Workspace, path: string, offset: number): Item[] {
  const file = ws.get(path);
  if (!file) return [];
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);

  if (/^\s*%builtins\b/.test(before)) {
    const used = new Set(before.split(/\s+/));
    return BUILTINS.filter((b) => !used.has(b)).map((b) => ({ label: b, kind: 'builtin' }));
  }
  const imp = /^\s*from\s+([A-Za-z_][\w.]*)\s+import\s+(?:\(?[\w\s,]*,\s*)?\(?\s*\w*$/.exec(before);
  if (imp) {
    const mod = ws.moduleFile(imp[1], path);
    const f = mod ? ws.get(mod) : undefined;
    return f ? f.decls.map(fromDecl) : [];
  }

  const hint = file.hints.find((h) => offset > h.start + 1 && offset < h.end - 1);
  if (hint) {
    const m = /\bids((?:\.[A-Za-z_]\w*)*)\.(\w*)$/.exec(before);
    if (!m) return [];
    const chain = m[1] ? m[1].slice(1).split('.') : [];
    if (chain.length === 0) return scopeLocals(file, hint.start);
    const t = resolvePath(ws, path, chain, hint.start);
    return t ? membersOf(ws, t) : [];
  }

  const dotted = /((?:[A-Za-z_]\w*(?:\[[^\]]*\])?\.)+)(\w*)$/.exec(before);
  if (dotted) {
    const parts = dotted[1].slice(0, -1).split('.').flatMap((p) => (p.endsWith(']') ? [p.slice(0, p.indexOf('[')), '[]'] : [p]));
    const t = resolvePath(ws, path, parts, offset);
    return t ? membersOf(ws, t) : [];
  }

  const seen = new Map<string, Item>();
  const add = (i: Item) => { if (!seen.has(i.label)) seen.set(i.label, i); };
  for (const d of scopeLocals(file, offset)) add(d);
  const chain = enclosing(file, offset);
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].kind === 'namespace') chain[i].children.forEach((d) => add(fromDecl(d)));
  for (const d of file.decls) add(fromDecl(d));
  for (const k of KEYWORDS) add({ label: k, kind: 'keyword' });
  return [...seen.values()];
}

function scopeLocals(file: CairoFile, offset: number): Item[] {
  const chain = enclosing(file, offset);
  const fn = chain[chain.length - 1];
  if (!fn || fn.kind !== 'function') return [];
  return visibleLocals(fn, offset).filter((d) => d.kind !== 'label').map(fromDecl);
}

function membersOf(ws: Workspace, t: Target): Item[] {
  if (t.decl.kind === 'import') t = followImport(ws, t.path, t.decl);
  if (t.decl.kind === 'namespace') return t.decl.children.map(fromDecl);
  if (t.decl.kind === 'struct') return [{ label: 'SIZE', kind: 'const', detail: 'the size of the struct in felts' }];
  const s = structOfValue(ws, t);
  return s ? s.decl.children.filter((m) => m.kind === 'member').map(fromDecl) : [];
}

