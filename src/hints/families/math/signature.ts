// signature.cairo's verify_ecdsa_signature: hands (r, s) to the ecdsa builtin runner, which
// checks the signature once the public key and message cells are written.
import { defineHint } from '../../hint';
import { HintError } from '../../errors';
import { Relocatable } from '../../../vm/relocatable';
import * as F from '../../../vm/felt';
import { idsInt, nameError } from '../../lib/py';
import * as C from './codes';

/** What the ecdsa builtin runner offers hints (src/builtins/ecdsa.ts, EcdsaBuiltin.addSignature). */
interface SignatureSink {
  addSignature(addr: Relocatable, signature: readonly [bigint, bigint]): void;
}

function hasAddSignature(b: unknown): b is SignatureSink {
  return typeof (b as { addSignature?: unknown } | undefined)?.addSignature === 'function';
}

defineHint(C.VERIFY_ECDSA_SIGNATURE, (ctx) => {
  const runner = ctx.builtins.get('ecdsa');
  if (runner === undefined) throw nameError('ecdsa_builtin');
  const addr = ctx.ids.get('ecdsa_ptr');
  if (typeof addr !== 'object') {
    throw new HintError('AssertionError', `Expected memory address to be relocatable value. Found: ${F.big(addr)}.`);
  }
  const sig: [bigint, bigint] = [idsInt(ctx, 'signature_r', '%'), idsInt(ctx, 'signature_s', '%')];
  if (hasAddSignature(runner)) runner.addSignature(addr, sig);
  else throw new HintError('AttributeError', "'SignatureBuiltinRunner' object has no attribute 'add_signature'");
});
