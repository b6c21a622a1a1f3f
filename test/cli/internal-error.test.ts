// An internal error (Cairn's bug) is one line; its JavaScript stack only under CAIRN_DEBUG=1.
// --debug_error is cairo-run's flag for VM errors and does not show stacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { internalErrorText, wantsStack } from '../../src/cli/internal-error';
import { ROOT } from '../support/shared';

test('stacks only under CAIRN_DEBUG=1, never because of --debug_error', () => {
  assert.equal(wantsStack({ CAIRN_DEBUG: '1' }), true);
  assert.equal(wantsStack({}), false);
  const e = new TypeError('boom');
  const plain = internalErrorText(e, false);
  assert.equal(plain.split('\n').length, 1);
  assert.match(plain, /internal error in Cairn .*TypeError: boom.*CAIRN_DEBUG=1 shows the stack/);
  assert.ok(internalErrorText(e, true).split('\n').length > 1);
});

test('cairn run --debug_error on a failing program prints cairo-run\'s text, not a stack', () => {
  const cli = join(ROOT, 'dist', 'cli.js');
  const env = { ...process.env };
  delete env.CAIRN_DEBUG;
  const r = spawnSync(process.execPath, [cli, 'run', '--program', join(ROOT, 'examples', 'build', 'assert_fail.json'), '--debug_error', '--layout', 'small'], { encoding: 'utf8', env });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^Got an error:\n/);
  assert.doesNotMatch(r.stdout + r.stderr, /    at /);
});
