// Starts dist/adapter.js as its own process and drives it with the real DAP client.
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { DebugProtocol } from '@vscode/debugprotocol';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const SRC = join(ROOT, 'examples/src');
export const ADAPTER = join(ROOT, 'dist/adapter.js');

export function source(rel: string): string {
  return join(SRC, rel);
}

export function launchArgs(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { program: join(ROOT, 'examples/build', `${name}.json`), sourceRoot: SRC, layout: 'starknet_with_keccak', ...extra };
}

/**
 * The adapter as its own process; `env` replaces its environment (a PATH with or without
 * cairo-compile); `timeout` bounds each request and awaited event (longer where cairo-lang is imported).
 */
export async function startClient(env?: NodeJS.ProcessEnv, timeout = 10_000): Promise<DebugClient> {
  if (!existsSync(ADAPTER)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dc = new DebugClient(process.execPath, ADAPTER, 'cairn', env ? { env } : undefined);
  dc.defaultTimeout = timeout;
  await dc.start();
  return dc;
}

/** Launches with breakpoints set during configuration; resolves once the first stop arrives. */
export async function launchTo(
  dc: DebugClient,
  args: Record<string, unknown>,
  setup: () => Promise<unknown> = async () => undefined,
): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await Promise.all([
    dc.waitForEvent('initialized').then(setup).then(() => dc.configurationDoneRequest()),
    dc.launch(args),
  ]);
  return stopped;
}

export async function top(dc: DebugClient): Promise<{ frames: DebugProtocol.StackFrame[]; line: number; path: string | undefined }> {
  const st = await dc.stackTraceRequest({ threadId: 1 });
  const frames = st.body.stackFrames;
  return { frames, line: frames[0].line, path: frames[0].source?.path };
}

export async function locals(dc: DebugClient, frameId?: number): Promise<Map<string, DebugProtocol.Variable>> {
  const id = frameId ?? (await top(dc)).frames[0].id;
  const scopes = await dc.scopesRequest({ frameId: id });
  const ref = scopes.body.scopes.find((s) => s.name === 'Locals')!.variablesReference;
  const vars = await dc.variablesRequest({ variablesReference: ref });
  return new Map(vars.body.variables.map((v) => [v.name, v]));
}

export async function evaluate(dc: DebugClient, expression: string, frameId?: number): Promise<string> {
  const id = frameId ?? (await top(dc)).frames[0].id;
  const r = await dc.evaluateRequest({ expression, frameId: id, context: 'watch' });
  return r.body.result;
}

/** Sends a request and resolves with the stop it causes. */
export async function stopAfter(dc: DebugClient, send: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  const stopped = dc.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  await send();
  return stopped;
}
