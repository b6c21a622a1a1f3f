// The profile view's row of `npm run bench` (appended to bench/results.md by run.mjs; run alone,
// `node bench/profile-view.mjs` only prints): on long_loop (6M steps, a million-deep recursion)
// and a corpus benchmark, the profiled run against a plain one (and against profiling a step at
// a time with the block compiler off, as before), and the time from the end of the
// profiled run to the page: in the process (holes, tree, JSON both ways, HTML), then the page's
// own script in headless chromium (parse the data, draw the flame graph and the table, layout),
// read from performance.now() at the end of the page. Env: BENCH_RUNS (3), CHROMIUM.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, 'bench', 'tmp');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

/** ms from navigation start to the end of the page's scripts, in headless chromium (undefined without it). */
function renderMs(page) {
  if (!existsSync(chromium)) return undefined;
  const timed = join(tmp, 'profile-view-timed.html');
  writeFileSync(timed, readFileSync(page, 'utf8').replace('</body>', '<script>document.body.dataset.rendered=String(performance.now());document.body.dataset.frames=String(document.querySelectorAll(".fr").length)</script></body>'));
  const r = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1400,900', '--dump-dom', pathToFileURL(timed).href], { encoding: 'utf8', timeout: 120_000 });
  const ms = r.stdout.match(/data-rendered="([\d.]+)"/);
  const frames = r.stdout.match(/data-frames="(\d+)"/);
  return ms && frames && Number(frames[1]) > 0 ? { ms: Number(ms[1]), frames: Number(frames[1]) } : undefined;
}

export async function profileViewRows({ append }) {
  mkdirSync(join(tmp, 'programs'), { recursive: true });
  const worker = join(tmp, 'profile-view.js');
  await build({ entryPoints: [join(root, 'bench', 'profile-view.ts')], outfile: worker, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' });
  const programs = [{ name: 'examples/long_loop', path: join(root, 'examples', 'build', 'long_loop.json') }];
  const gz = join(root, '..', 'shared', 'corpus', 'cairo0', 'uint256_integration_benchmark', 'program.json.gz');
  const plainGz = join(tmp, 'programs', 'uint256_integration_benchmark.json');
  if (existsSync(gz)) {
    if (!existsSync(plainGz)) writeFileSync(plainGz, gunzipSync(readFileSync(gz)));
    programs.push({ name: 'uint256_integration_benchmark', path: plainGz });
  } else if (existsSync(join(root, '..', 'shared', 'corpus', 'cairo0', 'uint256_integration_benchmark', 'program.json'))) {
    programs.push({ name: 'uint256_integration_benchmark', path: join(root, '..', 'shared', 'corpus', 'cairo0', 'uint256_integration_benchmark', 'program.json') });
  }
  const rows = [];
  for (const p of programs) {
    const page = join(tmp, `profile-view-${p.name.replace(/\W/g, '_')}.html`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', worker, p.path, 'starknet_with_keccak', String(runs), page], { encoding: 'utf8', timeout: 900_000 });
    let res;
    try { res = JSON.parse(r.stdout.trim().split('\n').pop()); } catch { res = { ok: false, why: (r.stderr || 'no result').trim().split('\n').pop() }; }
    if (!res.ok) { console.log(`profile view, ${p.name}: failed (${res.why})`); continue; }
    const render = renderMs(page);
    rows.push({ name: p.name, ...res, render });
    const f = (s) => `${s.toFixed(3)} s`;
    console.log(`profile view, ${p.name} (${res.steps} steps, ${res.nodes} tree nodes): plain run ${f(res.plain)}, profiled run ${f(res.run)} (${(res.run / res.plain).toFixed(2)}x, CPU ${(res.runCpu / res.plainCpu).toFixed(2)}x), profiled a step at a time ${f(res.stepwise)} (CPU ${(res.stepwiseCpu / res.plainCpu).toFixed(2)}x); `
      + `end of run -> page built ${f(res.after)} (holes ${f(res.holes)}, tree ${f(res.tree)}, JSON ${f(res.json)}, HTML ${f(res.page)}; page ${(res.htmlBytes / 1024).toFixed(0)} KB)`
      + (render ? `, page drawn in chromium ${(render.ms / 1000).toFixed(3)} s after navigation (${render.frames} frames)` : ', chromium not found: render not measured'));
  }
  if (append && rows.length) {
    appendFileSync(join(root, 'bench', 'results.md'), `\n## Profile view (bench/profile-view.mjs)\n\nProfiled run: the collector on the VM's step hooks; end of run -> page: memory holes, flame tree and table, the JSON written by \`cairn profile --json\` and parsed by the extension, the page's HTML; drawn: the page's script in headless chromium, from navigation to the flame graph and table drawn (performance.now()). A step at a time: the block compiler off and the collector called at every step (profiling before the VM reported compiled blocks to hooks). Best of ${runs}.\n\n`
      + '| program | steps | plain run s | profiled run s | profiled / plain | same, CPU time | profiled a step at a time, CPU / plain | end of run -> page built s | page KB | page drawn s |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
      + rows.map((x) => `| ${x.name} | ${x.steps} | ${x.plain.toFixed(3)} | ${x.run.toFixed(3)} | ${(x.run / x.plain).toFixed(2)} | ${(x.runCpu / x.plainCpu).toFixed(2)} | ${(x.stepwiseCpu / x.plainCpu).toFixed(2)} | ${x.after.toFixed(3)} | ${(x.htmlBytes / 1024).toFixed(0)} | ${x.render ? (x.render.ms / 1000).toFixed(3) : ''} |`).join('\n') + '\n');
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await profileViewRows({ append: false });
