// Fuzz of `cairn run`: deterministic mutations (fixed seed) of the examples and corpus programs
// (null, wrong types, missing keys, huge numbers, odd hex, truncated JSON...) must each end in
// a clean run or a one-line error: never a JS stack trace, an internal error, a crash signal or
// a hang. The cases run in a worker process (cli-worker.ts) watched case by case; a few also run
// as the real CLI. CAIRN_FUZZ_CASES=N runs more (default 300), CAIRN_FUZZ_SEED picks the seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../support/shared';
import { makeCase } from './mutate';
import { caseArgs, CRASH } from './cli-worker';

const CASES = Number(process.env.CAIRN_FUZZ_CASES ?? 300);
const SEED = Number(process.env.CAIRN_FUZZ_SEED ?? 1);
/** A case taking longer than this is a hang (runs stop at --max_steps 300000 well before). */
const CASE_TIMEOUT_MS = 30_000;
const WORKER = join(__dirname, 'cli-worker.ts');
const CLI = join(ROOT, 'dist', 'cli.js');

interface Failure {
  i: number;
  kind: 'crashed' | 'hung';
  detail: string;
}

/** Runs cases [from, CASES) in one worker; resolves with the index to resume at (or CASES). */
function runWorker(from: number, failures: Failure[], classes: Map<string, number>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, String(SEED), String(from), String(CASES)], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let current = from - 1;
    let done = from;
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    child.stderr.on('data', (d) => (stderr += d));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const o = JSON.parse(line);
      if (o.start) {
        current = o.i;
        clearTimeout(timer);
        timer = setTimeout(() => {
          hung = true;
          child.kill('SIGKILL');
        }, CASE_TIMEOUT_MS);
        return;
      }
      clearTimeout(timer);
      done = o.i + 1;
      if (o.outcome === 'crashed') failures.push({ i: o.i, kind: 'crashed', detail: `${o.seed} [${o.what}]: ${o.message}` });
      else classes.set(messageClass(o.message), (classes.get(messageClass(o.message)) ?? 0) + 1);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (done >= CASES) return resolve(CASES);
      const c = makeCase(SEED, current);
      if (hung) failures.push({ i: current, kind: 'hung', detail: `${c.seed.name} [${c.what}]: no result after ${CASE_TIMEOUT_MS} ms` });
      else failures.push({ i: current, kind: 'crashed', detail: `${c.seed.name} [${c.what}]: worker ended (${signal ?? code}): ${stderr.slice(-2000)}` });
      resolve(current + 1);
    });
  });
}

/** A message with its numbers, names and quoted values blanked: the kind of error. */
function messageClass(m: string): string {
  if (m === '') return '(ran to the end)';
  return m.replace(/"[^"]*"/g, '"…"').replace(/\b0x[0-9a-f]+\b|\b\d+\b/gi, 'N').replace(/\S+\.(json|cairo)\b/g, 'FILE').slice(0, 140);
}

test(`fuzz: ${CASES} mutated programs through cairn run (seed ${SEED})`, { timeout: CASES * 2_000 + 60_000 }, async () => {
  const failures: Failure[] = [];
  const classes = new Map<string, number>();
  for (let from = 0; from < CASES;) from = await runWorker(from, failures, classes);
  const crashed = failures.filter((f) => f.kind === 'crashed').length;
  const hung = failures.filter((f) => f.kind === 'hung').length;
  console.log(`fuzz: ${CASES} inputs, ${crashed} crashed, ${hung} hung`);
  if (process.env.CAIRN_FUZZ_VERBOSE) {
    for (const [k, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${k}`);
  }
  assert.deepEqual(failures.map((f) => `case ${f.i} ${f.kind}: ${f.detail}`), []);
});

test('fuzz: the first cases as real cairn processes (main.ts handlers, exit codes)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-fuzz-cli-'));
  try {
    for (let i = 0; i < 12; i++) {
      const c = makeCase(SEED, i);
      writeFileSync(join(dir, 'program.json'), c.text);
      const r = spawnSync(process.execPath, [CLI, 'run', ...caseArgs(i, dir, c.seed.layout)], { encoding: 'utf8', timeout: CASE_TIMEOUT_MS });
      const what = `case ${i} (${c.seed.name} [${c.what}])`;
      assert.equal(r.signal, null, `${what} hung or was killed`);
      assert.ok(r.status === 0 || r.status === 1, `${what}: exit code ${r.status}\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, CRASH, what);
      if (r.status === 1) assert.notEqual(r.stderr.trim(), '', `${what}: failed without a message`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
