// Find references and rename over the workspace's files: every identifier (and every `ids.NAME`
// in a hint) whose resolution is the same declaration. Rename refuses what it cannot see: a
// declaration outside the workspace (the common library), or a name it cannot resolve.
import { Decl } from './syntax';
import { Target, resolveAt, resolvePath, sameTarget, nameAt } from './resolve';
import { Workspace } from './workspace';

export interface Occurrence { path: string; start: number; end: number }

/** Every occurrence of the target, its declaration included, in the workspace and `also`. */
export function references(ws: Workspace, target: Target, also: string[] = []): Occurrence[] {
  const name = target.decl.name;
  const out: Occurrence[] = [];
  const seen = new Set<string>();
  const add = (o: Occurrence) => {
    const k = `${o.path}:${o.start}`;
    if (!seen.has(k)) { seen.add(k); out.push(o); }
  };
  add({ path: target.path, start: target.decl.nameSpan.start, end: target.decl.nameSpan.end });
  // A function-local name is only seen in its function: no need to look elsewhere.
  const local = isLocal(target.decl);
  const paths = local ? [target.path] : [...new Set([...ws.files(), target.path, ...also])];
  for (const path of paths) {
    const file = ws.get(path);
    if (!file || !file.text.includes(name)) continue;
    for (const t of file.tokens) {
      if (t.kind !== 'ident' || t.text !== name) continue;
      if (sameTarget(resolveAt(ws, path, t.offset), target)) add({ path, start: t.offset, end: t.offset + name.length });
    }
    for (const h of file.hints) {
      const text = file.text.slice(h.start, h.end);
      const re = new RegExp(`\\bids((?:\\.[A-Za-z_]\\w*)*)\\.${name}\\b`, 'g');
      for (let m; (m = re.exec(text)); ) {
        const start = h.start + m.index + m[0].length - name.length;
        const n = nameAt(file, start);
        if (n && sameTarget(resolvePath(ws, path, n.parts, n.scopeOffset), target)) add({ path, start, end: start + name.length });
      }
    }
  }
  return out;
}

function isLocal(d: Decl): boolean {
  return ['arg', 'implicit', 'local', 'let', 'tempvar', 'label'].includes(d.kind) || (d.kind === 'const' && d.parent?.kind === 'function');
}

export class RenameError extends Error {}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The edits of a rename, by path; throws RenameError with the reason it refuses. */
export function rename(ws: Workspace, path: string, offset: number, newName: string): Map<string, Occurrence[]> {
  if (!IDENT.test(newName)) throw new RenameError(`'${newName}' is not a Cairo identifier.`);
  const target = resolveAt(ws, path, offset);
  if (!target) throw new RenameError('There is no declaration here that Cairn can resolve.');
  if (target.decl.kind === 'import') throw new RenameError(`Cannot find the module '${target.decl.module}' of this import: rename it where it is declared.`);
  if (!ws.inWorkspace(target.path)) throw new RenameError(`'${target.decl.name}' is declared outside the workspace (${target.path}).`);
  const edits = new Map<string, Occurrence[]>();
  for (const o of references(ws, target, [path])) {
    if (!ws.inWorkspace(o.path)) throw new RenameError(`'${target.decl.name}' is also used outside the workspace (${o.path}).`);
    const list = edits.get(o.path) ?? [];
    list.push(o);
    edits.set(o.path, list);
  }
  return edits;
}

/** The span of the name a rename would change (for prepareRename). */
export function renameSpan(ws: Workspace, path: string, offset: number): { start: number; end: number } | undefined {
  const file = ws.get(path);
  const n = file && nameAt(file, offset);
  return n?.span;
}
