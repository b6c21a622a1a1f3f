// `npm run bench`: speed and memory of Cairn's VM. Prints a table and writes bench/results.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const corpus = join(root, '..', 'shared', 'corpus');
mkdirSync(join(root, 'bench', 'tmp'), { recursive: true });
const worker = join(root, 'bench', 'tmp', 'bench.js');
await build({ entryPoints: [join(root, 'bench', 'bench.ts')], outfile: worker, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });

const programs = [{ name: 'examples/long_loop', path: join(root, 'examples', 'build', 'long_loop.json'), layout: 'starknet_with_keccak' }];
if (existsSync(join(corpus, 'index.json'))) {
  for (const r of JSON.parse(readFileSync(join(corpus, 'index.json'), 'utf8'))) {
    if (r.kind === 'benchmark') programs.push({ name: r.name, path: join(corpus, 'cairo0', r.name, r.program_file), layout: r.layout });
  }
}
const runs = Number(process.env.BENCH_RUNS ?? 3);
const rows = [];
const mb = (b) => (b / 2 ** 20).toFixed(0);
for (const p of programs) {
  for (const mode of ['plain', 'trace', 'files']) {
    if (mode === 'files' && p.name !== 'examples/long_loop') continue;
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', worker, p.path, p.layout, mode, String(runs)], { encoding: 'utf8', timeout: 600_000 });
    let res;
    try {
      res = JSON.parse(r.stdout.trim().split('\n').pop());
    } catch {
      res = { ok: false, why: (r.stderr || 'no result').trim().split('\n').pop().slice(0, 100) };
    }
    if (res.ok) {
      // Peak memory of a single run in a fresh process (the timed process holds several runs).
      const m = spawnSync(process.execPath, [worker, p.path, p.layout, mode, '0'], { encoding: 'utf8', timeout: 600_000 });
      try {
        const one = JSON.parse(m.stdout.trim().split('\n').pop());
        res.peakBytes = one.peakBytes;
        res.baselineBytes = one.baselineBytes;
      } catch {
        /* keep the timed process's figure */
      }
    }
    const row = { program: p.name, mode, ...res };
    rows.push(row);
    if (res.ok) {
      const perStep = (res.peakBytes - res.baselineBytes) / res.steps;
      console.log(`${p.name.padEnd(34)} ${mode.padEnd(6)} ${String(res.steps).padStart(9)} steps  ${res.seconds.toFixed(3)} s  ${(res.steps / res.seconds / 1e6).toFixed(2)} M steps/s  peak ${mb(res.peakBytes)} MiB (${perStep.toFixed(0)} B/step)${mode === 'files' ? `  relocate+files ${(100 * res.relocateSeconds / res.seconds).toFixed(0)}% of run` : ''}`);
    } else {
      console.log(`${p.name.padEnd(34)} ${mode.padEnd(6)} skipped: ${res.why}`);
    }
  }
}

// The debug adapter to a breakpoint at the last step of long_loop, when the adapter bench exists.
let adapterLine = '';
const adapterBench = join(root, 'bench', 'adapter-far-breakpoint.mjs');
if (existsSync(adapterBench)) {
  const r = spawnSync(process.execPath, [adapterBench], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  adapterLine = (r.stdout || r.stderr).trim().split('\n').pop() ?? '';
  console.log(`debug adapter, long_loop to its last step: ${adapterLine}`);
}

const header = '| program | mode | steps | median s | M steps/s | peak MiB (1 run) | bytes/step | note |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n';
const body = rows.map((r) => r.ok
  ? `| ${r.program} | ${r.mode} | ${r.steps} | ${r.seconds.toFixed(3)} | ${(r.steps / r.seconds / 1e6).toFixed(2)} | ${mb(r.peakBytes)} | ${((r.peakBytes - r.baselineBytes) / r.steps).toFixed(0)} | ${r.mode === 'files' ? `relocation + files: ${(100 * r.relocateSeconds / r.seconds).toFixed(0)}% of the run` : ''} |`
  : `| ${r.program} | ${r.mode} | | | | | | skipped: ${r.why.replace(/\|/g, '/')} |`).join('\n');
const md = `# Benchmark results\n\nNode ${process.version}, ${runs} timed runs after a warm-up per row (median), one process per row; peak memory from one more process doing a single run (bytes/step = (peak RSS - RSS after loading the program) / steps).\nModes: plain (no trace), trace (trace recorded), files (trace + relocation + trace/memory file bytes).\n\n${header}${body}\n${adapterLine ? `\nDebug adapter, long_loop run to a breakpoint at its last step: ${adapterLine}\n` : ''}`;
writeFileSync(join(root, 'bench', 'results.md'), md);
await import('./bridge.mjs'); // the Python hint bridge's rows (appended to results.md)
