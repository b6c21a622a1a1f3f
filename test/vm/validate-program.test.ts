// Program validation accepts every program cairo-compile wrote (the corpus and the examples) and
// refuses a malformed one with the path of the bad field, before anything reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseProgram } from '../../src/vm/program';
import { ProgramError } from '../../src/vm/errors';
import { ROOT, shared } from '../support/shared';

function programTexts(): [string, string][] {
  const out: [string, string][] = [];
  const corpus = shared('corpus', 'cairo0');
  for (const d of readdirSync(corpus).sort()) {
    const p = join(corpus, d, 'program.json');
    out.push([d, existsSync(p) ? readFileSync(p, 'utf8') : gunzipSync(readFileSync(p + '.gz')).toString('utf8')]);
  }
  for (const f of readdirSync(join(ROOT, 'examples', 'build')).sort()) out.push([f, readFileSync(join(ROOT, 'examples', 'build', f), 'utf8')]);
  return out;
}

test('every corpus program and example passes validation', () => {
  const texts = programTexts();
  assert.ok(texts.length > 150);
  for (const [name, text] of texts) assert.doesNotThrow(() => parseProgram(text), name);
});

test('a malformed program is refused with the path of the field', () => {
  const fib = JSON.parse(readFileSync(join(ROOT, 'examples', 'build', 'fib.json'), 'utf8'));
  const bad = (mutate: (j: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const j = structuredClone(fib);
    mutate(j);
    try {
      parseProgram(JSON.stringify(j));
    } catch (e) {
      assert.ok(e instanceof ProgramError);
      return e.message;
    }
    return 'accepted';
  };
  assert.equal(bad((j) => (j.debug_info.instruction_locations['0'].inst = null)), 'Invalid program: debug_info.instruction_locations["0"].inst: expected an object, got null.');
  assert.equal(bad((j) => (j.debug_info.instruction_locations['0'].inst.parent_location = [1])), 'Invalid program: debug_info.instruction_locations["0"].inst.parent_location: expected a list of 2 items, got a list.');
  assert.equal(bad((j) => (j.hints = { 9999: [] })), `Invalid program: hints["9999"]: expected a pc of the program (0..${fib.data.length - 1}) as a key of hints, got "9999".`);
  assert.equal(bad((j) => (j.identifiers['__main__.fib'] = { type: 'function' })), 'Invalid program: identifiers["__main__.fib"].pc: missing (expected a non-negative integer).');
  assert.equal(bad((j) => (j.identifiers['__main__.fib'] = { type: 'const', value: 'ten' })), 'Invalid program: identifiers["__main__.fib"].value: expected an integer, got "ten".');
  assert.equal(bad((j) => (j.attributes = [{ name: 'error_message', value: 'x', start_pc: 0 }])), 'Invalid program: attributes[0].end_pc: missing (expected a non-negative integer).');
  assert.equal(bad((j) => (j.reference_manager.references[0].ap_tracking_data.group = -1)), 'Invalid program: reference_manager.references[0].ap_tracking_data.group: expected a non-negative integer, got -1.');
  // Fields with a natural default may be missing.
  assert.equal(bad((j) => { delete j.debug_info; delete j.attributes; delete j.hints; delete j.main_scope; }), 'accepted');
});
