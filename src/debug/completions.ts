// Completions for the REPL and watch expressions: after `x.` the members of x's struct (through a
// pointer too), after `ids.` the frame's ids, otherwise the ids, the registers and `ids` itself.
import { membersOf } from '../vm/reference';
import { CairoType, typeToString } from '../vm/cairo-expr';
import { FrameEnv } from './frame-env';

export interface Completion {
  label: string;
  kind: 'variable' | 'field' | 'keyword';
  detail?: string;
}

export interface Completions {
  /** Where the replaced word starts in the text (0-based) and how long it is. */
  start: number;
  length: number;
  items: Completion[];
}

const REGISTERS: Completion[] = ['ap', 'fp', 'pc'].map((label) => ({ label, kind: 'keyword', detail: 'register' }));

/** Completions for `text` with the caret at `caret` (0-based, in UTF-16 units). */
export function complete(env: FrameEnv, text: string, caret: number): Completions {
  const before = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const word = /([A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*\s*\.\s*)?([A-Za-z_]\w*)?$/.exec(before)!;
  const partial = word[2] ?? '';
  const base = word[1]?.replace(/\s*\.\s*$/, '').replace(/\s+/g, '');
  const start = before.length - partial.length;
  let items: Completion[];
  if (base === undefined) {
    items = [...ids(env), ...REGISTERS, { label: 'ids', kind: 'keyword', detail: 'the frame\'s Cairo names' }];
  } else if (base === 'ids') {
    items = ids(env);
  } else {
    items = members(env, base);
  }
  return { start, length: partial.length, items: items.filter((c) => c.label.startsWith(partial)) };
}

function ids(env: FrameEnv): Completion[] {
  return env.locals().map((l) => ({ label: l.name, kind: 'variable', detail: l.type ? typeToString(l.type) : undefined }));
}

function members(env: FrameEnv, base: string): Completion[] {
  let type: CairoType;
  try {
    type = env.evaluateText(base).type;
  } catch {
    return [];
  }
  if (type.kind === 'pointer') type = type.pointee;
  try {
    return membersOf(env.program, type).map((m) => ({ label: m.name, kind: 'field', detail: typeToString(m.type) }));
  } catch {
    return [];
  }
}
