// The Python hint bridge's rows of `npm run bench` (appended to bench/results.md): the cost of
// one FIFO round trip, one bridged hint call, one bridged memory read, and a real-world program
// with its own hints against cairo-run. Needs the reference (scripts/reference.sh).
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'bridge-rows.ts')], { cwd: root, encoding: 'utf8', timeout: 900_000 });
let res;
try {
  res = JSON.parse(r.stdout.trim().split('\n').pop());
} catch {
  console.log(`python bridge: skipped (${(r.stderr || 'no result').trim().split('\n').pop()})`);
  process.exit(0);
}
const lines = [
  `python bridge: one round trip ${res.roundTripUs.toFixed(1)} µs, one bridged hint call ${res.hintCallUs.toFixed(1)} µs, one bridged memory read ${res.memoryReadUs.toFixed(1)} µs`,
  `python bridge: ${res.program}: cairn run ${res.cairnSeconds.toFixed(2)} s (Python start included), cairo-run ${res.cairoRunSeconds.toFixed(2)} s`,
  `bootloader: pu_simple_bootloader running its task, hints in TypeScript: cairn run ${res.bootloaderSeconds.toFixed(2)} s (cairo-run cannot run it; the task alone in cairo-run: ${res.taskAloneSeconds.toFixed(2)} s)`,
];
for (const l of lines) console.log(l);
appendFileSync(join(root, 'bench', 'results.md'), `\n## Python hint bridge\n\n| measure | value |\n| --- | ---: |\n`
  + `| one FIFO round trip (empty request) | ${res.roundTripUs.toFixed(1)} µs |\n`
  + `| one bridged hint call (\`x = ids.i\`) | ${res.hintCallUs.toFixed(1)} µs |\n`
  + `| one bridged memory read (uncached cell) | ${res.memoryReadUs.toFixed(1)} µs |\n`
  + `| ${res.program}: cairn run (with Python start) | ${res.cairnSeconds.toFixed(2)} s |\n`
  + `| ${res.program}: cairo-run | ${res.cairoRunSeconds.toFixed(2)} s |\n`
  + `| pu_simple_bootloader running its task (hints in TypeScript): cairn run | ${res.bootloaderSeconds.toFixed(2)} s |\n`
  + `| the same task alone: cairo-run (cairo-run cannot run the bootloader) | ${res.taskAloneSeconds.toFixed(2)} s |\n`);
