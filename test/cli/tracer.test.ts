// `cairn run --tracer` as a user runs it: the CLI as its own process prints the run's output,
// then serves the run on 127.0.0.1 (the page, and the steps, memory and sources it reads, which
// must be the trace and memory files' own, in bounded slices) and prints the launch
// configuration that opens the same files in the post-mortem debugger (checked over the real
// protocol). Ctrl-C stops it with the run's exit code and removes the temporary files; a run
// that fails before writing its trace serves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/corpus';
import { startClient, launchTo } from '../adapter/helpers';
import { tracerCommand } from '../../src/cli/tracer';
import { parseRunArgs } from '../../src/cli/args';

const CLI = join(ROOT, 'dist', 'cli.js');
const FIB = join(ROOT, 'examples/build/fib.json');
const SRC = join(ROOT, 'examples/src');

/** Starts `cairn run ... --tracer`; resolves with the process and its stdout once the page is served. */
function startTracer(args: string[]): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [CLI, 'run', ...args, '--tracer'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no tracer URL after 60 s: ${out}${err}`)), 60_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Running tracer on (http:\/\/127\.0\.0\.1:\d+\/)\n[\s\S]*Press Ctrl-C/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], out: () => out });
      }
    });
    child.on('exit', () => reject(new Error(`exited before serving: ${out}${err}`)));
  });
}

function get(url: string, opts: { host?: string; method?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.host ? { host: opts.host } : {} }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test('--tracer serves the run it wrote, and Ctrl-C stops it', { timeout: 120_000 }, async () => {
  const { child, url, out } = await startTracer(['--program', FIB, '--layout', 'small', '--print_output', '--cairo_path', SRC]);
  const ended = exited(child);
  try {
    assert.match(out(), /^Program output:\n {2}6765\n\nRunning tracer on http:\/\/127\.0\.0\.1:\d+\/\n/);
    const config = JSON.parse(/launch configuration:\n(.*)\n/.exec(out())![1]);
    assert.deepEqual([config.type, config.request, config.program], ['cairn', 'launch', FIB]);
    const trace = readFileSync(config.traceFile);
    const memory = readFileSync(config.memoryFile);

    const page = await get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>Cairn tracer<\/title>/);
    const run = JSON.parse((await get(`${url}run`)).body);
    assert.equal(run.steps, trace.length / 24);
    assert.equal(run.cells, memory.length / 40);
    const fibFile = run.files.indexOf('fib.cairo');
    assert.ok(fibFile >= 0, run.files);

    // Steps are the trace file's (ap, fp, pc), placed in the source.
    const steps = JSON.parse((await get(`${url}steps?from=5&count=3`)).body);
    assert.equal(steps.length, 3);
    for (const [i, s] of steps.entries()) {
      const at = 24 * (5 + i);
      assert.deepEqual([s.step, s.ap, s.fp, s.pc], [5 + i, Number(trace.readBigUInt64LE(at)), Number(trace.readBigUInt64LE(at + 8)), Number(trace.readBigUInt64LE(at + 16))]);
    }
    const first = JSON.parse((await get(`${url}steps?from=0&count=1`)).body)[0];
    assert.deepEqual(first.at.slice(0, 2), [fibFile, 14]); // let result = fib(0, 1, 20);
    assert.match(JSON.parse((await get(`${url}source?file=${fibFile}`)).body).text, /func fib\(a: felt, b: felt, n: felt\)/);

    // Memory cells are the memory file's, by address.
    const addr = Number(memory.readBigUInt64LE(0));
    const cells = JSON.parse((await get(`${url}memory?from=${addr}&count=1`)).body);
    assert.equal(cells[0], String(memory.readBigUInt64LE(8)));

    // Bounded answers, local names only, reads only.
    assert.ok(JSON.parse((await get(`${url}steps?from=0&count=99999999`)).body).length <= 2000);
    assert.equal(JSON.parse((await get(`${url}memory?from=0&count=99999999`)).body).length, 2000);
    assert.equal((await get(`${url}steps?from=x`)).status, 200);
    assert.equal((await get(`${url}run`, { host: 'attacker.example:80' })).status, 403);
    assert.equal((await get(`${url}run`, { method: 'POST' })).status, 405);
    assert.equal((await get(`${url}nothing`)).status, 404);
    assert.equal((await get(`${url}source?file=999`)).status, 404);

    // The printed configuration opens the same files in the post-mortem debugger.
    const dc = await startClient();
    try {
      const stop = await launchTo(dc, { ...config, sourceRoot: SRC });
      assert.equal(stop.body.reason, 'entry');
      const frames = (await dc.stackTraceRequest({ threadId: 1 })).body.stackFrames;
      assert.equal(frames[0].line, 14);
    } finally {
      await dc.stop();
    }

    child.kill('SIGINT');
    assert.equal(await ended, 0);
    assert.equal(existsSync(config.traceFile), false, 'the temporary trace file is removed');
  } finally {
    child.kill('SIGKILL');
  }
});

test('--tracer keeps the trace and memory files it was given; a failed run serves nothing', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-tracer-test-'));
  const trace = join(dir, 't.bin');
  const { child, out } = await startTracer(['--program', FIB, '--layout', 'small', '--trace_file', trace, '--memory_file', join(dir, 'm.bin')]);
  const ended = exited(child);
  assert.doesNotMatch(out(), /temporary/);
  child.kill('SIGTERM');
  assert.equal(await ended, 0);
  assert.ok(readFileSync(trace).length > 0);

  const failed = spawnSync(process.execPath, [CLI, 'run', '--program', join(ROOT, 'examples/build/assert_fail.json'), '--layout', 'small', '--tracer'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(failed.status, 1, failed.stderr);
  assert.doesNotMatch(failed.stdout, /Running tracer/);
  assert.match(failed.stderr, /Error at pc=/);
});

test('the tracer stops by itself when nobody asks for a while', { timeout: 60_000 }, async () => {
  let out = '';
  const t0 = Date.now();
  const code = await tracerCommand(parseRunArgs(['--program', FIB, '--layout', 'small']), { out: (t) => (out += t), err: (t) => (out += t) }, { idleMs: 300 });
  assert.equal(code, 0);
  assert.match(out, /Running tracer on/);
  assert.ok(Date.now() - t0 < 30_000);
  const file = JSON.parse(/launch configuration:\n(.*)\n/.exec(out)![1]).traceFile;
  assert.equal(existsSync(file), false);

  // A PIE's run is served too (its program has no debug info, and no launch configuration opens it).
  const pie = join(mkdtempSync(join(tmpdir(), 'cairn-tracer-pie-')), 'fib.zip');
  spawnSync(process.execPath, [CLI, 'run', '--program', FIB, '--layout', 'small', '--cairo_pie_output', pie]);
  out = '';
  assert.equal(await tracerCommand(parseRunArgs(['--run_from_cairo_pie', pie, '--layout', 'small']), { out: (t) => (out += t), err: (t) => (out += t) }, { idleMs: 300 }), 0);
  assert.match(out, /^Running tracer on http:\/\/127\.0\.0\.1:\d+\/\n/);
  assert.doesNotMatch(out, /launch configuration/);
});
