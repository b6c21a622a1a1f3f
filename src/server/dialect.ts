// Cairo 0 or Cairo 1? Both use `.cairo` and the language id `cairo`; this server understands
// Cairo 0 only, so it must keep quiet on Cairo 1 files (left to the Cairo extension and Scarb)
// instead of flooding them with Cairo 0 syntax errors and cairo-compile runs.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Dialect = 'cairo0' | 'cairo1';

/** Constructs only Cairo 0 has (after comments and strings are blanked). */
const CAIRO0 = [
  /^\s*func\s+[A-Za-z_]/m,
  /%builtins\b|%lang\b|%\{/,
  /^\s*from\s+[A-Za-z_][\w.]*\s+import\b/m,
  /\balloc_locals\b|\btempvar\b/,
  /\[\s*(ap|fp)\b/,
];
/** Constructs only Cairo 1 has. */
const CAIRO1 = [
  /^\s*(pub(\([a-z]+\))?\s+)?(fn|mod|use|impl|trait|enum|extern)\s+[A-Za-z_]/m,
  /^\s*#\[/m,
  /\blet\s+mut\b/,
  /[A-Za-z_]::[A-Za-z_{]/,
  /\b[a-z_]+!\s*[([]/,
];

/** Comments and string literals blanked, so `// fn x` or `'::'` decide nothing. */
function code(text: string): string {
  return text.replace(/\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => ' '.repeat(m.length));
}

/** The nearest folder above the file that is a Cairo 1 package or project. */
function inCairo1Project(path: string): boolean {
  for (let d = dirname(path), i = 0; i < 32; d = dirname(d), i++) {
    if (existsSync(join(d, 'Scarb.toml')) || existsSync(join(d, 'cairo_project.toml'))) return true;
    if (dirname(d) === d) break;
  }
  return false;
}

/**
 * Cairo 0 wins on any Cairo 0-only construct; otherwise a Cairo 1-only construct, or (for a file
 * with neither, such as one holding only structs) a Scarb.toml or cairo_project.toml above it,
 * makes it Cairo 1.
 */
export function dialectOf(text: string, path?: string): Dialect {
  const c = code(text);
  if (CAIRO0.some((r) => r.test(c))) return 'cairo0';
  if (CAIRO1.some((r) => r.test(c))) return 'cairo1';
  return path && inCairo1Project(path) ? 'cairo1' : 'cairo0';
}
