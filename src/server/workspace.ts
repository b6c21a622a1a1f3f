// The files the language server knows: open documents (their live text) over the disk, each
// parsed once per version; the workspace's .cairo files; and how a module name
// (`starkware.cairo.common.alloc`) finds its file, as cairo-compile's --cairo_path does.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CairoFile, parseCairo } from './syntax';
import { dialectOf } from './dialect';

interface Entry { key: string; file: CairoFile }

const SKIP_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', 'target', '.reference']);

export class Workspace {
  private readonly parsed = new Map<string, Entry>();
  private readonly open = new Map<string, { version: number; text: string }>();
  private fileList: string[] | undefined;

  constructor(
    /** Workspace folders: their files are the ones references and rename cover. */
    public roots: string[] = [],
    /** Extra module roots (the `cairoPath` setting, cairo-lang's site-packages). */
    public cairoPath: string[] = [],
  ) {}

  setOpen(path: string, version: number, text: string): void {
    this.open.set(path, { version, text });
  }
  close(path: string): void {
    this.open.delete(path);
  }
  /** Forget the list of files (a file was created or deleted). */
  changed(): void {
    this.fileList = undefined;
  }

  text(path: string): string | undefined {
    const o = this.open.get(path);
    if (o) return o.text;
    try { return readFileSync(path, 'utf8'); } catch { return undefined; }
  }

  /** The parsed file (open text first, else the disk), cached by version or mtime. */
  get(path: string): CairoFile | undefined {
    const o = this.open.get(path);
    let key: string;
    if (o) key = `v${o.version}`;
    else {
      try { const s = statSync(path); if (!s.isFile()) return undefined; key = `m${s.mtimeMs}:${s.size}`; } catch { return undefined; }
    }
    const hit = this.parsed.get(path);
    if (hit && hit.key === key) return hit.file;
    const text = this.text(path);
    if (text === undefined) return undefined;
    const file: CairoFile = dialectOf(text, path) === 'cairo1'
      ? { text, tokens: [], decls: [], imports: [], hints: [], errors: [], cairo1: true }
      : parseCairo(text);
    this.parsed.set(path, { key, file });
    return file;
  }

  /** Whether the file is one of the workspace's own (not a library's). */
  inWorkspace(path: string): boolean {
    const p = resolve(path);
    return this.roots.some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep)) && !p.split(sep).some((part) => SKIP_DIRS.has(part));
  }

  /** Every .cairo file under the workspace folders (open ones included). */
  files(): string[] {
    if (!this.fileList) {
      const out = new Set<string>();
      const walk = (dir: string, depth: number) => {
        if (depth > 12) return;
        let names: string[];
        try { names = readdirSync(dir); } catch { return; }
        for (const n of names) {
          if (SKIP_DIRS.has(n) || n.startsWith('.')) continue;
          const p = join(dir, n);
          let s;
          try { s = statSync(p); } catch { continue; }
          if (s.isDirectory()) walk(p, depth + 1);
          else if (n.endsWith('.cairo')) out.add(p);
        }
      };
      for (const r of this.roots) walk(r, 0);
      this.fileList = [...out];
    }
    const all = new Set(this.fileList);
    for (const p of this.open.keys()) if (this.inWorkspace(p)) all.add(p);
    return [...all].sort();
  }

  /**
   * The file of module `a.b.c` imported from `fromPath`: tried under the configured cairo path,
   * then under each folder above the importing file (a project compiled from its source root
   * needs no setting), then the workspace folders.
   */
  moduleFile(module: string, fromPath?: string): string | undefined {
    const rel = module.split('.').join(sep) + '.cairo';
    const bases: string[] = [...this.cairoPath];
    if (fromPath) for (let d = dirname(resolve(fromPath)); ; d = dirname(d)) { bases.push(d); if (dirname(d) === d) break; }
    bases.push(...this.roots);
    for (const b of bases) {
      const p = join(b, rel);
      if (this.open.has(p) || existsSync(p)) return p;
    }
    return undefined;
  }

  /** The module name of a file, relative to the first base that holds it. */
  moduleName(path: string): string | undefined {
    const p = resolve(path);
    for (const b of [...this.cairoPath, ...this.roots]) {
      const base = b.endsWith(sep) ? b : b + sep;
      if (p.startsWith(base) && p.endsWith('.cairo')) return p.slice(base.length, -'.cairo'.length).split(sep).join('.');
    }
    return undefined;
  }
}
