// cairn.python / cairn.pythonHints reach a launch configuration that does not set its own, and
// package.json declares both settings and both launch attributes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeLaunchConfig } from '../../src/extension/launchConfig';
import { ROOT } from '../support/shared';
import { compileCairo } from '../support/reference';

test('the settings fill python and pythonHints; the configuration\'s own values win', () => {
  const program = compileCairo('func main() {\n    return ();\n}\n');
  const base = { type: 'cairn', request: 'launch', name: 'x', program };
  const a = completeLaunchConfig(base, { python: '/opt/py/bin/python', pythonHints: false });
  assert.equal(a.kind, 'ok');
  if (a.kind === 'ok') {
    assert.equal(a.config.python, '/opt/py/bin/python');
    assert.equal(a.config.pythonHints, false);
  }
  const b = completeLaunchConfig({ ...base, python: 'python3.9', pythonHints: true }, { python: '/opt/py/bin/python', pythonHints: false });
  if (b.kind === 'ok') {
    assert.equal(b.config.python, 'python3.9');
    assert.equal(b.config.pythonHints, true);
  } else assert.fail(b.kind);
});

test('package.json declares cairn.python, cairn.pythonHints and the launch attributes', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const settings = pkg.contributes.configuration.properties;
  assert.equal(settings['cairn.python'].type, 'string');
  assert.equal(settings['cairn.pythonHints'].default, true);
  const launch = pkg.contributes.debuggers[0].configurationAttributes.launch.properties;
  assert.equal(launch.python.type, 'string');
  assert.equal(launch.pythonHints.type, 'boolean');
});
