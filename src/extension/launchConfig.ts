// Completing a `cairn` launch configuration, without VS Code so it can be unit-tested: turn a
// .cairo `program` into its compiled JSON, default `sourceRoot` and `layout` from what the
// program's debug_info and builtins say.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { findProgram, FindOptions, ProgramInfo, readProgramInfo, sourceRootFor } from './findProgram';
import { chooseLayout, layoutFits, LAYOUTS } from './layouts';
import { EXECUTABLE_SUFFIX, findExecutable, isCairo1Source } from './findExecutable';

export const DEBUG_TYPE = 'cairn';

/** The launch arguments the adapter understands (package.json documents each one). */
export interface CairnLaunchConfig {
  type: string;
  request: string;
  name: string;
  program?: string;
  sourceRoot?: string;
  cairoPath?: string[];
  sourceFileMap?: Record<string, string>;
  layout?: string;
  entrypoint?: string;
  stopOnEntry?: boolean;
  /** Stop at the end of the run before the session ends (on unless false). */
  stopAtEnd?: boolean;
  steps?: number;
  programInput?: string;
  /** The Python (with cairo-lang) that runs hints Cairn has no TypeScript for. */
  python?: string;
  /** false: such hints stop the run instead. */
  pythonHints?: boolean;
  [key: string]: unknown;
}

export interface CompleteOptions extends FindOptions {
  /** `cairn.defaultLayout`: a layout name, or `auto` to pick from the program's builtins. */
  defaultLayout?: string;
  /** `cairn.python` and `cairn.pythonHints`, for a configuration that sets neither. */
  python?: string;
  pythonHints?: boolean;
}

export type CompleteResult =
  | { kind: 'ok'; config: CairnLaunchConfig; warnings: string[] }
  | { kind: 'pick'; cairoFile: string; matches: string[] }   // ask the user which JSON
  | { kind: 'error'; message: string };

/** A launch configuration for the .cairo file open in the editor (F5 with no launch.json). */
export function configForFile(file: string): CairnLaunchConfig {
  return { type: DEBUG_TYPE, request: 'launch', name: `Cairn: ${path.basename(file)}`, program: file };
}

export function completeLaunchConfig(input: CairnLaunchConfig, opts: CompleteOptions = {}): CompleteResult {
  const config: CairnLaunchConfig = { ...input };
  const warnings: string[] = [];
  if (!config.program) return { kind: 'error', message: 'The launch configuration has no "program" (the compiled JSON to debug).' };
  const base = opts.workspaceRoot ?? process.cwd();
  let program = path.resolve(base, config.program);
  let cairoFile: string | undefined;

  if (program.endsWith('.cairo') && isCairo1Source(program)) {
    const found = findExecutable(program, opts.workspaceRoot);
    if ('error' in found) return { kind: 'error', message: found.error };
    if ('matches' in found) return { kind: 'pick', cairoFile: program, matches: found.matches };
    program = found.program;
  }
  if (program.endsWith(EXECUTABLE_SUFFIX)) return completeExecutable(config, program, base);
  if (program.endsWith('.cairo')) {
    cairoFile = program;
    const found = findProgram(cairoFile, opts);
    if (!found.program) return { kind: 'pick', cairoFile, matches: found.matches };
    program = found.program;
  }
  if (!existsSync(program)) return { kind: 'error', message: `Program not found: ${program}` };
  const info = readProgramInfo(program);
  if (!info) return { kind: 'error', message: `${program} is not a compiled Cairo program (no "data" array).` };
  config.program = program;

  if (config.sourceRoot) config.sourceRoot = path.resolve(base, config.sourceRoot);
  else {
    const root = cairoFile ? sourceRootFor(cairoFile, info) : guessSourceRoot(program, info, opts.workspaceRoot);
    if (root) config.sourceRoot = root;
  }
  if (config.cairoPath) config.cairoPath = config.cairoPath.map((p) => path.resolve(base, p));
  if (config.programInput) config.programInput = path.resolve(base, config.programInput);
  if (config.python === undefined && opts.python) config.python = opts.python;
  if (config.pythonHints === undefined && opts.pythonHints === false) config.pythonHints = false;
  // In VS Code a run stops at its end, so its last state can be looked at and walked back.
  if (config.stopAtEnd === undefined) config.stopAtEnd = true;

  if (!config.layout) {
    const wanted = opts.defaultLayout && opts.defaultLayout !== 'auto' ? opts.defaultLayout : undefined;
    config.layout = wanted && layoutFits(wanted, info.builtins) ? wanted : chooseLayout(info.builtins);
  } else if (!LAYOUTS.includes(config.layout)) {
    warnings.push(`Unknown layout "${config.layout}" (known: ${LAYOUTS.join(', ')}).`);
  } else if (!layoutFits(config.layout, info.builtins)) {
    warnings.push(`Layout "${config.layout}" lacks builtins the program uses (${info.builtins.join(', ')}); `
      + `"${chooseLayout(info.builtins)}" has them.`);
  }
  return { kind: 'ok', config, warnings };
}

/** A Cairo 1 executable: paths made absolute; the adapter finds its debug file and sources and runs it on all_cairo. */
function completeExecutable(config: CairnLaunchConfig, program: string, base: string): CompleteResult {
  if (!existsSync(program)) return { kind: 'error', message: `Program not found: ${program}` };
  config.program = program;
  for (const key of ['debugInfo', 'sourceRoot', 'argumentsFile'] as const) {
    const v = config[key];
    if (typeof v === 'string' && v !== '') config[key] = path.resolve(base, v);
  }
  if (config.stopAtEnd === undefined) config.stopAtEnd = true;
  return { kind: 'ok', config, warnings: [] };
}

/** Where the program's own (non-library) source files are: the first of the program's folder,
 *  its ../src, the workspace and the workspace's src/ where a debug_info filename exists.
 *  Undefined leaves the choice to the adapter. */
export function guessSourceRoot(program: string, info: ProgramInfo, workspaceRoot?: string): string | undefined {
  const own = info.files.filter((f) => !f.startsWith('starkware/') && !path.isAbsolute(f));
  if (!own.length) return undefined;
  const dir = path.dirname(program);
  const roots = [dir, path.join(dir, '..', 'src'), path.join(dir, '..')];
  if (workspaceRoot) roots.push(workspaceRoot, path.join(workspaceRoot, 'src'));
  for (const root of roots) if (own.some((f) => existsSync(path.join(root, f)))) return path.resolve(root);
  return undefined;
}
