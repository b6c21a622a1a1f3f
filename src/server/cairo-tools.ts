// The user's own cairo-lang, as the language server uses it: cairo-compile for diagnostics on
// save, cairo-format for formatting, and the folder that holds `starkware/cairo/common` so
// library imports resolve. Everything is optional: without a compiler the server still parses.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findCairoCompile, parseCompileErrors, CompileDiagnostic } from '../runner/cairo-compile';
import { shebangInterpreter } from '../hints/bridge/find-python';

export interface Tools {
  compile?: string;
  format?: string;
  /** The folder holding `starkware/` (cairo-lang's site-packages). */
  library?: string;
}

function run(cmd: string, args: string[], opts: { cwd?: string; timeout?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd: opts.cwd, timeout: opts.timeout ?? 60_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (err && !stderr ? err.message : '') });
    });
  });
}

/** Finds cairo-compile (configured or on PATH), cairo-format beside it, and its library. */
export async function findTools(configuredCompile?: string): Promise<Tools> {
  const compile = findCairoCompile(configuredCompile || undefined);
  if (!compile) return {};
  const tools: Tools = { compile };
  const fmt = join(dirname(compile), 'cairo-format');
  if (existsSync(fmt)) tools.format = fmt;
  // The interpreter of the compiler's script knows where starkware lives.
  const python = shebangInterpreter(compile) ?? 'python3';
  const r = await run(python, ['-c', 'import os, starkware; print(os.path.dirname(os.path.dirname(os.path.abspath(starkware.__file__))))'], { timeout: 20_000 });
  const lib = r.stdout.trim().split('\n').pop();
  if (r.code === 0 && lib && existsSync(join(lib, 'starkware', 'cairo', 'common'))) tools.library = lib;
  return tools;
}

/** Runs cairo-compile on a file, with the given module roots; its errors as diagnostics. */
export async function compileDiagnostics(compiler: string, file: string, roots: string[]): Promise<CompileDiagnostic[] | { failed: string }> {
  const out = mkdtempSync(join(tmpdir(), 'cairn-ls-'));
  try {
    const args = [file, '--output', join(out, 'out.json')];
    if (roots.length) args.push('--cairo_path', roots.join(':'));
    const r = await run(compiler, args, { cwd: dirname(file), timeout: 120_000 });
    if (r.code === 0) return [];
    const diags = parseCompileErrors(r.stderr + '\n' + r.stdout, dirname(file));
    return diags.length ? diags : { failed: (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The text formatted by cairo-format, or its error. */
export async function formatText(formatter: string, text: string): Promise<{ text: string } | { error: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-fmt-'));
  try {
    const f = join(dir, 'input.cairo');
    writeFileSync(f, text);
    const r = await run(formatter, [f], { timeout: 30_000 });
    if (r.code !== 0) return { error: (r.stderr || r.stdout).replace(new RegExp(f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), 'line').trim() };
    return { text: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type { CompileDiagnostic };
