// `cairn run --tracer`: as cairo-run, run, write the trace and memory files (temporary ones when
// --trace_file/--memory_file are not given), then open a view of the run. Cairn's view is a small
// local page (127.0.0.1 only, from port 8100 up as cairo-lang's tracer) stepping through the run,
// plus the launch configuration that opens the same files in the post-mortem debugger. The page
// stops on Ctrl-C or after IDLE_MS without a request; the run's exit code is the command's.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { RunArgs } from './args';
import { runCommand, Io } from './run';
import { tracerRun, TracerRun } from './tracer-data';
import { TRACER_PAGE } from './tracer-page';
import { loadProgramFile } from '../runner/load-program';
import { readCairoPie } from '../runner/pie-input';
import { postMortemConfiguration } from '../debug/post-mortem/post-mortem-run';
import { findCairoLang } from '../debug/cairo-lang-path';

export const IDLE_MS = 30 * 60_000;
const FIRST_PORT = 8100;
const LAST_PORT = 8199;

export interface TracerOptions {
  /** Stop after this long without a request (default IDLE_MS). */
  idleMs?: number;
}

const size = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

export async function tracerCommand(args: RunArgs, io: Io, opts: TracerOptions = {}): Promise<number> {
  const temp = args.traceFile === undefined || args.memoryFile === undefined ? mkdtempSync(join(tmpdir(), 'cairn-tracer-')) : undefined;
  const traceFile = args.traceFile ?? join(temp!, 'trace.bin');
  const memoryFile = args.memoryFile ?? join(temp!, 'memory.bin');
  const cleanup = () => temp !== undefined && rmSync(temp, { recursive: true, force: true });
  const code = runCommand({ ...args, tracer: false, traceFile, memoryFile }, io);
  // A run that failed before writing its trace has nothing to show (its error is printed).
  if (size(traceFile) === 0 || size(memoryFile) === 0) {
    cleanup();
    return code;
  }
  let run: TracerRun;
  try {
    const program = args.program !== undefined ? loadProgramFile(args.program) : readCairoPie(args.runFromCairoPie!).program;
    const roots = args.program !== undefined ? [dirname(args.program), ...args.cairoPath] : args.cairoPath;
    run = tracerRun(program, args.program ?? args.runFromCairoPie!, traceFile, memoryFile, roots, () => findCairoLang({ cairoPath: args.cairoPath })?.root);
  } catch (e) {
    cleanup();
    io.err(`Error: the tracer cannot read the run: ${(e as Error).message}\n`);
    return 1;
  }
  const server = await listen((req, res) => serve(run, req, res, server));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  let text = `Running tracer on ${url}\n\n`;
  if (args.program !== undefined) {
    text += `To debug this run in VS Code (post-mortem), start Cairn with this launch configuration:\n${JSON.stringify(postMortemConfiguration(resolve(args.program), resolve(traceFile), resolve(memoryFile)))}\n`;
    if (temp !== undefined) text += 'The trace and memory files are temporary: they are removed when the tracer stops (give --trace_file and --memory_file to keep them).\n';
  }
  text += `Press Ctrl-C to stop (the tracer also stops after ${Math.round((opts.idleMs ?? IDLE_MS) / 60_000)} minutes without a request).\n`;

  return new Promise<number>((done) => {
    let timer: NodeJS.Timeout;
    const stop = () => {
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close();
      server.closeAllConnections();
      cleanup();
      done(code);
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(stop, opts.idleMs ?? IDLE_MS);
    };
    server.on('request', idle);
    idle();
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Told only once Ctrl-C is handled.
    io.out(text);
  });
}

/** The first free port from 8100 up, on the loopback address only. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  for (let port = FIRST_PORT; ; port++) {
    const server = createServer(handler);
    const ok = await new Promise<boolean>((res, rej) => {
      server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' && port < LAST_PORT ? res(false) : rej(e)));
      server.listen(port === LAST_PORT ? 0 : port, '127.0.0.1', () => res(true));
    });
    if (ok) return server;
  }
}

function serve(run: TracerRun, req: IncomingMessage, res: ServerResponse, server: Server): void {
  const send = (status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const json = (v: unknown) => send(200, 'application/json', JSON.stringify(v));
  const port = (server.address() as { port: number }).port;
  // Only pages opened as this local address (a page of another site renamed to it gets nothing).
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return send(403, 'text/plain', 'Forbidden\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'Method not allowed\n');
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const num = (name: string) => Number(url.searchParams.get(name) ?? 0);
  switch (url.pathname) {
    case '/':
      return send(200, 'text/html; charset=utf-8', TRACER_PAGE);
    case '/run':
      return json(run.summary());
    case '/steps':
      return json(run.steps(num('from'), num('count')));
    case '/memory':
      return json(run.memory(num('from'), num('count')));
    case '/source': {
      const text = run.source(num('file'));
      return text === undefined ? send(404, 'text/plain', 'No such source file\n') : json({ text });
    }
  }
  send(404, 'text/plain', 'Not found\n');
}
