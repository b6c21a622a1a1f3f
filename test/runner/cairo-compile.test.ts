import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { compile, findCairoCompile, parseCompileErrors } from '../../src/runner/cairo-compile';

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

test('compile runs the compiler in the source root with the file relative to it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-cc-'));
  try {
    // A stand-in cairo-compile: records its cwd and arguments in the output file, or fails like the real one.
    const fake = path.join(dir, 'cairo-compile');
    writeFileSync(fake, `#!/bin/sh
if [ "$1" = "bad.cairo" ]; then echo "bad.cairo:3:7: Unexpected token." >&2; exit 1; fi
printf '{"cwd": "%s", "args": "%s"}' "$(pwd)" "$*" > "$3"
`);
    chmodSync(fake, 0o755);
    const src = path.join(dir, 'src');
    const ok = await compile(fake, path.join(src, 'multi', 'main.cairo'), path.join(dir, 'build', 'main.json'), dir, ['/lib']);
    assert.equal(ok.ok, true, ok.output);
    const rec = JSON.parse(readFileSync(path.join(dir, 'build', 'main.json'), 'utf8'));
    assert.equal(rec.cwd, dir);
    assert.equal(rec.args, `src/multi/main.cairo --output ${path.join(dir, 'build', 'main.json')} --cairo_path /lib`);
    const bad = await compile(fake, path.join(dir, 'bad.cairo'), path.join(dir, 'out.json'), dir);
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.diagnostics, [{ file: path.join(dir, 'bad.cairo'), line: 3, column: 7, message: 'Unexpected token.' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
