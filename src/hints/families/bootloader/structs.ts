// Struct sizes and member offsets a bootloader hint reads through ids (`ids.BuiltinData.SIZE`,
// `ids.ProgramHeader.builtin_list`), resolved from the hint's accessible scopes as ids does.
import type { HintContext } from '../../hint';
import { Identifier, resolveIdentifier } from '../../../vm/program';
import { HintError } from '../../errors';

type Struct = Extract<Identifier, { type: 'struct' }>;

export function structOf(ctx: HintContext, name: string): Struct {
  const scopes = ctx.hint.accessibleScopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const id = resolveIdentifier(ctx.program, `${scopes[i]}.${name}`);
    if (id?.id.type === 'struct') return id.id;
  }
  throw new HintError('AttributeError', `'IdentifierManager' has no struct ${name} visible from this hint.`);
}

/** The member names of a struct in memory order (BuiltinData: output, pedersen, ...). */
export function memberNames(s: Struct): string[] {
  return Object.entries(s.members).sort((a, b) => a[1].offset - b[1].offset).map(([k]) => k);
}

export function memberOffset(ctx: HintContext, struct: string, member: string): number {
  const m = structOf(ctx, struct).members[member];
  if (m === undefined) throw new HintError('AttributeError', `'${struct}' has no member '${member}'.`);
  return m.offset;
}

/** A label's pc (`ids.call_task.instruction_offset_`), from the hint's accessible scopes. */
export function labelPc(ctx: HintContext, name: string): number {
  const scopes = ctx.hint.accessibleScopes;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const id = resolveIdentifier(ctx.program, `${scopes[i]}.${name}`);
    if (id?.id.type === 'label' || id?.id.type === 'function') return id.id.pc;
  }
  throw new HintError('AttributeError', `No label ${name} visible from this hint.`);
}
