// The common core of the uint256 and uint384 `get_square_root` hints: roots of x and of
// generator * x modulo p, exactly one of which exists unless x is 0.
import type { HintContext } from '../../hint';
import { HintError } from '../../errors';
import { isQuadResidue, sqrtMod } from '../../lib/math-utils';
import { bindLocals } from '../../lib/py';
import { packLimbs } from './py';

/** Binds the hint's locals, writes ids.success_x / success_gx; returns [root_x, root_gx]. */
export function squareRoots(ctx: HintContext, limbs: readonly string[], assertLine: string): [bigint, bigint] {
  const generator = packLimbs(ctx, 'generator', limbs);
  const x = packLimbs(ctx, 'x', limbs);
  const p = packLimbs(ctx, 'p', limbs);
  const successX = isQuadResidue(x, p);
  const rootX = successX ? sqrtMod(x, p) : 0n;
  const successGx = isQuadResidue(generator * x, p);
  const rootGx = successGx ? sqrtMod(generator * x, p) : 0n;
  if (x !== 0n && Number(successX) + Number(successGx) !== 1) throw new HintError('AssertionError', '', assertLine);
  bindLocals(ctx, { generator, x, p, success_x: successX, success_gx: successGx, root_x: rootX, root_gx: rootGx });
  ctx.ids.set('success_x', successX ? 1n : 0n);
  ctx.ids.set('success_gx', successGx ? 1n : 0n);
  return [rootX, rootGx];
}
