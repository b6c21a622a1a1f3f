// "Cairn: Debug Cairo Program" and "Cairn: Run Cairo Program". Both take the file given by the
// editor/explorer menu, else the .cairo (or .json) in the editor, else ask for a compiled JSON.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CairnConfigurationProvider, pickProgram } from './configProvider';
import { CairnLaunchConfig, configForFile } from './launchConfig';
import { EXECUTABLE_SUFFIX } from './findExecutable';

export async function targetFile(uri: unknown): Promise<string | undefined> {
  if (uri instanceof vscode.Uri && uri.scheme === 'file') return uri.fsPath;
  // a code lens of the language server passes the document's URI as a string
  if (typeof uri === 'string' && uri.startsWith('file:')) return vscode.Uri.parse(uri).fsPath;
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.uri.scheme === 'file' && (doc.languageId === 'cairo' || doc.fileName.endsWith('.json'))) return doc.uri.fsPath;
  return pickProgram(undefined);
}

/** The launch configuration for the target file (see targetFile) and `entrypoint`, and its folder. */
async function launchFor(uri: unknown, entrypoint: unknown): Promise<{ folder: vscode.WorkspaceFolder | undefined; config: CairnLaunchConfig } | undefined> {
  const file = await targetFile(uri);
  if (!file) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  const config = configForFile(file);
  if (typeof entrypoint === 'string') config.entrypoint = entrypoint;
  return { folder, config };
}

/** That configuration resolved as a debug session's would be (the compiled program found, or
 *  compiled); undefined when there is none (the provider has said why). Run and Profile use it. */
export async function resolvedLaunchFor(provider: CairnConfigurationProvider, uri: unknown, entrypoint: unknown): Promise<CairnLaunchConfig | undefined> {
  const l = await launchFor(uri, entrypoint);
  if (!l) return undefined;
  const resolved = await provider.resolveDebugConfigurationWithSubstitutedVariables(l.folder, l.config);
  return resolved ? (resolved as CairnLaunchConfig) : undefined;
}

/** `entrypoint`: a function to start at instead of main (the code lens above it passes it). */
export async function debugProgram(uri?: unknown, entrypoint?: unknown): Promise<void> {
  const l = await launchFor(uri, entrypoint);
  if (l) await vscode.debug.startDebugging(l.folder, l.config);
}

let running: ChildProcess | undefined;
let runChannel: vscode.OutputChannel | undefined;

/** Runs the program without the debugger through the CLI, in its own process, output in the
 *  "Cairn Run" channel. A new run stops the previous one. */
export async function runProgram(provider: CairnConfigurationProvider, cliPath: string, uri?: unknown, entrypoint?: unknown): Promise<void> {
  const config = await resolvedLaunchFor(provider, uri, entrypoint);
  if (!config) return;
  const args = config.program!.endsWith(EXECUTABLE_SUFFIX)
    ? [cliPath, 'execute', config.program!, '--print-program-output', ...executeArguments(config)]
    : [cliPath, 'run', '--program', config.program!, '--print_output', '--print_info', '--layout', config.layout ?? 'plain'];
  if (config.entrypoint && !config.program!.endsWith(EXECUTABLE_SUFFIX)) args.push('--entrypoint', config.entrypoint);

  runChannel ??= vscode.window.createOutputChannel('Cairn Run');
  const out = runChannel;
  out.clear();
  out.show(true);
  running?.kill();
  out.appendLine(`$ cairn ${args.slice(1).map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`);
  const t0 = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: config.sourceRoot ?? path.dirname(config.program!),
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  running = child;
  child.stdout.on('data', (d: Buffer) => out.append(d.toString()));
  child.stderr.on('data', (d: Buffer) => out.append(d.toString()));
  child.on('error', (e) => out.appendLine(`[cairn: ${e.message}]`));
  child.on('close', (code, signal) => {
    if (running === child) running = undefined;
    const secs = ((Date.now() - t0) / 1000).toFixed(2);
    out.appendLine(`[exited ${signal ? `on ${signal}` : `with code ${code}`} after ${secs} s]`);
    if (code) void vscode.window.showErrorMessage(`Cairn: ${path.basename(config.program!)} failed (exit code ${code}).`, 'Show Output')
      .then((c) => c && out.show());
  });
}

export function stopRunning(): void {
  running?.kill();
}

/** A Cairo 1 launch's arguments as `cairn execute` flags. */
function executeArguments(config: CairnLaunchConfig): string[] {
  const a = config.arguments;
  const out: string[] = [];
  if (typeof config.argumentsFile === 'string') out.push('--arguments-file', config.argumentsFile);
  else if (typeof a === 'string' && a.trim() !== '') out.push('--arguments', a);
  else if (Array.isArray(a) && a.length > 0) out.push('--arguments', a.join(','));
  if (typeof config.layout === 'string') out.push('--layout', config.layout);
  return out;
}
