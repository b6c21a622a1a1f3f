// Finds the compiled JSON of a .cairo file without VS Code: pure path logic plus reading the
// candidates' debug_info, so a program is only taken if it was really compiled from that file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface ProgramInfo {
  builtins: string[];
  /** debug_info input filenames, as the compiler wrote them (relative to where it ran). */
  files: string[];
}

export interface FindOptions {
  /** Stop walking up at this folder (the workspace folder). */
  workspaceRoot?: string;
  /** `cairn.buildFolder`, absolute or relative to workspaceRoot. */
  buildFolder?: string;
}

export interface FindResult {
  /** The best program, if one was found. */
  program?: string;
  /** Every program found that was compiled from the file (several: let the user pick). */
  matches: string[];
}

const MAX_LEVELS = 4;      // how far up from the .cairo file to look for a build folder
const MAX_SCANNED = 200;   // JSON files read when searching build folders by content

export function readProgramInfo(jsonPath: string): ProgramInfo | undefined {
  try {
    const p = JSON.parse(readFileSync(jsonPath, 'utf8'));
    if (!p || !Array.isArray(p.data)) return undefined; // not a compiled Cairo program
    const files = new Set<string>();
    const locs = p.debug_info?.instruction_locations ?? {};
    for (const k of Object.keys(locs)) {
      const f = locs[k]?.inst?.input_file?.filename;
      if (typeof f === 'string') files.add(f);
    }
    return { builtins: Array.isArray(p.builtins) ? p.builtins.map(String) : [], files: [...files] };
  } catch {
    return undefined;
  }
}

const slash = (p: string) => p.replace(/\\/g, '/');

/** The debug_info filename that names `cairoFile` (the longest suffix match), if any. */
export function matchingDebugFile(info: ProgramInfo, cairoFile: string): string | undefined {
  const f = slash(path.resolve(cairoFile));
  let best: string | undefined;
  for (const name of info.files) {
    const n = slash(name).replace(/^\.\//, '');
    if ((f === n || f.endsWith('/' + n)) && (!best || n.length > best.length)) best = n;
  }
  return best;
}

/** Where debug_info filenames resolve for a program compiled from `cairoFile`: the file's path
 *  minus the filename the compiler recorded (examples/src for examples/src/multi/main.cairo,
 *  recorded as multi/main.cairo); the file's own folder when nothing matches. */
export function sourceRootFor(cairoFile: string, info: ProgramInfo | undefined): string {
  const abs = path.resolve(cairoFile);
  const name = info && matchingDebugFile(info, abs);
  if (name && !path.isAbsolute(name)) {
    const depth = name.split('/').length;
    let root = abs;
    for (let k = 0; k < depth; k++) root = path.dirname(root);
    return root;
  }
  return path.dirname(abs);
}

/** Folders from the file's own up to the workspace root (at most MAX_LEVELS). */
function levels(cairoFile: string, workspaceRoot?: string): string[] {
  const out: string[] = [];
  let dir = path.dirname(path.resolve(cairoFile));
  // A file outside the workspace walks up MAX_LEVELS like any other.
  const root = workspaceRoot && dir.startsWith(path.resolve(workspaceRoot)) ? path.resolve(workspaceRoot) : undefined;
  for (let k = 0; k < MAX_LEVELS; k++) {
    out.push(dir);
    const parent = path.dirname(dir);
    if (dir === root || parent === dir || (root && !parent.startsWith(root))) break;
    dir = parent;
  }
  return out;
}

/** Build folders worth looking in: the configured one first, then `build/` at each level. */
export function buildFolders(cairoFile: string, opts: FindOptions = {}): string[] {
  const out: string[] = [];
  if (opts.buildFolder) out.push(path.resolve(opts.workspaceRoot ?? path.dirname(cairoFile), opts.buildFolder));
  for (const dir of levels(cairoFile, opts.workspaceRoot)) out.push(path.join(dir, 'build'));
  return [...new Set(out)];
}

/** Paths where the compiled JSON of `cairoFile` may be, most likely first (existing or not). */
export function programCandidates(cairoFile: string, opts: FindOptions = {}): string[] {
  const abs = path.resolve(cairoFile);
  const base = path.basename(abs, '.cairo');
  const dirs = levels(abs, opts.workspaceRoot);
  // Names relative to each level and to each level's src/ (examples/build/multi_main.json is
  // examples/src/multi/main.cairo): `a/b` as a_b.json, a/b.json, and b.json.
  const names = new Set<string>();
  for (const dir of dirs) {
    for (const from of [dir, path.join(dir, 'src')]) {
      const rel = slash(path.relative(from, abs));
      if (rel.startsWith('..')) continue;
      const stem = rel.replace(/\.cairo$/, '');
      names.add(stem.replace(/\//g, '_') + '.json');
      names.add(stem + '.json');
    }
  }
  names.add(base + '.json');
  // The configured folder is what the user asked for; then next to the file; then build/ folders.
  const folders = buildFolders(abs, opts);
  const configured = opts.buildFolder ? [folders.shift()!] : [];
  const out: string[] = [];
  for (const folder of configured) for (const n of names) out.push(path.join(folder, n));
  out.push(path.join(path.dirname(abs), base + '.json'));
  for (const folder of folders) for (const n of names) out.push(path.join(folder, n));
  return [...new Set(out)];
}

function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

/** The compiled JSON for `cairoFile`: by name first (taking one whose debug_info names the file
 *  over one that merely exists), then by content among the JSON files of the build folders
 *  (finds multi_main.json for multi/geometry.cairo, which it imports). */
export function findProgram(cairoFile: string, opts: FindOptions = {}): FindResult {
  const existing = programCandidates(cairoFile, opts).filter(isFile);
  const byName = existing.filter((p) => { const i = readProgramInfo(p); return i && matchingDebugFile(i, cairoFile); });
  if (byName.length) return { program: byName[0], matches: byName };
  const compiled = existing.filter((p) => readProgramInfo(p));
  if (compiled.length) return { program: compiled[0], matches: compiled };

  const matches: string[] = [];
  let scanned = 0;
  for (const folder of buildFolders(cairoFile, opts)) {
    if (!existsSync(folder)) continue;
    for (const f of listJson(folder)) {
      if (++scanned > MAX_SCANNED) break;
      const info = readProgramInfo(f);
      if (info && matchingDebugFile(info, cairoFile)) matches.push(f);
    }
  }
  return { program: matches.length === 1 ? matches[0] : undefined, matches };
}

function listJson(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth < 2) walk(p, depth + 1);
      else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
    }
  };
  walk(folder, 0);
  return out;
}
