// The `cairnProfile` request over the real protocol: from a paused session and from one stopped at
// the end, the flame data of a fresh run of the launch arguments, whose fib totals equal the CLI's
// `cairn profile` table; without a launch it is an error.
import { test, describe, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import { startClient, launchArgs, launchTo, ROOT } from './helpers';

type Flame = { root: { name: string; total: Record<string, number> }; functions: { name: string; selfSteps: number; totalSteps: number; calls: number; selfHoles: number }[] };

function cliTable(): Map<string, number[]> {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'profile', '--program', join(ROOT, 'examples/build/fib.json'), '--layout', 'starknet_with_keccak'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = new Map<string, number[]>();
  for (const m of r.stdout.matchAll(/^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/gm)) rows.set(m[1], m.slice(2).map(Number));
  assert.ok(rows.has('__main__.fib'), r.stdout);
  return rows;
}

describe('cairnProfile', () => {
  let dc: DebugClient | undefined;
  afterEach(async () => {
    await dc?.stop();
    dc = undefined;
  });

  test('from a paused session and at the end: fib\'s totals equal cairn profile\'s', async () => {
    const rows = cliTable();
    const client = (dc = await startClient());
    await launchTo(client, launchArgs('fib', { stopOnEntry: true, stopAtEnd: true }));
    const check = async () => {
      const r = await client.customRequest('cairnProfile', {});
      const body = r.body as { fresh: boolean; profile: Flame };
      assert.equal(body.fresh, true);
      assert.equal(body.profile.root.name, '__main__.main');
      assert.equal(body.profile.root.total.steps, rows.get('__main__.main')![1]);
      for (const [name, want] of rows) {
        const f = body.profile.functions.find((x) => x.name === name);
        assert.deepEqual(f && [f.selfSteps, f.totalSteps, f.calls, f.selfHoles], want, name);
      }
    };
    await check(); // paused on entry
    const ended = client.waitForEvent('stopped');
    await client.continueRequest({ threadId: 1 });
    await ended; // stopped at the end of the run
    await check();
  });

  test('before a launch it is an error', async () => {
    const client = (dc = await startClient());
    await client.initializeRequest();
    await assert.rejects(client.customRequest('cairnProfile', {}), /No program is being debugged/);
  });
});
