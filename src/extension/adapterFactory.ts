// The debug adapter runs as its own Node process (dist/adapter.js speaking DAP on stdin/stdout),
// so a runaway Cairo program can never freeze the editor's extension host.
import * as vscode from 'vscode';

export class CairnAdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly adapterPath: string) {}

  createDebugAdapterDescriptor(): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    // In desktop VS Code process.execPath is Electron: ELECTRON_RUN_AS_NODE makes it plain Node.
    // In code-server and VS Code Server it already is Node, and the variable is harmless.
    return new vscode.DebugAdapterExecutable(process.execPath, [this.adapterPath], {
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
  }
}

/** With `cairn.trace` on, every DAP message goes to the Cairn log: the first thing to look at
 *  when a session misbehaves. */
export class CairnTrackerFactory implements vscode.DebugAdapterTrackerFactory {
  constructor(private readonly out: vscode.LogOutputChannel) {}

  createDebugAdapterTracker(session: vscode.DebugSession): vscode.DebugAdapterTracker | undefined {
    const trace = vscode.workspace.getConfiguration('cairn').get<boolean>('trace');
    const out = this.out;
    return {
      onWillStartSession: () => out.info(`session ${session.name} starting: ${JSON.stringify(session.configuration)}`),
      onWillReceiveMessage: (m) => { if (trace) out.info(`-> ${JSON.stringify(m)}`); },
      onDidSendMessage: (m) => { if (trace) out.info(`<- ${JSON.stringify(m)}`); },
      onError: (e) => out.error(`adapter error: ${e.message}`),
      onExit: (code, signal) => out.info(`adapter exited: code ${code ?? '-'}${signal ? ` signal ${signal}` : ''}`),
    };
  }
}
