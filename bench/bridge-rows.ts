// Rows for the Python hint bridge (run by bench/bridge.mjs under tsx): one round trip over the
// FIFOs, one bridged hint call, one bridged memory read, a real-world program with its own hints
// against cairo-run on the same program, and a bootloader running a task. Prints one JSON object.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { compileCairo, referenceBin } from '../test/support/reference';
import { shebangInterpreter } from '../src/hints/bridge/find-python';
import { launch } from '../src/runner/launch';
import { shared } from '../test/support/shared';

const python = shebangInterpreter(join(referenceBin(), 'cairo-run'))!;
const N = 2000;

const LOOP = `
from starkware.cairo.common.alloc import alloc

func fill(p: felt*, i) {
    if (i == 0) {
        return ();
    }
    assert [p] = i;
    return fill(p + 1, i - 1);
}

func loop(i) {
    if (i == 0) {
        return ();
    }
    %{ x = ids.i %}
    return loop(i - 1);
}

func reads(p: felt*) {
    %{
        p = ids.p
        for k in range(${N}):
            memory[p + k]
    %}
    return ();
}

func main() {
    alloc_locals;
    let (p: felt*) = alloc();
    fill(p, ${N});
    loop(${N});
    reads(p);
    return ();
}
`;

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const run = launch({ program: compileCairo(LOOP, { name: 'bridge_bench.cairo' }), python: { python, print: () => {} } });
const session = run.runner.python!.session!;
// A round trip with nothing to do on either side.
for (let i = 0; i < 200; i++) session.ping();
const pings: number[] = [];
for (let r = 0; r < 5; r++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) session.ping();
  pings.push(Number(process.hrtime.bigint() - t) / 1e3 / N);
}
// The run: N calls of a one-line hint, then one hint reading N cells one by one.
const vm = run.runner.vm;
const hint = vm.hints.findIndex((h) => h?.[0]?.code.includes('x = ids.i'));
const readsPc = vm.hints.findIndex((h) => h?.[0]?.code.includes('memory[p + k]'));
let callNs = 0n;
let readNs = 0n;
const t0 = process.hrtime.bigint();
while (!run.runner.atEnd()) {
  const at = vm.pcSeg === 0 ? vm.pc : -1;
  const t = process.hrtime.bigint();
  vm.step();
  const dt = process.hrtime.bigint() - t;
  if (at === hint) callNs += dt;
  if (at === readsPc) readNs += dt;
}
const total = Number(process.hrtime.bigint() - t0) / 1e6;
const callUs = Number(callNs) / 1e3 / N;
const readUs = Number(readNs) / 1e3 / N;
run.runner.close();

// A real-world program with its own hints: cairn run (Python start included) vs cairo-run.
const id = 'nm_blake_finalize_v2.starknet_with_keccak';
const dir = join(tmpdir(), 'cairn-realworld');
mkdirSync(dir, { recursive: true });
const prog = join(dir, `${id}.json`);
writeFileSync(prog, gunzipSync(readFileSync(shared('realworld', 'progs', id, 'program.json.gz'))));
const args = ['--program', prog, '--layout', 'starknet_with_keccak', '--print_info'];
const time = (cmd: string, a: string[]) => {
  const t = Date.now();
  const r = spawnSync(cmd, a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return (Date.now() - t) / 1000;
};
const cli = join(__dirname, '..', 'dist', 'cli.js');
const cairn = median([0, 1, 2].map(() => time(process.execPath, [cli, 'run', ...args, '--python', python])));
const ref = median([0, 1].map(() => time(join(referenceBin(), 'cairo-run'), args)));

// StarkWare's simple bootloader running its listed task (Fibonacci) with every hint in TypeScript;
// cairo-run cannot run the bootloader (cairo-lang 0.14.0.1 lacks its hints' modules), so the
// reference row is cairo-run of the task alone.
const boot = join(dir, 'pu_simple_bootloader.json');
writeFileSync(boot, gunzipSync(readFileSync(shared('realworld', 'progs', 'pu_simple_bootloader', 'program.json.gz'))));
const bootInput = shared('realworld', 'inputs', 'pu_simple_bootloader.json');
const bootSeconds = median([0, 1, 2].map(() => time(process.execPath, [cli, 'run', '--program', boot, '--layout', 'all_cairo', '--program_input', bootInput, '--no_python_hints'])));
const task = join(dir, 'pu_simple_bootloader_task.json');
writeFileSync(task, JSON.stringify(JSON.parse(readFileSync(bootInput, 'utf8')).tasks[0].program));
const taskSeconds = median([0, 1].map(() => time(join(referenceBin(), 'cairo-run'), ['--program', task, '--layout', 'plain'])));

console.log(JSON.stringify({ roundTripUs: median(pings), hintCallUs: callUs, memoryReadUs: readUs, loopRunMs: total, program: id, cairnSeconds: cairn, cairoRunSeconds: ref, bootloaderSeconds: bootSeconds, taskAloneSeconds: taskSeconds }));
