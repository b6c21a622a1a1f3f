// A fresh install works: `npm pack` on a clean copy of the project (prepack builds dist/), the
// tarball holds the bundles and no sources, tests or source maps, and a global install of it
// into a temporary prefix runs `cairn run` on an example from another folder. No network: the
// bundles are self-contained, so the package has no dependencies to fetch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, symlinkSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { ROOT } from '../support/shared';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

test('npm pack of a clean copy, then a global install into a temporary prefix runs cairn', { timeout: 600_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'cairn-pack-'));
  try {
    // The files git would check out (tracked, or new and not ignored): no dist/, no build output.
    const copy = join(tmp, 'clone');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0').filter((f) => f !== '' && !f.startsWith('node_modules/'));
    for (const f of files) {
      try {
        if (!statSync(join(ROOT, f)).isFile()) continue;
      } catch {
        continue; // deleted in the work tree
      }
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      copyFileSync(join(ROOT, f), join(copy, f));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

    const out = join(tmp, 'out');
    mkdirSync(out);
    const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: copy, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }));
    const names: string[] = packed[0].files.map((f: { path: string }) => f.path);
    assert.ok(names.includes('dist/cli.js'), `the tarball has dist/cli.js: ${names.join(', ')}`);
    assert.ok(names.includes('LICENSE') && names.includes('README.md'));
    for (const n of names) assert.doesNotMatch(n, /^(src|test|bench|scripts|examples)\/|\.map$|\.ts$/, `shipped ${n}`);
    assert.ok(packed[0].size < 2_000_000, `tarball is ${packed[0].size} bytes`);

    const prefix = join(tmp, 'prefix');
    execFileSync(npm, ['install', '--global', '--offline', '--prefix', prefix, join(out, packed[0].filename)], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const cairn = join(prefix, 'bin', 'cairn');

    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(join(ROOT, 'examples', 'build', 'fib.json'), join(elsewhere, 'fib.json'));
    const r = spawnSync(cairn, ['run', '--program', 'fib.json', '--layout', 'starknet_with_keccak', '--print_output', '--print_info'], { cwd: elsewhere, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Program output:\n {2}6765\n\nNumber of steps: 134\b/);
    const help = spawnSync(cairn, ['--help'], { cwd: elsewhere, encoding: 'utf8', timeout: 30_000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^usage: cairn run/);
    assert.ok(readdirSync(join(prefix, 'lib', 'node_modules', 'cairn')).every((f) => !['node_modules', 'src', 'test'].includes(f)), 'installed without dependencies or sources');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
