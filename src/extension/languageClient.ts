// Starts Cairn's language server (dist/server.js, its own process) for .cairo files.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { log } from './log';

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
