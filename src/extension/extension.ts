// Cairn's VS Code entry point: the `cairn` debug type (configuration provider + adapter in its
// own process), the Run/Debug commands, the language client, inline values and hover.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CairnAdapterFactory, CairnTrackerFactory } from './adapterFactory';
import { debugProgram, runProgram, stopRunning } from './commands';
import { CairnConfigurationProvider, CairnDynamicConfigurations } from './configProvider';
import { CairnEvaluatableExpressions, CairnInlineValues } from './inlineValues';
import { DEBUG_TYPE } from './launchConfig';
import { startLanguageClient } from './languageClient';
import { log } from './log';
import { profileProgram, registerProfileView } from './profileView';
import { whoWrote } from './whoWrote';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const provider = new CairnConfigurationProvider();
  const cairo: vscode.DocumentSelector = { language: 'cairo' };
  const dist = (f: string) => context.asAbsolutePath(`dist/${f}`);
  context.subscriptions.push(
    log(),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, provider),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new CairnDynamicConfigurations(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new CairnAdapterFactory(dist('adapter.js'))),
    vscode.debug.registerDebugAdapterTrackerFactory(DEBUG_TYPE, new CairnTrackerFactory(log())),
    vscode.commands.registerCommand('cairn.debugProgram', (uri?: unknown, entrypoint?: unknown) => debugProgram(uri, entrypoint)),
    vscode.commands.registerCommand('cairn.runProgram', (uri?: unknown, entrypoint?: unknown) => runProgram(provider, dist('cli.js'), uri, entrypoint)),
    vscode.commands.registerCommand('cairn.whoWrote', (arg?: unknown) => whoWrote(arg)),
    vscode.languages.registerInlineValuesProvider(cairo, new CairnInlineValues()),
    vscode.languages.registerEvaluatableExpressionProvider(cairo, new CairnEvaluatableExpressions()),
    vscode.commands.registerCommand('cairn.profileProgram', (uri?: unknown, entrypoint?: unknown) => profileProgram(context, provider, dist('cli.js'), uri, entrypoint)),
    { dispose: stopRunning },
  );
  registerProfileView(context);
  log().info(`Cairn ${context.extension.packageJSON.version} activated`);
  void startLanguageClient(dist('server.js')).then((c) => { client = c; });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
