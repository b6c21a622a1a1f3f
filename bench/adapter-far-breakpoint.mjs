// Far breakpoint through the real protocol: the debug adapter (dist/adapter.js, its own process)
// runs long_loop (6M steps) to a breakpoint on main's `serialize_word(r)` line, reached only after
// spin returns, and the plain run is `cairn run` of the same program (dist/cli.js). Both are
// measured the same way, as whole processes (start, load, run; the adapter's until it has stopped
// and exited), on CPU time (user + system of the exited child, which a shared machine's load
// barely moves); the runs alternate, and the medians and each pair's ratio are printed. Wall
// times, configurationDone -> stopped event against the CLI's whole run, are printed beside.
// Usage: node bench/adapter-far-breakpoint.mjs   (after `npm run build`; BENCH_ADAPTER_RUNS=N pairs,
// default 5, apart from npm run bench's BENCH_RUNS; BENCH_DIST=DIR: the build in DIR instead of
// dist/, to compare two builds)
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DebugClient } = require('@vscode/debugadapter-testsupport');
const root = new URL('..', import.meta.url).pathname;
const program = join(root, 'examples', 'build', 'long_loop.json');
const src = join(root, 'examples', 'src');
const layout = 'starknet_with_keccak';
const dist = process.env.BENCH_DIST || join(root, 'dist');

// CPU seconds of this process's exited (and reaped) children, from /proc (Linux); else undefined.
const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
function childrenCpu() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / tick; // cutime, cstime (fields 16 and 17)
  } catch {
    return undefined;
  }
}
const cpuSince = (c0) => (c0 === undefined ? undefined : childrenCpu() - c0);

function cli() {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(dist, 'cli.js'), 'run', '--program', program, '--layout', layout], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: cpuSince(c0) };
}

async function adapter() {
  const c0 = childrenCpu();
  const child = spawn(process.execPath, [join(dist, 'adapter.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((r) => child.on('exit', r));
  const dc = new DebugClient(process.execPath, '', 'cairn');
  dc.defaultTimeout = 120_000;
  dc.connect(child.stdout, child.stdin);
  let tConfigured = 0n;
  const stopped = dc.waitForEvent('stopped', 120_000);
  await Promise.all([
    dc.waitForEvent('initialized')
      .then(() => dc.setBreakpointsRequest({ source: { path: join(src, 'long_loop.cairo') }, breakpoints: [{ line: 15 }] }))
      .then(() => {
        tConfigured = process.hrtime.bigint();
        return dc.configurationDoneRequest();
      }),
    dc.initializeRequest().then(() => dc.launchRequest({ program, sourceRoot: src, layout })),
  ]);
  const ev = await stopped;
  const wall = Number(process.hrtime.bigint() - tConfigured) / 1e9;
  const st = await dc.stackTraceRequest({ threadId: 1 });
  const f = st.body.stackFrames[0];
  if (ev.body.reason !== 'breakpoint' || f.line !== 15) throw new Error(`stopped at ${f.source?.name}:${f.line} (${ev.body.reason})`);
  await dc.disconnectRequest({ terminateDebuggee: true });
  child.stdin.end();
  await exited;
  return { wall, cpu: cpuSince(c0) };
}

const runs = Number(process.env.BENCH_ADAPTER_RUNS ?? 5);
const cliRuns = [];
const adapterRuns = [];
for (let i = 0; i < runs; i++) {
  cliRuns.push(cli());
  adapterRuns.push(await adapter());
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f2 = (x) => x.toFixed(2);
const line = (label, a, c) => {
  const ratios = a.map((x, i) => x / c[i]);
  return `  ${label} ${f2(median(a))} s vs ${f2(median(c))} s: ${f2(median(ratios))}x (pairs ${ratios.map(f2).join(' ')})`;
};
console.log(`long_loop to a breakpoint at its last line (6M steps), the adapter against cairn run, median of ${runs} interleaved:`);
if (cliRuns[0].cpu !== undefined) console.log(line('CPU, whole process:                        ', adapterRuns.map((r) => r.cpu), cliRuns.map((r) => r.cpu)));
console.log(line('wall, configurationDone -> stopped vs run:', adapterRuns.map((r) => r.wall), cliRuns.map((r) => r.wall)));
