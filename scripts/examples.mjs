// Runs every bundled example through the CLI (as a user would) and prints what cairn prints.
// Exits non-zero if an example's outcome differs from the reference run's status.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let bad = 0;
for (const file of readdirSync(join(root, 'examples', 'build')).sort()) {
  const name = file.replace(/\.json$/, '');
  const expected = JSON.parse(readFileSync(join(root, 'examples', 'expected', name, 'expected.json'), 'utf8'));
  const args = ['dist/cli.js', 'run', '--program', `examples/build/${file}`, '--layout', expected.layout, '--print_output', '--print_info'];
  console.log(`$ cairn ${args.slice(1).join(' ')}`);
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  const status = r.status === 0 ? 'ok' : 'error';
  const as = status === expected.status ? 'as the reference' : `but the reference says ${expected.status}`;
  if (status !== expected.status) bad++;
  console.log(`=> ${name}: ${status} ${as} (${ms.toFixed(0)} ms)\n`);
}
process.exitCode = bad ? 1 : 0;
