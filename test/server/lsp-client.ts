// A Language Server Protocol client for tests: starts the built server (dist/server.js) as its
// own process over stdio, as an editor does, and speaks JSON-RPC to it.
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT } from '../support/shared';

export const uri = (p: string) => pathToFileURL(p).href;

export class LspClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  readonly diagnostics = new Map<string, { message: string; range: { start: { line: number; character: number } }; source?: string }[]>();
  readonly messages: { type: number; message: string }[] = [];
  private versions = new Map<string, number>();

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: never[] }) => { this.diagnostics.set(p.uri, p.diagnostics); });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => { this.messages.push(p); });
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.onRequest('workspace/configuration', () => []);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  async initialize(rootPath: string, initializationOptions: object = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: uri(rootPath), workspaceFolders: [{ uri: uri(rootPath), name: 'ws' }],
      capabilities: {}, initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return r as { capabilities: Record<string, unknown> };
  }

  open(path: string, text = readFileSync(path, 'utf8')): void {
    this.versions.set(path, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId: 'cairo', version: 1, text } });
  }

  change(path: string, text: string): void {
    const v = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version: v }, contentChanges: [{ text }] });
  }

  save(path: string): void {
    void this.conn.sendNotification('textDocument/didSave', { textDocument: { uri: uri(path) } });
  }

  request<T = unknown>(method: string, params: object): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  /** Position of the n-th (0-based) occurrence of `needle` in the file, plus `delta` characters. */
  static pos(text: string, needle: string, n = 0, delta = 0): { line: number; character: number } {
    let at = -1;
    for (let i = 0; i <= n; i++) { at = text.indexOf(needle, at + 1); if (at < 0) throw new Error(`${needle} #${n} not found`); }
    at += delta;
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    return { line, character: at - (before.lastIndexOf('\n') + 1) };
  }

  async waitFor<T>(what: string, fn: () => T | undefined, ms = 60_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    try { await this.request('shutdown', {}); void this.conn.sendNotification('exit'); } catch { /* gone */ }
    await new Promise<void>((r) => { if (this.proc.exitCode !== null) r(); else { this.proc.once('exit', () => r()); setTimeout(() => { this.proc.kill(); r(); }, 3000); } });
    this.conn.dispose();
  }
}
