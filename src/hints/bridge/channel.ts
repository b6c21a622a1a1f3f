// A blocking request/response channel to a Python child over two FIFOs (4-byte little-endian
// length, then JSON). The VM step is synchronous and Node is single-threaded, so a hint's memory
// reads are answered with fs.readSync/writeSync while the step waits.
//
// Opening a FIFO for one direction blocks until the other side opens it, and a child that dies
// before opening would hang us; so both FIFOs are first opened read-write (never blocks on Linux
// and macOS) and handed to the child as fds 3 and 4, our one-way ends are opened next (they find
// the other side already there), and the read-write ones are closed. The child opens its own
// one-way ends and closes 3 and 4, so each side sees end-of-file when the other goes away.
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { openSync, closeSync, readSync, writeSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class ChannelClosed extends Error {}

export class FifoChannel {
  private readonly header = Buffer.alloc(4);
  private dir: string | undefined;
  private closed = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly wfd: number,
    private readonly rfd: number,
    dir: string,
  ) {
    this.dir = dir;
  }

  /** Starts `python script req resp` with the FIFOs between us. */
  static open(python: string, script: string, env?: NodeJS.ProcessEnv): FifoChannel {
    if (process.platform === 'win32') throw new ChannelClosed('the Python hint bridge needs named pipes (Linux or macOS).');
    const dir = mkdtempSync(join(tmpdir(), 'cairn-bridge-'));
    const req = join(dir, 'req');
    const resp = join(dir, 'resp');
    const mk = spawnSync('mkfifo', [req, resp], { encoding: 'utf8' });
    if (mk.status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new ChannelClosed(`mkfifo failed: ${mk.error?.message ?? mk.stderr}`);
    }
    const reqRw = openSync(req, 'r+');
    const respRw = openSync(resp, 'r+');
    let child: ChildProcess;
    try {
      // The child's stdout goes to our stderr: our stdout may be a protocol (cairn dap).
      child = spawn(python, [script, req, resp], { stdio: ['ignore', 2, 'inherit', reqRw, respRw], env: env ?? process.env });
    } catch (e) {
      closeSync(reqRw);
      closeSync(respRw);
      rmSync(dir, { recursive: true, force: true });
      throw new ChannelClosed(`cannot start ${python}: ${(e as Error).message}`);
    }
    child.on('error', () => {}); // reported as end-of-file on the channel
    child.unref();
    const wfd = openSync(req, 'w');
    const rfd = openSync(resp, 'r');
    closeSync(reqRw);
    closeSync(respRw);
    return new FifoChannel(child, wfd, rfd, dir);
  }

  /** The FIFOs' folder can go once the child has opened its ends (it has answered once). */
  private tidy(): void {
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  send(msg: unknown): void {
    if (this.closed) throw new ChannelClosed('the Python hint bridge has stopped.');
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    const frame = Buffer.allocUnsafe(4 + body.length);
    frame.writeUInt32LE(body.length, 0);
    body.copy(frame, 4);
    let at = 0;
    try {
      while (at < frame.length) at += writeSync(this.wfd, frame, at, frame.length - at);
    } catch (e) {
      this.close();
      throw new ChannelClosed(`the Python hint bridge stopped (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
  }

  recv(): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    this.readFully(this.header, 4);
    const n = this.header.readUInt32LE(0);
    const body = Buffer.allocUnsafe(n);
    this.readFully(body, n);
    this.tidy();
    return JSON.parse(body.toString('utf8'));
  }

  call(msg: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any
    this.send(msg);
    return this.recv();
  }

  private readFully(buf: Buffer, n: number): void {
    let at = 0;
    while (at < n) {
      let got: number;
      try {
        got = readSync(this.rfd, buf, at, n - at, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN' || (e as NodeJS.ErrnoException).code === 'EINTR') continue;
        throw e;
      }
      if (got === 0) {
        this.close();
        throw new ChannelClosed('the Python process of the hint bridge exited (its error, if any, is on stderr).');
      }
      at += got;
    }
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try { closeSync(this.wfd); } catch { /* already gone */ }
    try { closeSync(this.rfd); } catch { /* already gone */ }
    this.tidy();
  }
}
