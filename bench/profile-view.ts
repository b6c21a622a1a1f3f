// The profile view's cost on one large program, in one process (bench/profile-view.mjs runs it):
// a plain run, a profiled run (the collector on the VM's block hooks) and a profiled run a step at
// a time (block compiler off, as before the VM reported blocks to hooks), interleaved, best of N;
// then what happens between the end of the profiled run and the page: the memory holes, the
// flame tree and table, the JSON the CLI writes and the extension parses, the page's HTML, the
// per-line counts of the editor. Prints one JSON line; writes the page for the render step.
import { writeFileSync } from 'node:fs';
import { launch } from '../src/runner/launch';
import { loadProgramFile } from '../src/runner/load-program';
import { attachProfiler } from '../src/debug/profile/attach';
import { flameData } from '../src/debug/profile/flame';
import { flameHtml } from '../src/debug/profile/html';
import { stepsByFile } from '../src/extension/profileRun';

const [programPath, layout, runsText, pageOut] = process.argv.slice(2);
const runs = Number(runsText ?? 3);
const program = loadProgramFile(programPath);
const now = () => Number(process.hrtime.bigint()) / 1e9;

const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;

/** A plain run: [wall, CPU] seconds. */
function plain(): [number, number] {
  const run = launch({ program, layout });
  const c0 = process.cpuUsage();
  const t0 = now();
  run.runner.runToEnd();
  run.runner.endRun(false);
  return [now() - t0, cpu(process.cpuUsage(c0))];
}

/** A profiled run; stepwise: with the block compiler off, the collector called at every step (as
 *  profiling ran before the VM reported compiled blocks to hooks). */
function profiled(stepwise = false) {
  const run = launch({ program, layout });
  if (stepwise) run.runner.vm.compileBlocks = false;
  const profiler = attachProfiler(run.runner);
  const c0 = process.cpuUsage();
  const t0 = now();
  run.runner.runToEnd();
  run.runner.endRun(false);
  const t1 = now();
  const runCpu = cpu(process.cpuUsage(c0));
  const profile = profiler.result(); // counts the memory holes
  const t2 = now();
  const data = flameData(program, profile);
  const t3 = now();
  const json = JSON.stringify(data); // the CLI's --json ...
  const parsed = JSON.parse(json); // ... read by the extension
  const t4 = now();
  const html = flameHtml(parsed, { title: 'Cairn profile', nonce: 'bench', cspSource: 'bench' });
  stepsByFile(parsed, { program: programPath });
  const t5 = now();
  return { run: t1 - t0, runCpu, holes: t2 - t1, tree: t3 - t2, json: t4 - t3, page: t5 - t4, after: t5 - t1, steps: profile.totalSteps, nodes: profile.nodes.length, jsonBytes: json.length, htmlBytes: html.length, holeCount: data.root.total.holes ?? 0, data };
}

plain(); // warm-up (compiles the blocks' code paths once)
const plains: [number, number][] = [];
const profs: ReturnType<typeof profiled>[] = [];
const stepwise: number[] = [];
const stepwiseCpu: number[] = [];
for (let i = 0; i < runs; i++) {
  plains.push(plain());
  profs.push(profiled());
  const s = profiled(true);
  stepwise.push(s.run);
  stepwiseCpu.push(s.runCpu);
}
// the run times are the best of each; the end of run -> page breakdown is that of the quickest page
const best = profs.reduce((a, b) => (b.after < a.after ? b : a));
writeFileSync(pageOut, flameHtml(best.data, { title: 'Cairn profile' }));
const { data: _data, ...rest } = best;
console.log(JSON.stringify({
  ok: true, ...rest,
  plain: Math.min(...plains.map((p) => p[0])), plainCpu: Math.min(...plains.map((p) => p[1])),
  run: Math.min(...profs.map((p) => p.run)), runCpu: Math.min(...profs.map((p) => p.runCpu)),
  stepwise: Math.min(...stepwise), stepwiseCpu: Math.min(...stepwiseCpu),
}));
