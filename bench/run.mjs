// `npm run bench`: Cairn's VM side by side with the Rust VM (lambdaclass cairo-vm, the published
// crate, through the harness in bench/rust-vm/) and, on small programs, cairo-run (the Python
// reference), on the same programs and layout. Absolute times move from machine to machine, so
// what counts is the ratio Cairn / Rust VM, measured row by row with the two interleaved.
// Prints a table and writes bench/results.md.
//
// Per row (program x mode): one process of each VM doing a warm-up and BENCH_RUNS timed runs
// (in-process: the median run, process start and program loading excluded), then BENCH_WHOLE
// rounds of one fresh process of each doing a single run (whole process: the best wall time;
// the peak memory comes from these too). Env: BENCH_RUNS (3), BENCH_WHOLE (3), BENCH_ONLY (a
// regular expression on program names), BENCH_NO_RUST=1, CAIRN_REFERENCE_BIN (cairo-run's
// folder, as for the tests), CARGO_TARGET_DIR (where the Rust harness
// is built, as cargo reads it; default bench/tmp/rust-vm-target: the build is long, so a shared
// target directory outside the checkout lets several checkouts reuse one build).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadavg } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, '..', 'shared', 'corpus');
const tmp = join(root, 'bench', 'tmp');
mkdirSync(join(tmp, 'programs'), { recursive: true });
const worker = join(tmp, 'bench.js');
await build({ entryPoints: [join(root, 'bench', 'bench.ts')], outfile: worker, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });

// ---- the Rust VM harness: built when cargo is present ----------------------------------------
function buildRust() {
  if (process.env.BENCH_NO_RUST === '1') return { why: 'BENCH_NO_RUST=1' };
  if (spawnSync('cargo', ['--version'], { encoding: 'utf8' }).status !== 0) return { why: 'cargo not found: the Rust VM columns are skipped (install Rust to get them)' };
  console.log('building the Rust VM harness (bench/rust-vm, cargo build --release) ...');
  const target = process.env.CARGO_TARGET_DIR || join(tmp, 'rust-vm-target');
  const r = spawnSync('cargo', ['build', '--release', '--locked', '--quiet', '--target-dir', target], { cwd: join(root, 'bench', 'rust-vm'), stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) return { why: 'the Rust VM harness did not build (see cargo above): its columns are skipped' };
  return { bin: join(target, 'release', 'cairn-bench-rust-vm') };
}
const rust = buildRust();
if (rust.why) console.log(rust.why);

// The reference install: CAIRN_REFERENCE_BIN as the tests read it, else the checkout's own.
const cairoRunBin = join(process.env.CAIRN_REFERENCE_BIN || join(root, '.reference', 'cairo-lang-0.14.0.1', 'bin'), 'cairo-run');
const haveCairoRun = existsSync(cairoRunBin);
if (!haveCairoRun) console.log('cairo-run not installed (scripts/reference.sh): its column is skipped');

// ---- programs ---------------------------------------------------------------------------------
/** A plain JSON path for a program (the Rust harness reads no gzip): gunzipped once into bench/tmp. */
function plainJson(name, path) {
  if (!path.endsWith('.gz')) return path;
  const out = join(tmp, 'programs', `${name.replace(/\W/g, '_')}.json`);
  if (!existsSync(out)) writeFileSync(out, gunzipSync(readFileSync(path)));
  return out;
}
const programs = [{ name: 'examples/long_loop', path: join(root, 'examples', 'build', 'long_loop.json'), layout: 'starknet_with_keccak', modes: ['plain', 'trace', 'files'] }];
// Small programs, where cairo-run finishes in seconds: for scale.
const small = [{ name: 'examples/fib', path: join(root, 'examples', 'build', 'fib.json'), layout: 'starknet_with_keccak', modes: ['plain'], cairoRun: true }];
if (existsSync(join(corpus, 'index.json'))) {
  const index = JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8'));
  for (const r of index) {
    const p = { name: r.name, path: plainJson(r.name, join(corpus, 'cairo0', r.name, r.program_file)), layout: r.layout };
    if (r.kind === 'benchmark') programs.push({ ...p, modes: ['plain', 'trace'] });
    if (['secp_ec', 'uint256', 'blake2s_integration_tests'].includes(r.name)) small.push({ ...p, modes: ['plain'], cairoRun: true });
  }
} else console.log(`no corpus at ${corpus}: only the examples are measured`);
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
const all = [...programs, ...small].filter((p) => !only || only.test(p.name));

// ---- measuring --------------------------------------------------------------------------------
const runs = Number(process.env.BENCH_RUNS ?? 3);
const whole = Number(process.env.BENCH_WHOLE ?? 3);

function lastJson(r) {
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { ok: false, why: ((r.stderr || r.stdout || 'no result').trim().split('\n').pop() ?? '').slice(0, 100) };
  }
}
function timed(cmd, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 900_000, maxBuffer: 1 << 26 });
  return { r, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
const cairnCmd = (p, mode, n) => [process.execPath, ['--max-old-space-size=8192', worker, p.path, p.layout, mode, String(n)]];
const rustCmd = (p, mode, n) => [rust.bin, [p.path, p.layout, mode, String(n)]];

function measure(p, mode) {
  const row = { program: p.name, mode, load: loadavg()[0] };
  // In-process, interleaved: Cairn then the Rust VM.
  row.cairn = lastJson(timed(...cairnCmd(p, mode, runs)).r);
  if (rust.bin) row.rust = lastJson(timed(...rustCmd(p, mode, runs)).r);
  // Whole process, single runs, alternating.
  const cw = [];
  const rw = [];
  for (let i = 0; i < whole && row.cairn.ok; i++) {
    const c = timed(...cairnCmd(p, mode, 0));
    const one = lastJson(c.r);
    if (one.ok) {
      cw.push(c.seconds);
      row.cairn.peakBytes = one.peakBytes;
      row.cairn.baselineBytes = one.baselineBytes;
    }
    if (rust.bin && row.rust.ok) {
      const rr = timed(...rustCmd(p, mode, 0));
      const ro = lastJson(rr.r);
      if (ro.ok) {
        rw.push(rr.seconds);
        row.rust.peakBytes = ro.peakBytes;
      }
    }
  }
  row.cairnWhole = cw.length ? Math.min(...cw) : undefined;
  row.rustWhole = rw.length ? Math.min(...rw) : undefined;
  if (p.cairoRun && haveCairoRun && mode === 'plain') {
    const c = timed(cairoRunBin, ['--program', p.path, '--layout', p.layout]);
    if (c.r.status === 0) row.cairoRunWhole = c.seconds;
  }
  return row;
}

const f3 = (x) => (x === undefined ? '' : x.toFixed(3));
const f2 = (x) => (x === undefined ? '' : x.toFixed(2));
const mib = (b) => (b === undefined ? '' : (b / 2 ** 20).toFixed(0));
// No ratio against a zero (the Rust harness reads CPU time in 10 ms ticks: tiny programs read 0).
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? '' : (a / b).toFixed(2));

const rows = [];
for (const p of all) {
  for (const mode of p.modes) {
    const row = measure(p, mode);
    rows.push(row);
    const c = row.cairn;
    const r = row.rust ?? {};
    if (!c.ok) {
      console.log(`${p.name.padEnd(44)} ${mode.padEnd(6)} Cairn failed: ${c.why}`);
      continue;
    }
    const steps = c.ok && r.ok && r.steps !== c.steps ? ` (Rust VM: ${r.steps} steps)` : '';
    console.log(`${p.name.padEnd(44)} ${mode.padEnd(6)} ${String(c.steps).padStart(9)} steps  Cairn ${f3(c.seconds)} s  Rust ${r.ok ? f3(r.seconds) : '-'} s  ratio ${r.ok ? ratio(c.seconds, r.seconds) : '-'} (CPU ${r.ok ? ratio(c.cpuSeconds, r.cpuSeconds) : '-'}, whole process ${ratio(row.cairnWhole, row.rustWhole) || '-'})${row.cairoRunWhole ? `  cairo-run ${f2(row.cairoRunWhole)} s` : ''}${steps}${r.ok === false ? `  Rust VM failed: ${r.why}` : ''}`);
  }
}

// The debug adapter to a breakpoint at the last step of long_loop, when the adapter bench exists.
let adapterLines = [];
const adapterBench = join(root, 'bench', 'adapter-far-breakpoint.mjs');
if (existsSync(adapterBench) && (!only || only.test('examples/long_loop'))) {
  const r = spawnSync(process.execPath, [adapterBench], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  adapterLines = (r.stdout || r.stderr).trim().split('\n');
  console.log(adapterLines.join('\n'));
}

// ---- bench/results.md -------------------------------------------------------------------------
const header = '| program | mode | steps | Cairn s | Rust VM s | **ratio** | Cairn CPU s | Rust VM CPU s | ratio CPU | Cairn whole s | Rust VM whole s | **ratio whole** | cairo-run whole s | Cairn M steps/s | Cairn M steps/CPU s | Cairn peak MiB | Cairn B/step | Rust VM peak MiB | note |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n';
const body = rows.map((row) => {
  const c = row.cairn;
  const r = row.rust ?? {};
  if (!c.ok) return `| ${row.program} | ${row.mode} | | | | | | | | | | | | | | | | | | Cairn failed: ${c.why.replace(/\|/g, '/')} |`;
  const notes = [];
  if (row.mode === 'files') {
    notes.push(`relocation + files: Cairn ${(100 * c.relocateSeconds / (c.seconds + c.relocateSeconds)).toFixed(0)}% of the run`);
    if (r.ok) notes.push(`Rust VM ${(100 * r.relocateSeconds / (r.seconds + r.relocateSeconds)).toFixed(0)}%`);
  }
  if (r.ok && r.steps !== c.steps) notes.push(`Rust VM: ${r.steps} steps`);
  if (r.ok === false) notes.push(`Rust VM failed: ${r.why.replace(/\|/g, '/')}`);
  if (row.load > 3) notes.push(`load ${row.load.toFixed(1)}`);
  const cSec = c.seconds + (row.mode === 'files' ? c.relocateSeconds : 0);
  const rSec = r.ok ? r.seconds + (row.mode === 'files' ? r.relocateSeconds : 0) : undefined;
  const perStep = c.peakBytes !== undefined ? ((c.peakBytes - c.baselineBytes) / c.steps).toFixed(0) : '';
  return `| ${row.program} | ${row.mode} | ${c.steps} | ${f3(cSec)} | ${f3(rSec)} | **${ratio(cSec, rSec)}** | ${row.mode === 'files' ? '' : f2(c.cpuSeconds)} | ${row.mode === 'files' || !r.ok ? '' : f2(r.cpuSeconds)} | ${row.mode === 'files' || !r.ok ? '' : ratio(c.cpuSeconds, r.cpuSeconds)} | ${f3(row.cairnWhole)} | ${f3(row.rustWhole)} | **${ratio(row.cairnWhole, row.rustWhole)}** | ${f2(row.cairoRunWhole)} | ${f2(c.steps / c.seconds / 1e6)} | ${row.mode === 'files' || !c.cpuSeconds ? '' : f2(c.steps / c.cpuSeconds / 1e6)} | ${mib(c.peakBytes)} | ${perStep} | ${r.ok ? mib(r.peakBytes) : ''} | ${notes.join('; ')} |`;
}).join('\n');
const md = `# Benchmark results

\`npm run bench\` on ${process.platform}/${process.arch}, Node ${process.version}${rust.bin ? ', Rust VM: cairo-vm 3.2.0 (bench/rust-vm)' : ` (${rust.why})`}; load average at the start ${loadavg()[0].toFixed(1)}.
Ratio = Cairn time / Rust VM time, same program, layout and mode, measured interleaved in one run (below 1: Cairn faster).
In-process: median of ${runs} timed runs after a warm-up, one process per VM and row, program loading excluded; ratio CPU is the same ratio on CPU time (user + system, all threads: Node's GC helpers count), steadier than wall time when the machine is shared (the Rust harness reads it in 10 ms ticks; M steps/CPU s likewise from Cairn's CPU time).
Whole process: best of ${whole} fresh processes per VM each doing one run (start, load, run, exit); peak memory from those (B/step = (peak RSS - RSS after loading) / steps).
Modes: plain (no trace), trace (trace recorded), files (trace, then relocation and the trace and memory file bytes; the times include them).
cairo-run: the Python reference, one plain run, for scale.

${header}${body}
${adapterLines.length ? `\nDebug adapter (bench/adapter-far-breakpoint.mjs):\n\n${adapterLines.map((l) => `    ${l}`).join('\n')}\n` : ''}`;
if (!only) {
  writeFileSync(join(root, 'bench', 'results.md'), md);
  await import('./bridge.mjs'); // the Python hint bridge's rows (appended to results.md)
  await (await import('./profile-view.mjs')).profileViewRows({ append: true }); // the profile view's
} else {
  writeFileSync(join(tmp, 'results-partial.md'), md);
  console.log(`BENCH_ONLY set: table written to ${join('bench', 'tmp', basename('results-partial.md'))}, not bench/results.md`);
}
