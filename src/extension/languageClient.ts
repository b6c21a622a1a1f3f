// Starts Cairn's language server (dist/server.js, its own process) for .cairo files.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { log } from './log';

/** The settings the server reads (see src/server/server.ts `Options`). */
async function serverOptionsFromSettings(): Promise<object> {
  const c = vscode.workspace.getConfiguration('cairn');
  const commands = await vscode.commands.getCommands(true);
  return {
    cairoPath: c.get<string[]>('cairoPath', []),
    cairoCompile: c.get<string>('cairoCompile', ''),
    compileOnSave: c.get<boolean>('diagnosticsOnSave', true),
    profileCommand: commands.includes('cairn.profileProgram') ? 'cairn.profileProgram' : undefined,
  };
}

export async function startLanguageClient(serverModule: string): Promise<LanguageClient | undefined> {
  if (!existsSync(serverModule)) {
    log().warn(`language server not found at ${serverModule}: no outline for .cairo files`);
    return undefined;
  }
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'cairo' }],
    outputChannel: vscode.window.createOutputChannel('Cairn Language Server'),
    initializationOptions: await serverOptionsFromSettings(),
    synchronize: {
      configurationSection: 'cairn',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.cairo'),
    },
  };
  const client = new LanguageClient('cairn', 'Cairn Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    log().error(`language server failed to start: ${(e as Error).message}`);
    return undefined;
  }
  return client;
}
