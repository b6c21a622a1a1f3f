// Far breakpoint through the real protocol: runs long_loop (6M steps) in dist/adapter.js to a
// breakpoint on main's `serialize_word(r)` line, reached only after spin returns, and prints the
// seconds from configurationDone to the stop. Compare with the plain CLI run it also times.
// Usage: node bench/adapter-far-breakpoint.mjs   (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DebugClient } = require('@vscode/debugadapter-testsupport');
const root = new URL('..', import.meta.url).pathname;
const program = join(root, 'examples', 'build', 'long_loop.json');
const src = join(root, 'examples', 'src');
const layout = 'starknet_with_keccak';

function cli() {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'run', '--program', program, '--layout', layout], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function adapter() {
  const dc = new DebugClient(process.execPath, join(root, 'dist', 'adapter.js'), 'cairn');
  dc.defaultTimeout = 120_000;
  await dc.start();
  const t0 = process.hrtime.bigint();
  let tConfigured = 0n;
  const stopped = dc.waitForEvent('stopped', 120_000);
  await Promise.all([
    dc.waitForEvent('initialized')
      .then(() => dc.setBreakpointsRequest({ source: { path: join(src, 'long_loop.cairo') }, breakpoints: [{ line: 15 }] }))
      .then(() => {
        tConfigured = process.hrtime.bigint();
        return dc.configurationDoneRequest();
      }),
    dc.launch({ program, sourceRoot: src, layout }),
  ]);
  const ev = await stopped;
  const tStop = process.hrtime.bigint();
  const st = await dc.stackTraceRequest({ threadId: 1 });
  const f = st.body.stackFrames[0];
  if (ev.body.reason !== 'breakpoint' || f.line !== 15) throw new Error(`stopped at ${f.source?.name}:${f.line} (${ev.body.reason})`);
  await dc.stop();
  return { run: Number(tStop - tConfigured) / 1e9, total: Number(tStop - t0) / 1e9 };
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const cliTimes = [];
const adapterTimes = [];
for (let i = 0; i < runs; i++) {
  cliTimes.push(cli());
  adapterTimes.push(await adapter());
}
const best = (xs) => Math.min(...xs);
const c = best(cliTimes);
const a = best(adapterTimes.map((x) => x.run));
const t = best(adapterTimes.map((x) => x.total));
console.log(`long_loop to a breakpoint after 6M steps, best of ${runs}:`);
console.log(`  cairn run (CLI process, whole run):           ${c.toFixed(2)} s`);
console.log(`  adapter, configurationDone -> stopped event:  ${a.toFixed(2)} s  (${(a / c).toFixed(2)}x the CLI)`);
console.log(`  adapter, launch -> stopped event:             ${t.toFixed(2)} s  (${(t / c).toFixed(2)}x the CLI)`);
