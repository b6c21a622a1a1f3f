// The shape checks behind program validation, as other loaders (PIE metadata, launch arguments)
// would use them: the message names the field by its path, what was expected and what was found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate, obj, str, nat, opt, list, map, nullable, oneOf, tuple, bool } from '../../src/vm/validate-shape';

const launchArgs = obj({
  program: str,
  steps: opt(nat),
  cairoPath: opt(list(str)),
  sourceFileMap: opt(map(str)),
  layout: opt(oneOf(['plain', 'small'])),
  stopOnEntry: opt(bool),
  range: opt(nullable(tuple([nat, nat]))),
});

test('a valid value passes; each kind of mistake names its path', () => {
  assert.equal(validate(launchArgs, { program: 'a.json', steps: 10, cairoPath: ['x'], sourceFileMap: { '/a': '/b' }, range: null }), undefined);
  const cases: [unknown, string][] = [
    [null, 'the top level: expected an object, got null.'],
    [{}, 'program: missing (expected a string).'],
    [{ program: 'a', steps: 'ten' }, 'steps: expected a non-negative integer, got "ten".'],
    [{ program: 'a', steps: 1.5 }, 'steps: expected a non-negative integer, got 1.5.'],
    [{ program: 'a', cairoPath: ['x', 3] }, 'cairoPath[1]: expected a string, got 3.'],
    [{ program: 'a', sourceFileMap: { '/a b': [] } }, 'sourceFileMap["/a b"]: expected a string, got an empty list.'],
    [{ program: 'a', layout: 'big' }, 'layout: expected one of plain, small, got "big".'],
    [{ program: 'a', stopOnEntry: 'yes' }, 'stopOnEntry: expected true or false, got "yes".'],
    [{ program: 'a', range: [1] }, 'range: expected a list of 2 items, got a list.'],
    [{ program: 'x'.repeat(100), steps: -1 }, 'steps: expected a non-negative integer, got -1.'],
  ];
  for (const [v, message] of cases) assert.equal(validate(launchArgs, v), message);
});
