// What watch, hover and the debug console show for an expression: a Cairo expression's typed
// value, a struct or tuple literal local by its members, or the truth of a comparison or an
// `and` / `or` of them (comparisons.ts).
import { toSigned } from '../vm/felt';
import { Comparable, holds, isLogic, parseLogic } from './comparisons';
import { FrameEnv } from './frame-env';
import { VarNode, ValueContext, typedNode, summary } from './values';
import { typeToString } from '../vm/cairo-expr';

/** An expression's value as a comparison reads it: a felt (signed) or an address. */
export function comparable(env: FrameEnv, expr: string): Comparable {
  const t = env.evaluateText(expr);
  const v = t.type.kind === 'struct' || t.type.kind === 'tuple' ? t.addr : (t.value ?? env.mem.getAt(t.addr!));
  if (v === undefined) throw new Error(`${expr} is not known yet`);
  return typeof v === 'object' ? { segment: v.segment, offset: v.offset } : { felt: toSigned(v) };
}

export function evaluateWatch(env: FrameEnv, ctx: ValueContext, text: string): VarNode {
  const logic = parseLogic(text);
  if (isLogic(logic)) return { name: text, value: holds(logic, (e) => comparable(env, e)) ? 'true' : 'false', type: 'bool' };
  const name = /^\s*((?:ids\.)?[A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(text)?.[1];
  const lit = name === undefined ? undefined : env.literalLocal(name);
  if (lit !== undefined) {
    const kids = lit.parts.map((p) => typedNode(ctx, p.name, p.typed, `${name}.${p.name}`));
    return { name: text, value: summary(kids), type: typeToString(lit.type), children: { list: () => kids } };
  }
  return typedNode(ctx, text, env.evaluateText(text), text);
}
