// Runs a reference tool (cairo-run, cairo-compile, ...) through warm-reference.py's fork server,
// so a call costs its run and not cairo-lang's import (about 1.3 s of CPU each, some 150 calls on
// a cold cache). The server is shared by every test process of a checkout and exits when idle.
// CAIRN_REFERENCE_WARM=0, or a server that cannot be reached, runs the tool as a process instead.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './shared';

const SERVER = join(ROOT, 'test', 'support', 'warm-reference.py');
const NO_SERVER = 3; // the client's exit code when nothing listens
const START_WAIT_MS = 60_000;

export interface ToolRun {
  /** the exit code; null when a signal ended it */
  status: number | null;
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `bin/name args` in `cwd` with its stdout and stderr written to the two files; throws when
 * it outlives `timeoutMs` (as spawnSync's timeout would).
 */
export function runReferenceTool(bin: string, name: string, args: string[], o: { cwd?: string; timeoutMs: number; stdout: string; stderr: string }): ToolRun {
  const python = join(bin, 'python');
  if (process.env.CAIRN_REFERENCE_WARM !== '0' && process.platform !== 'win32') {
    // Short: a Unix socket path is limited to about 100 bytes.
    const socket = join(tmpdir(), `cairn-ref-${createHash('sha256').update(`${ROOT}\0${bin}`).digest('hex').slice(0, 12)}.sock`);
    const request = JSON.stringify({
      tool: join(bin, name), args, cwd: o.cwd ?? process.cwd(), env: process.env,
      stdout: o.stdout, stderr: o.stderr, timeout: Math.ceil(o.timeoutMs / 1000),
    });
    const deadline = Date.now() + START_WAIT_MS;
    let started = false;
    for (;;) {
      const r = spawnSync(python, ['-S', SERVER, 'call', socket], { input: request, encoding: 'utf8', timeout: o.timeoutMs + 30_000 });
      if (r.status === 0) {
        const answer = JSON.parse(r.stdout) as { code: number | null; killed?: boolean };
        if (answer.killed) throw new Error(`${name} ${args.join(' ')}: ended without an exit code (timeout ${o.timeoutMs} ms or a signal)`);
        return { status: answer.code };
      }
      if (r.status !== NO_SERVER || Date.now() > deadline) break;
      if (!started) {
        spawn(python, [SERVER, 'serve', socket], { detached: true, stdio: 'ignore' }).unref();
        started = true;
      }
      pause(150);
    }
  }
  const r = spawnSync(join(bin, name), args, { cwd: o.cwd, encoding: 'utf8', timeout: o.timeoutMs, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  writeFileSync(o.stdout, r.stdout);
  writeFileSync(o.stderr, r.stderr);
  return { status: r.status };
}
