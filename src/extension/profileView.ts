// "Cairn: Profile Cairo Program": profiles the program of the active .cairo editor (found as Run
// finds it: resolvedLaunchFor) in the CLI's own process, shows the flame graph (flameHtml) in a
// webview; a click opens the frame's source at its line; while the view is open, the profiled
// files show each line's steps after it, in a muted color.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { flameHtml } from '../debug/profile/html';
import type { FlameData } from '../debug/profile/flame';
import { CairnConfigurationProvider } from './configProvider';
import { CairnLaunchConfig, DEBUG_TYPE } from './launchConfig';
import { runProfile, resolveSourceFile, SourceRoots, stepsByFile } from './profileRun';
import { resolvedLaunchFor } from './commands';

let panel: vscode.WebviewPanel | undefined;
let panelRoots: SourceRoots | undefined;
let lineSteps = new Map<string, Map<number, number>>();
const decoration = vscode.window.createTextEditorDecorationType({
  after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2em', fontStyle: 'italic' },
});

function decorate(editors: readonly vscode.TextEditor[]): void {
  for (const e of editors) {
    const steps = lineSteps.get(path.resolve(e.document.uri.fsPath));
    if (steps === undefined) { e.setDecorations(decoration, []); continue; }
    const opts: vscode.DecorationOptions[] = [];
    for (const [line, n] of steps) {
      if (line < 1 || line > e.document.lineCount) continue;
      const end = e.document.lineAt(line - 1).range.end;
      opts.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: `${n} step${n === 1 ? '' : 's'}` } } });
    }
    e.setDecorations(decoration, opts);
  }
}

async function openSource(file: unknown, line: unknown, roots: SourceRoots): Promise<void> {
  if (typeof file !== 'string') return;
  const found = resolveSourceFile(file, roots);
  if (found === undefined) { void vscode.window.showWarningMessage(`Cairn: ${file} was not found (set sourceRoot or cairoPath).`); return; }
  const l = Math.max(0, (typeof line === 'number' ? line : 1) - 1);
  await vscode.window.showTextDocument(vscode.Uri.file(found), { selection: new vscode.Range(l, 0, l, 0), viewColumn: vscode.ViewColumn.One });
}

/** Shows `data` (a profile of `roots.program`) in the one profile view. */
export function showProfile(context: vscode.ExtensionContext, data: FlameData, roots: SourceRoots, title: string): void {
  if (panel === undefined) {
    panel = vscode.window.createWebviewPanel('cairnProfile', 'Cairn Profile', vscode.ViewColumn.Beside, { enableScripts: true });
    panel.webview.onDidReceiveMessage((m: { type?: string; file?: unknown; line?: unknown }) => {
      if (m?.type === 'open' && panelRoots) void openSource(m.file, m.line, panelRoots);
    }, null, context.subscriptions);
    panel.onDidDispose(() => {
      panel = undefined;
      lineSteps = new Map();
      decorate(vscode.window.visibleTextEditors);
    }, null, context.subscriptions);
  }
  const nonce = randomBytes(16).toString('base64');
  panel.title = `Profile: ${path.basename(roots.program)}`;
  panel.webview.html = flameHtml(data, { title, nonce, cspSource: panel.webview.cspSource });
  panelRoots = roots;
  lineSteps = stepsByFile(data, roots);
  decorate(vscode.window.visibleTextEditors);
  panel.reveal(vscode.ViewColumn.Beside, true);
}

export function registerProfileView(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    decoration,
    vscode.window.onDidChangeVisibleTextEditors((es) => decorate(es)),
    { dispose: () => panel?.dispose() },
  );
}

/** The command: `uri`/`entrypoint` as the Run and Debug commands take them. With no file given
 *  and a `cairn` debug session active, the adapter's `cairnProfile`: a fresh run of that session's
 *  launch arguments (the view says so). */
export async function profileProgram(context: vscode.ExtensionContext, provider: CairnConfigurationProvider, cliPath: string, uri?: unknown, entrypoint?: unknown): Promise<void> {
  const session = vscode.debug.activeDebugSession;
  if (!(uri instanceof vscode.Uri) && typeof uri !== 'string' && session?.type === DEBUG_TYPE && typeof session.configuration.program === 'string') {
    const config = session.configuration as CairnLaunchConfig;
    let data: FlameData;
    try {
      data = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Cairn: profiling a fresh run of ${path.basename(config.program!)}` },
        async () => ((await session.customRequest('cairnProfile')) as { profile: FlameData }).profile);
    } catch (e) {
      void vscode.window.showErrorMessage(`Cairn: profile failed: ${(e as Error).message}`);
      return;
    }
    showProfile(context, data, rootsOf(config), `Cairn profile of a fresh run: ${path.basename(config.program!)}${config.entrypoint ? ` (${config.entrypoint})` : ''}`);
    return;
  }
  const config = await resolvedLaunchFor(provider, uri, entrypoint);
  if (!config) return; // the provider already said why
  const program = config.program!;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Cairn: profiling ${path.basename(program)}`, cancellable: true },
    (_p, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      const a = config.arguments;
      const args = { arguments: Array.isArray(a) ? a.join(',') : typeof a === 'string' ? a : undefined, argumentsFile: typeof config.argumentsFile === 'string' ? config.argumentsFile : undefined };
      return runProfile(cliPath, { program, layout: config.layout, entrypoint: config.entrypoint, programInput: config.programInput, cairoPath: config.cairoPath, ...args, signal: abort.signal });
    });
  if (!result.ok) { void vscode.window.showErrorMessage(`Cairn: profile failed: ${result.message}`); return; }
  showProfile(context, result.data, rootsOf(config), `Cairn profile: ${path.basename(program)}${config.entrypoint ? ` (${config.entrypoint})` : ''}`);
}

const rootsOf = (c: CairnLaunchConfig): SourceRoots => ({ program: c.program!, sourceRoot: c.sourceRoot, cairoPath: c.cairoPath, sourceFileMap: c.sourceFileMap });
