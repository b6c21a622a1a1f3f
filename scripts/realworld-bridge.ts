// Every real-world program (../shared/realworld/runs.tsv) run by cairo-run and by cairn with the
// Python hint bridge; prints one row each and the counts. The Python VM takes minutes on the big
// ones (cairo-run's results are cached under .reference/cache), so this is not part of npm test.
//   node --import tsx scripts/realworld-bridge.ts [--no_python_hints] [--timeout=SECONDS] [ID...]
// cairo-run gets 10 minutes per program by default; one that takes longer is not counted.
import { realworldRuns, runRealworld } from '../test/bridge/realworld';

const argv = process.argv.slice(2);
const python = !argv.includes('--no_python_hints');
const only = argv.filter((a) => !a.startsWith('--'));
const timeout = argv.find((a) => a.startsWith('--timeout='));
const timeoutMs = timeout === undefined ? undefined : Number(timeout.slice('--timeout='.length)) * 1000;
let refOk = 0;
let same = 0;
let cairnOk = 0;
const runs = realworldRuns().filter((r) => only.length === 0 || only.includes(r.id));
for (const r of runs) {
  const res = runRealworld(r, { python, timeoutMs });
  if (res.refCode === 0) refOk++;
  if (res.cairnCode === 0) cairnOk++;
  if (res.refCode === 0 && res.same) same++;
  const mark = res.refCode !== 0 ? '-' : res.same ? 'ok' : 'DIFF';
  console.log([mark, r.id, `steps ${res.cairnSteps ?? '?'}/${res.refSteps ?? '?'}`, `${res.seconds.cairn.toFixed(1)}s/${res.seconds.ref.toFixed(1)}s`, res.note].join('\t'));
}
console.log(`\n${runs.length} programs; cairo-run runs ${refOk} to the end; cairn runs ${cairnOk} to the end, ${same} of cairo-run's ${refOk} with the same output and steps (python hints ${python ? 'on' : 'off'}).`);
