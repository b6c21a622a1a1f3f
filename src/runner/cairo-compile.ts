// Optional compile-before-launch with StarkWare's `cairo-compile`, when it is installed.
// The compiler runs in the source root so debug_info filenames come out relative to it,
// exactly like the examples were built.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** The cairo-compile executable: `configured` if given, else the first on PATH. */
export function findCairoCompile(configured: string | undefined, envPath = process.env.PATH ?? ''): string | undefined {
  if (configured) return configured;
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, 'cairo-compile');
    try { accessSync(p, constants.X_OK); return p; } catch { /* next */ }
  }
  return undefined;
}

export interface CompileDiagnostic { file: string; line: number; column: number; message: string }

/** `file.cairo:7:5: Unknown identifier 'x'.` lines of the compiler's error output (1-based). */
export function parseCompileErrors(stderr: string, cwd: string): CompileDiagnostic[] {
  const out: CompileDiagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^(.+?\.cairo):(\d+):(\d+): (.*)$/.exec(line.trim());
    if (m) out.push({ file: path.resolve(cwd, m[1]), line: +m[2], column: +m[3], message: m[4] });
  }
  return out;
}

export interface CompileResult { ok: boolean; output: string; diagnostics: CompileDiagnostic[] }

export function compile(compiler: string, cairoFile: string, outFile: string, sourceRoot: string,
  cairoPath: string[] = []): Promise<CompileResult> {
  mkdirSync(path.dirname(outFile), { recursive: true });
  const args = [path.relative(sourceRoot, cairoFile), '--output', outFile];
  if (cairoPath.length) args.push('--cairo_path', cairoPath.join(':'));
  return new Promise((resolve) => {
    execFile(compiler, args, { cwd: sourceRoot, timeout: 120_000 }, (err, stdout, stderr) => {
      const output = `${compiler} ${args.join(' ')}\n${stdout}${stderr}`;
      resolve({ ok: !err, output, diagnostics: err ? parseCompileErrors(stderr + stdout, sourceRoot) : [] });
    });
  });
}
