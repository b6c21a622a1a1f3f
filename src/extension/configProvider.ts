// F5 on a .cairo file with no launch.json: find its compiled JSON (or ask), pick a layout,
// optionally compile first, and hand the adapter a complete `cairn` launch configuration.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { compile, findCairoCompile } from '../runner/cairo-compile';
import { buildFolders, findProgram, readProgramInfo, sourceRootFor } from './findProgram';
import { CairnLaunchConfig, completeLaunchConfig, configForFile, DEBUG_TYPE } from './launchConfig';
import { isCairo1Source } from './findExecutable';
import { log } from './log';

export function settings() {
  const c = vscode.workspace.getConfiguration('cairn');
  return {
    buildFolder: c.get<string>('buildFolder') || undefined,
    defaultLayout: c.get<string>('defaultLayout') ?? 'auto',
    compileBeforeLaunch: c.get<boolean>('compileBeforeLaunch') ?? false,
    cairoCompile: c.get<string>('cairoCompile') || undefined,
    python: c.get<string>('python') || undefined,
    pythonHints: c.get<boolean>('pythonHints') ?? true,
  };
}

function activeCairoFile(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'cairo' && doc.uri.scheme === 'file' ? doc.uri.fsPath : undefined;
}

function workspaceRootFor(folder: vscode.WorkspaceFolder | undefined, file?: string): string | undefined {
  const f = folder ?? (file ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) : undefined)
    ?? vscode.workspace.workspaceFolders?.[0];
  return f?.uri.fsPath;
}

let compileDiagnostics: vscode.DiagnosticCollection | undefined;

const isDir = (d: string) => { try { return statSync(d).isDirectory(); } catch { return false; } };

export class CairnConfigurationProvider implements vscode.DebugConfigurationProvider {
  /** Seeds a new launch.json: the current file (any .cairo works, its JSON is found at launch). */
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{
      type: DEBUG_TYPE, request: 'launch', name: 'Cairn: debug current Cairo file',
      program: '${file}', layout: 'starknet_with_keccak', stopOnEntry: false,
    }];
  }

  resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration)
    : vscode.ProviderResult<vscode.DebugConfiguration> {
    if (!config.type && !config.request && !config.name) {
      // F5 without launch.json: debug the file in the editor.
      const file = activeCairoFile();
      if (!file) return pickProgram(undefined, folder).then((p) => (p ? configForFile(p) : undefined));
      return configForFile(file);
    }
    if (!config.program) {
      const file = activeCairoFile();
      if (file) return { ...config, program: file };
      return pickProgram(undefined, folder).then((p) => (p ? { ...config, program: p } : undefined));
    }
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined,
    debugConfig: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    let config = debugConfig as CairnLaunchConfig;
    const s = settings();
    const workspaceRoot = workspaceRootFor(folder, config.program);
    const opts = { workspaceRoot, buildFolder: s.buildFolder, defaultLayout: s.defaultLayout, python: s.python, pythonHints: s.pythonHints };

    if (s.compileBeforeLaunch && config.program?.endsWith('.cairo') && !isCairo1Source(path.resolve(workspaceRoot ?? '', config.program))) {
      const ok = await compileFirst(path.resolve(workspaceRoot ?? '', config.program), config, opts);
      if (!ok) return undefined;
    }
    for (;;) {
      const r = completeLaunchConfig(config, opts);
      if (r.kind === 'error') {
        log().error(r.message);
        void vscode.window.showErrorMessage(`Cairn: ${r.message}`);
        return undefined;
      }
      if (r.kind === 'pick') {
        const picked = r.matches.length > 1 ? await quickPickProgram(r.matches, workspaceRoot) : await pickProgram(r.cairoFile, folder);
        if (!picked) return undefined;
        // The file's debug_info name tells where sources resolve, as when the JSON is found.
        const info = readProgramInfo(picked);
        config = { ...config, program: picked, sourceRoot: config.sourceRoot ?? (info ? sourceRootFor(r.cairoFile, info) : undefined) };
        continue;
      }
      for (const w of r.warnings) void vscode.window.showWarningMessage(`Cairn: ${w}`);
      log().info(`launch ${JSON.stringify(r.config)}`);
      return r.config;
    }
  }
}

/** "Run and Debug" dropdown entries without a launch.json: one per open .cairo editor. */
export class CairnDynamicConfigurations implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const files = new Set(vscode.window.visibleTextEditors
      .filter((e) => e.document.languageId === 'cairo' && e.document.uri.scheme === 'file')
      .map((e) => e.document.uri.fsPath));
    return [...files].map(configForFile);
  }
}

/** Ask for a compiled JSON with the file picker, starting in the nearest build folder. */
export async function pickProgram(cairoFile: string | undefined, folder?: vscode.WorkspaceFolder): Promise<string | undefined> {
  const root = workspaceRootFor(folder, cairoFile);
  const start = cairoFile ? buildFolders(cairoFile, { workspaceRoot: root, buildFolder: settings().buildFolder })
    .find(isDir) ?? path.dirname(cairoFile) : root;
  const picked = await vscode.window.showOpenDialog({
    title: cairoFile ? `No compiled JSON found for ${path.basename(cairoFile)}: pick it` : 'Pick a compiled Cairo program (JSON)',
    canSelectMany: false,
    filters: { 'Compiled Cairo program': ['json'] },
    defaultUri: start ? vscode.Uri.file(start) : undefined,
  });
  return picked?.[0]?.fsPath;
}

async function quickPickProgram(matches: string[], root?: string): Promise<string | undefined> {
  const item = await vscode.window.showQuickPick(
    matches.map((m) => ({ label: path.basename(m), description: root ? path.relative(root, m) : m, path: m })),
    { title: 'Several compiled programs include this file: which one to debug?' });
  return item?.path;
}

async function compileFirst(cairoFile: string, config: CairnLaunchConfig,
  opts: { workspaceRoot?: string; buildFolder?: string }): Promise<boolean> {
  const compiler = findCairoCompile(settings().cairoCompile);
  if (!compiler) {
    log().warn('cairn.compileBeforeLaunch is on but cairo-compile is not on the PATH: using the existing JSON');
    return true;
  }
  const found = findProgram(cairoFile, opts).program;
  const out = found ?? path.join(opts.buildFolder ? path.resolve(opts.workspaceRoot ?? '', opts.buildFolder)
    : path.join(path.dirname(cairoFile), 'build'), path.basename(cairoFile, '.cairo') + '.json');
  const root = config.sourceRoot ?? sourceRootFor(cairoFile, found ? readProgramInfo(found) : undefined);
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Compiling ${path.basename(cairoFile)}` },
    () => compile(compiler, cairoFile, out, root, config.cairoPath ?? []));
  log().info(r.output);
  compileDiagnostics ??= vscode.languages.createDiagnosticCollection('cairo-compile');
  compileDiagnostics.clear();
  if (r.ok) return true;
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const d of r.diagnostics) {
    const pos = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.column - 1));
    const list = byFile.get(d.file) ?? [];
    list.push(new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), d.message, vscode.DiagnosticSeverity.Error));
    byFile.set(d.file, list);
  }
  for (const [f, ds] of byFile) compileDiagnostics.set(vscode.Uri.file(f), ds);
  const choice = await vscode.window.showErrorMessage(`Cairn: cairo-compile failed for ${path.basename(cairoFile)}`, 'Show Output');
  if (choice) log().show();
  return false;
}
