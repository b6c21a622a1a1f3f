// StarkWare's cairo-lang 0.14.0.1, the reference, in the loop: compile Cairo 0 sources of the
// project's own with cairo-compile and run programs with cairo-run at test time. The install is
// scripts/reference.sh (CI runs it; a test that needs the reference runs it too, so a fresh
// machine gets it rather than a skip). Results are cached by the hash of everything they depend
// on, under .reference/cache/, so a second suite run does not wait for the Python VM.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync, renameSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';
import { ROOT } from './shared';
import { runReferenceTool } from './warm-tool';

const CACHE = join(ROOT, '.reference', 'cache');
let bin: string | undefined;

/** The reference's bin folder (installing it on first use). */
export function referenceBin(): string {
  if (bin !== undefined) return bin;
  if (process.env.CAIRN_REFERENCE_BIN) return (bin = process.env.CAIRN_REFERENCE_BIN);
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'reference.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return (bin = out.trim().split('\n').pop()!);
}

/** The reference's python (cairo-lang importable), for tests of the Python hint bridge. */
export function referencePython(): string {
  return join(referenceBin(), 'python');
}

function digest(parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) { h.update(typeof p === 'string' ? `s${p.length}:` : `b${p.length}:`); h.update(p); }
  return h.digest('hex').slice(0, 32);
}

/** Runs `make(dir)` once per key; its files in dir are the cached result. */
function cached(key: string, make: (dir: string) => void): string {
  const dir = join(CACHE, key);
  if (existsSync(join(dir, '.done'))) return dir;
  const tmp = `${dir}.tmp${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  make(tmp);
  writeFileSync(join(tmp, '.done'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

export interface CompileOptions {
  /** cairo-compile --proof_mode */
  proofMode?: boolean;
  /** file name the source is compiled as (it appears in debug_info and error texts) */
  name?: string;
  /** extra files next to the main one (imports), by relative path */
  files?: Record<string, string>;
}

/** Compiles a Cairo 0 source with the reference's cairo-compile; returns the program JSON path. */
export function compileCairo(source: string, opts: CompileOptions = {}): string {
  const name = opts.name ?? 'prog.cairo';
  const files = opts.files ?? {};
  const key = digest(['compile', referenceBin(), name, source, String(!!opts.proofMode), JSON.stringify(Object.entries(files).sort())]);
  const dir = cached(key, (d) => {
    const src = join(d, 'src');
    mkdirSync(src, { recursive: true });
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(join(src, rel, '..'), { recursive: true });
      writeFileSync(join(src, rel), text);
    }
    writeFileSync(join(src, name), source);
    const args = [name, '--output', join(d, 'program.json'), '--cairo_path', src];
    if (opts.proofMode) args.push('--proof_mode');
    const out = { stdout: join(d, 'compile.stdout'), stderr: join(d, 'compile.stderr') };
    const r = runReferenceTool(referenceBin(), 'cairo-compile', args, { cwd: src, timeoutMs: 600_000, ...out });
    if (r.status !== 0) throw new Error(`cairo-compile failed:\n${readFileSync(out.stderr, 'utf8')}${readFileSync(out.stdout, 'utf8')}`);
  });
  return join(dir, 'program.json');
}

export interface RefRun {
  code: number;
  stdout: string;
  stderr: string;
  /** the files the run wrote, by flag name (trace_file, memory_file, air_public_input, ...) */
  files: Record<string, string>;
  /** the folder holding them */
  dir: string;
}

/** File-output flags: the helper gives each a path in the run's folder. */
export const OUTPUT_FLAGS = ['trace_file', 'memory_file', 'air_public_input', 'air_private_input', 'cairo_pie_output', 'profile_output', 'debug_info_file'];

/**
 * Runs the reference's cairo-run on a program with `args` (flags as cairo-run takes them), plus
 * `--FLAG <dir>/FLAG` for each name in `outputs`. Any argument naming an existing file is hashed
 * by content, so an edited input file is a new run. Runs in `opts.cwd` (default: the test's own folder).
 */
export function cairoRun(program: string, args: string[], outputs: string[] = [], opts: { timeoutMs?: number; cwd?: string; programFlag?: string } = {}): RefRun {
  // programFlag: '--run_from_cairo_pie' to run a PIE zip instead of a program
  const programFlag = opts.programFlag ?? '--program';
  // The install's path is part of a result: cairo-run's error texts name its Python files.
  const parts: (string | Buffer)[] = ['run', referenceBin(), readFileSync(program), JSON.stringify(outputs)];
  if (programFlag !== '--program') parts.push(programFlag);
  // The folder matters to error texts (cairo-run reads source lines relative to it).
  if (opts.cwd !== undefined) parts.push(`cwd:${opts.cwd}`);
  for (const a of args) parts.push(existsSync(a) && statSync(a).isFile() ? readFileSync(a) : a);
  const dir = cached(digest(parts), (d) => {
    const all = [programFlag, program, ...args];
    for (const o of outputs) all.push(`--${o}`, join(d, o));
    const r = runReferenceTool(referenceBin(), 'cairo-run', all, {
      cwd: opts.cwd, timeoutMs: opts.timeoutMs ?? 600_000, stdout: join(d, 'stdout'), stderr: join(d, 'stderr'),
    });
    writeFileSync(join(d, 'code'), String(r.status ?? -1));
  });
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (OUTPUT_FLAGS.includes(basename(f))) files[f] = join(dir, f);
  return {
    code: Number(readFileSync(join(dir, 'code'), 'utf8')),
    stdout: readFileSync(join(dir, 'stdout'), 'utf8'),
    stderr: readFileSync(join(dir, 'stderr'), 'utf8'),
    files,
    dir,
  };
}
