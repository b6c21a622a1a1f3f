// Profiling a program for the VS Code view, without VS Code: the bundled CLI runs it in its own
// process (a runaway program cannot hang the editor host; a cancel kills it) and writes the flame
// data as JSON; debug_info file names are then found on disk as the debugger finds them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FlameData } from '../debug/profile/flame';

export interface ProfileRunOptions {
  program: string;
  layout?: string;
  entrypoint?: string;
  programInput?: string;
  cairoPath?: string[];
  /** A Cairo 1 executable's arguments: "1,2,3", or a JSON file of them. */
  arguments?: string;
  argumentsFile?: string;
  /** Cancel: kills the run. */
  signal?: AbortSignal;
}

export type ProfileRunResult = { ok: true; data: FlameData; stdout: string } | { ok: false; message: string };

/** Runs `node cli.js profile --program P --json OUT` and reads OUT. */
export function runProfile(cliPath: string, o: ProfileRunOptions): Promise<ProfileRunResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-profile-'));
  const out = path.join(dir, 'profile.json');
  const args = [cliPath, 'profile', '--program', o.program, '--json', out, '--print_output'];
  if (o.layout) args.push('--layout', o.layout);
  if (o.entrypoint) args.push('--entrypoint', o.entrypoint);
  if (o.programInput) args.push('--program_input', o.programInput);
  if (o.cairoPath?.length) args.push('--cairo_path', o.cairoPath.join(':'));
  if (o.argumentsFile) args.push('--arguments_file', o.argumentsFile);
  else if (o.arguments) args.push('--arguments', o.arguments);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: path.dirname(o.program), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, signal: o.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const done = (r: ProfileRunResult) => { rmSync(dir, { recursive: true, force: true }); resolve(r); };
    child.on('error', (e) => done({ ok: false, message: e.name === 'AbortError' ? 'the profile run was cancelled' : e.message }));
    child.on('close', (code, sig) => {
      if (code !== 0 || !existsSync(out)) {
        const why = sig ? `stopped by ${sig}` : `exit code ${code}`;
        return done({ ok: false, message: `${path.basename(o.program)} failed (${why})${stderr.trim() ? `: ${stderr.trim()}` : ''}` });
      }
      try { done({ ok: true, data: JSON.parse(readFileSync(out, 'utf8')) as FlameData, stdout }); }
      catch (e) { done({ ok: false, message: `unreadable profile: ${(e as Error).message}` }); }
    });
  });
}

export interface SourceRoots {
  program: string;
  sourceRoot?: string;
  cairoPath?: string[];
  sourceFileMap?: Record<string, string>;
}

/** Where a debug_info file name is on disk, looked up as the debugger's SourceMap does
 *  (sourceFileMap, then sourceRoot, cairoPath, the program's folder). */
export function resolveSourceFile(name: string, r: SourceRoots): string | undefined {
  let mapped = name;
  const map = r.sourceFileMap ?? {};
  for (const p of Object.keys(map).sort((a, b) => b.length - a.length)) {
    if (name.startsWith(p)) { mapped = map[p] + name.slice(p.length); break; }
  }
  const roots = [r.sourceRoot, ...(r.cairoPath ?? []), path.dirname(r.program)].filter((x): x is string => !!x);
  const candidates = path.isAbsolute(mapped) ? [mapped] : roots.map((x) => path.join(x, mapped));
  for (const c of candidates) if (existsSync(c)) return path.resolve(c);
  return undefined;
}

/** Per resolved file: line (1-based) -> steps, for the editor's per-line counts. */
export function stepsByFile(data: FlameData, r: SourceRoots): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const where = new Map<string, string | undefined>();
  for (const l of data.lines) {
    if (!where.has(l.file)) where.set(l.file, resolveSourceFile(l.file, r));
    const f = where.get(l.file);
    if (f === undefined) continue;
    let m = out.get(f);
    if (m === undefined) out.set(f, (m = new Map()));
    m.set(l.line, (m.get(l.line) ?? 0) + l.steps);
  }
  return out;
}
