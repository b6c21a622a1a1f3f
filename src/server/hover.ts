// Hover: the declaration under the cursor as Cairo (with its type: declared, or evident from
// `let p = Point(...)`), where it lives when that is another file, and the comment above it.
import { basename } from 'node:path';
import { Decl } from './syntax';
import { Target, resolveAt, typeOf, nameAt } from './resolve';
import { Workspace } from './workspace';

const KIND_WORD: Partial<Record<Decl['kind'], string>> = {
  arg: 'argument', implicit: 'implicit argument', member: 'member', label: 'label',
};

/** The declaration as one Cairo line (or a struct with its members). */
export function declText(ws: Workspace, t: Target): string {
  const d = t.decl;
  switch (d.kind) {
    case 'function': return `func ${qualified(d)}${d.detail ?? '()'}`;
    case 'struct': return `struct ${qualified(d)} {\n${d.children.filter((m) => m.kind === 'member').map((m) => `    ${m.name}: ${m.type},`).join('\n')}\n}`;
    case 'namespace': return `namespace ${qualified(d)}`;
    case 'const': return `const ${d.name}${d.init !== undefined ? ` = ${d.init}` : ''}`;
    case 'alias': return `using ${d.name} = ${d.type}`;
    case 'import': return d.detail ?? `import ${d.name}`;
    case 'label': return `${d.name}:`;
    case 'member': return `${d.parent ? d.parent.name + '.' : ''}${d.name}: ${d.type}`;
    default: {
      const ty = d.type ?? typeOf(ws, t)?.text;
      const word = d.kind === 'let' || d.kind === 'local' || d.kind === 'tempvar' ? `${d.kind} ` : '';
      return `${word}${d.name}${ty ? `: ${ty}` : ''}`;
    }
  }
}

function qualified(d: Decl): string {
  const names = [d.name];
  for (let p = d.parent; p && p.kind === 'namespace'; p = p.parent) names.unshift(p.name);
  return names.join('.');
}

export function hoverMarkdown(ws: Workspace, path: string, offset: number): string | undefined {
  const t = resolveAt(ws, path, offset);
  if (!t) return undefined;
  const parts = ['```cairo\n' + declText(ws, t) + '\n```'];
  const where = KIND_WORD[t.decl.kind];
  const fn = t.decl.parent?.kind === 'function' ? t.decl.parent.name : undefined;
  const notes: string[] = [];
  if (where) notes.push(where + (fn ? ` of \`${fn}\`` : ''));
  else if (fn) notes.push(`in \`${fn}\``);
  if (t.path !== path) {
    // the module as this file's import names it, else as the first root that holds it
    const file = ws.get(path);
    const n = file && nameAt(file, offset);
    const imp = n && file.imports.find((i) => i.name === n.parts[0]);
    notes.push(`from ${imp?.module ?? ws.moduleName(t.path) ?? basename(t.path)}`);
  }
  if (notes.length) parts.push(`*${notes.join(', ')}*`);
  if (t.decl.doc) parts.push(t.decl.doc);
  return parts.join('\n\n');
}
