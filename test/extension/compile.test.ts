import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findCairoCompile, parseCompileErrors } from '../../src/extension/compile';

test('cairo-compile is looked up on PATH unless configured', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-path-'));
  try {
    assert.equal(findCairoCompile(undefined, ['/nonexistent', dir].join(path.delimiter)), undefined);
    writeFileSync(path.join(dir, 'cairo-compile'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'cairo-compile'), 0o755);
    assert.equal(findCairoCompile(undefined, ['/nonexistent', dir].join(path.delimiter)), path.join(dir, 'cairo-compile'));
    assert.equal(findCairoCompile('/opt/cairo-compile', ''), '/opt/cairo-compile');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compiler errors become file/line/column diagnostics', () => {
  const stderr = `fib.cairo:7:12: Unknown identifier 'm'.
    if (m == 0) {
           ^
multi/geometry.cairo:2:5: Expected a type.
`;
  assert.deepEqual(parseCompileErrors(stderr, '/ws/src'), [
    { file: '/ws/src/fib.cairo', line: 7, column: 12, message: "Unknown identifier 'm'." },
    { file: '/ws/src/multi/geometry.cairo', line: 2, column: 5, message: 'Expected a type.' },
  ]);
});
