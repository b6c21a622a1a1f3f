// `cairn profile`: the flame graph of a run as one self-contained HTML file (no network), whose
// embedded tree carries the run's numbers; without --html, the functions by steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, shared } from '../support/shared';

const CLI = join(ROOT, 'dist', 'cli.js');
const cairn = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
const hashChain = shared('examples', 'build', 'hash_chain.json');

test('cairn profile --html writes a self-contained flame graph with the run\'s tree', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'cairn-profile-cli-')), 'p.html');
  const r = cairn('profile', '--program', hashChain, '--layout', 'starknet_with_keccak', '--print_output', '--html', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Program output:/);
  const html = readFileSync(out, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  const data = JSON.parse(html.match(/<script type="application\/json" id="data">(.*?)<\/script>/s)![1]);
  assert.equal(data.root.name, '__main__.main');
  assert.equal(data.root.total.steps, 312); // cairo-run's step count for hash_chain
  assert.deepEqual(data.measures, ['steps', 'holes', 'output', 'pedersen', 'poseidon']);
  const ped = data.root.children.find((c: { name: string }) => c.name === '__main__.pedersen_chain');
  assert.equal(ped.total.pedersen, 24);
  assert.equal(ped.file, 'hash_chain.cairo');
});

test('cairn profile without --html prints functions by total steps; bad input is a usage error', () => {
  const r = cairn('profile', '--program', hashChain, '--layout', 'starknet_with_keccak');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^312 steps, 0 memory holes\n/);
  assert.match(r.stdout, /__main__\.main\s+22\s+312\s+1\s+0\n/);
  const bad = cairn('profile', '--layout', 'starknet_with_keccak', '--html');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /cairn profile: error: argument --html: expected one argument/);
});
