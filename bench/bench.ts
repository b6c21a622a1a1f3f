// One benchmark configuration in one process: a warm-up run, then N timed runs of the same
// program; prints one JSON line. bench/run.mjs starts one process per configuration so that
// each configuration's peak memory is its own.
import { loadProgramFile } from '../src/runner/load-program';
import { launch } from '../src/runner/launch';
import { writeTrace, writeMemory } from '../src/runner/relocate';
import { VmException } from '../src/vm/vm';
import { VmError } from '../src/vm/errors';

const [programPath, layout, mode, runsText] = process.argv.slice(2);
// runs = 0: one run and no warm-up, to read that run's peak memory on its own.
const runs = Number(runsText ?? 3);
const program = loadProgramFile(programPath);
const baseline = process.memoryUsage().rss;

// BENCH_INTERPRETER=1: the interpreter alone (no compiled blocks), to measure what they bring.
const interpreterOnly = process.env.BENCH_INTERPRETER === '1';

function once(): { steps: number; run: number; cpu: number; relocate: number } {
  const run = launch({ program, layout, trace: mode !== 'plain' });
  const runner = run.runner;
  if (interpreterOnly) runner.vm.compileBlocks = false;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  runner.runToEnd();
  const offsets = run.finish({ secureRun: false });
  const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0);
  let relocate = 0;
  if (mode === 'files') {
    // The file bytes as the CLI makes them, piece by piece (it writes each piece to the file).
    let bytes = 0;
    const sink = (piece: Uint8Array) => (bytes += piece.length);
    writeTrace(runner.vm.trace!, offsets, sink);
    writeMemory(runner.mem, offsets, sink);
    if (bytes === 0) throw new Error('empty files');
    relocate = Number(process.hrtime.bigint() - t1) / 1e9;
  }
  return { steps: runner.vm.currentStep, run: Number(t1 - t0) / 1e9, cpu: (c.user + c.system) / 1e6, relocate };
}

try {
  const results = runs === 0 ? [once()] : (once(), Array.from({ length: runs }, once)); // warm-up first
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(JSON.stringify({
    ok: true,
    steps: results[0].steps,
    seconds: median(results.map((r) => r.run)),
    cpuSeconds: median(results.map((r) => r.cpu)),
    relocateSeconds: median(results.map((r) => r.relocate)),
    peakBytes: process.resourceUsage().maxRSS * 1024,
    baselineBytes: baseline,
  }));
} catch (e) {
  const inner = e instanceof VmException ? e.inner : e;
  const why = inner instanceof VmError && inner.kind === 'UnknownHint' ? `missing hint: ${inner.message.split('\n')[2] ?? ''}` : (inner as Error).message.split('\n')[0];
  console.log(JSON.stringify({ ok: false, why }));
}
