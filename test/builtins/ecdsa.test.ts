import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBuiltin } from '../../src/builtins/index';
import { EcdsaBuiltin, verifyEcdsa } from '../../src/builtins/ecdsa';
import { memoryWithSegments, segmentCells } from './corpus-memory';
import { builtinSegment } from './corpus-check';
import { VirtualMachine } from '../../src/vm/vm';
import { Relocatable } from '../../src/vm/relocatable';

// The signature of the common_signature corpus program (verify_ecdsa_signature's arguments).
const MSG = 2718n;
const KEY = 1735102664668487605176656616876767369909409133946409161569774794110049207117n;
const R = 3086480810278599376317923499561306189851900463386393948998357832163236918254n;
const S = 598673427589502599949712887611119751108407514580626464031881322743364689811n;

function fresh() {
  const mem = memoryWithSegments(2);
  const b = createBuiltin({ name: 'ecdsa', ratio: 2048 }, true) as EcdsaBuiltin;
  b.initializeSegments(mem);
  b.addRules(new VirtualMachine(mem, 0));
  return { mem, b };
}

test('ecdsa: the signature of common_signature verifies, a changed one does not', () => {
  assert.equal(verifyEcdsa(MSG, R, S, KEY), true);
  assert.equal(verifyEcdsa(MSG + 1n, R, S, KEY), false);
  assert.equal(verifyEcdsa(MSG, R, S + 1n, KEY), false);
  assert.throws(() => verifyEcdsa(1n << 251n, R, S, KEY), { message: `msg_hash = ${1n << 251n}` });
});

test('ecdsa: the builtin cells of the reference run validate with the hint signature', () => {
  const seg = builtinSegment(['ecdsa'], 'ecdsa');
  const cells = segmentCells('common_signature', seg);
  assert.deepEqual(cells, [KEY, Number(MSG)]);
  const { mem, b } = fresh();
  b.addSignature(new Relocatable(2, 0), [R, S]);
  mem.write(2, 0, cells[0]!);
  mem.write(2, 1, cells[1]!);
});

test('ecdsa: missing and invalid signatures, bad hint addresses', () => {
  const { mem, b } = fresh();
  mem.write(2, 1, 2718);
  assert.throws(() => mem.write(2, 0, KEY), {
    message: "Signature hint is missing for ECDSA builtin at address 2:0. Add it using 'ecdsa_builtin.add_signature'.",
  });
  const f = fresh();
  f.b.addSignature(new Relocatable(2, 0), [R, S]);
  f.mem.write(2, 0, KEY);
  assert.throws(() => f.mem.write(2, 1, 2719), {
    message: `Signature (${R}, ${S}), is invalid, with respect to the public key ${KEY}, and the message hash 2719.`,
  });
  assert.throws(() => b.addSignature(new Relocatable(2, 1), [R, S]), { message: 'Signature hint must point to the public key cell, not 2:1.' });
  assert.throws(() => b.addSignature(new Relocatable(1, 0), [R, S]), { message: 'Signature hint must point to the signature builtin segment, not 1:0.' });
});
