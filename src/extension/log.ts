// One log channel for the extension ("Cairn" in the Output view). A LogOutputChannel also lands
// in the window's log folder, which is what the end-to-end test keeps as an artefact.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Cairn', { log: true });
  return channel;
}
