// The variable part of Cairn's Cairo 1 debug file, from the same compilation as the executable:
// - `statement_variables`: per Sierra statement, the cells of the Sierra variables it takes
//   (relative to ap and fp when it starts) and, per branch, of those it defines (relative to ap
//   when the branch's target starts), as the Sierra-to-CASM compiler placed them;
// - cairo-debugger's `functions_info`: per Sierra function, which Sierra variable is which Cairo
//   variable (its name and where it is defined);
// - cairo-debugger's `user-types`: the member names of the user's structs and enums.
// All optional: without them the debugger shows a function's arguments only.
import { isCellExpression } from './cells';

/** A Sierra variable at a statement: its id, its type (`[12]`) and one cell expression per cell (cells.ts). */
export interface SierraVar {
  id: number;
  type: string;
  cells: string[];
}

export interface StatementVars {
  args: SierraVar[];
  /** A `function_call`'s Sierra function id: its arguments are that function's parameters. */
  callee?: number;
  /** The libfunc's generic name (`store_temp`, `dup`, ...). */
  libfunc?: string;
  /** Per branch: the statement it goes to and what it defines (none for a return). */
  branches: { target: number; results: SierraVar[] }[];
}

/** Where a Cairo variable is defined: 1-based line and column of its name. */
export interface Definition {
  name: string;
  line: number;
  col: number;
}

export interface FunctionVars {
  file: string;
  /** The function's span in its file, 1-based lines. */
  startLine: number;
  endLine: number;
  /** Sierra variable id -> the Cairo variable it holds at some point. */
  names: Map<number, Definition>;
  /**
   * The function's parameters by Sierra variable id. The compiler takes their names from the
   * enclosing `fn`, so a loop's function gets that fn's names on its own parameters: not to be
   * trusted for loops.
   */
  params: Map<number, Definition>;
}

export interface SierraVariables {
  statements: (StatementVars | undefined)[];
  /** By Sierra function id. */
  functions: Map<number, FunctionVars>;
  /** By Sierra type id (`[12]`): member names of structs, variant names of enums. */
  members: Map<string, string[]>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEBUGGER = 'github.com/software-mansion-labs/cairo-debugger';
const USER_TYPES = 'github.com/software-mansion-labs/cairo-debugger/user-types';

function isObject(j: unknown): j is Record<string, unknown> {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

/** Reads the variable part; `fail` throws with the debug file's name. Undefined when the file has none. */
export function parseVariables(j: Record<string, unknown>, annotations: Record<string, unknown>, statements: number, fail: (what: string) => never): SierraVariables | undefined {
  const list = j.statement_variables;
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length !== statements) return fail(`statement_variables: expected a list of ${statements} entries, one per statement`);
  const vars = (v: unknown, where: string): SierraVar[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) return fail(`${where}: expected a list`);
    return v.map((x, i) => {
      if (!Array.isArray(x) || !Number.isSafeInteger(x[0]) || typeof x[1] !== 'string' || !Array.isArray(x[2]) || !x[2].every((c: unknown) => typeof c === 'string')) {
        return fail(`${where}[${i}]: expected [variable id, type id, [cell expressions]]`);
      }
      const wrong = (x[2] as string[]).find((c) => !isCellExpression(c));
      if (wrong !== undefined) return fail(`${where}[${i}]: ${JSON.stringify(wrong)} is not a cell expression ([ap+1], [[fp-3]+2], 5, [ap+0] + [fp-4])`);
      return { id: x[0] as number, type: x[1], cells: x[2] as string[] };
    });
  };
  const parsed = list.map((s: unknown, i): StatementVars | undefined => {
    if (!isObject(s)) return fail(`statement_variables[${i}]: expected an object`);
    if (s.args === undefined) return undefined;
    const branches = s.branches === undefined ? [] : Array.isArray(s.branches) ? s.branches : fail(`statement_variables[${i}].branches: expected a list`);
    if (s.callee !== undefined && s.callee !== null && !Number.isSafeInteger(s.callee)) return fail(`statement_variables[${i}].callee: expected a function id`);
    return {
      ...(typeof s.callee === 'number' ? { callee: s.callee } : {}),
      ...(typeof s.libfunc === 'string' ? { libfunc: s.libfunc } : {}),
      args: vars(s.args, `statement_variables[${i}].args`),
      branches: branches.map((b: unknown, k: number) => {
        const where = `statement_variables[${i}].branches[${k}]`;
        if (!isObject(b) || !Number.isSafeInteger(b.target) || (b.target as number) < 0 || (b.target as number) > statements) return fail(`${where}: expected {target, results}`);
        return { target: b.target as number, results: vars(b.results, `${where}.results`) };
      }),
    };
  });
  return { statements: parsed, functions: functionsInfo(annotations[DEBUGGER], fail), members: userTypes(annotations[USER_TYPES]) };
}

/** cairo-debugger's functions_info: `{fid: {function_file_path, function_code_span, sierra_to_cairo_variable, parameters}}`. */
function functionsInfo(a: unknown, fail: (what: string) => never): Map<number, FunctionVars> {
  const out = new Map<number, FunctionVars>();
  const info = isObject(a) ? a.functions_info : undefined;
  if (!isObject(info)) return out;
  const at = (span: unknown): { line: number; col: number } | undefined => {
    const s = isObject(span) && isObject(span.start) ? span.start : undefined;
    return s !== undefined && Number.isSafeInteger(s.line) && Number.isSafeInteger(s.col) ? { line: (s.line as number) + 1, col: (s.col as number) + 1 } : undefined;
  };
  for (const [key, f] of Object.entries(info)) {
    if (!/^\d+$/.test(key) || !isObject(f)) return fail(`functions_info["${key}"]: expected a function id and an object`);
    const span = isObject(f.function_code_span) ? f.function_code_span : {};
    const start = at(span);
    const end = isObject(span.end) && Number.isSafeInteger(span.end.line) ? (span.end.line as number) + 1 : undefined;
    const names = new Map<number, Definition>();
    const params = new Map<number, Definition>();
    const add = (into: Map<number, Definition>, v: string, name: unknown, where: unknown) => {
      const p = at(where);
      // The #[executable] wrapper's own variables come named by the whole `fn` text: not a Cairo name.
      if (/^\d+$/.test(v) && typeof name === 'string' && IDENTIFIER.test(name) && p !== undefined) into.set(Number(v), { name, ...p });
    };
    if (isObject(f.sierra_to_cairo_variable)) for (const [v, d] of Object.entries(f.sierra_to_cairo_variable)) if (Array.isArray(d)) add(names, v, d[0], d[1]);
    if (isObject(f.parameters)) for (const [v, d] of Object.entries(f.parameters)) if (isObject(d)) add(params, v, d.name, d.span);
    out.set(Number(key), { file: typeof f.function_file_path === 'string' ? f.function_file_path : '', startLine: start?.line ?? 0, endLine: end ?? Number.MAX_SAFE_INTEGER, names, params });
  }
  return out;
}

/** user-types: `{structs: {tid: {name, members}}, enums: {tid: {name, variants}}}`. */
function userTypes(a: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!isObject(a)) return out;
  for (const group of [a.structs, a.enums]) {
    if (!isObject(group)) continue;
    for (const [tid, t] of Object.entries(group)) {
      const names = isObject(t) ? (t.members ?? t.variants) : undefined;
      if (/^\d+$/.test(tid) && Array.isArray(names) && names.every((n) => typeof n === 'string')) out.set(`[${tid}]`, names as string[]);
    }
  }
  return out;
}
