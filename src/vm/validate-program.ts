// One pass over a program's JSON against the format cairo-compile writes, before anything reads
// it: every field's type and shape, with an error that names the field and what was expected
// (`debug_info.instruction_locations["12"].inst: expected an object, got null`). After it passes,
// parseProgram converts without further checks, so the VM never sees an unchecked program.
//
// Fields cairo-compile always writes but that have a natural default (an empty list or map) may
// be missing; a field that is present must have the right shape.
import { ProgramError } from './errors';
import { Shape, Check, str, int, nat, list, map, obj, opt, nullable, tuple, intText, hexWord, ShapeError } from './validate-shape';

/** The smallest and largest primes Cairn accepts: instructions are 63-bit words; memory files hold 32-byte values. */
const MIN_PRIME = 1n << 63n;
const MAX_PRIME = 1n << 256n;

const apTracking = obj({ group: nat, offset: nat });
const flow = (nRefs: number): Shape =>
  obj({ ap_tracking: apTracking, reference_ids: opt(map(refIndex(nRefs))) });

/** A reference id: an index into reference_manager.references. */
function refIndex(nRefs: number): Check {
  return (v, path) => {
    nat(v, path);
    if ((v as number) >= nRefs) {
      throw new ShapeError(path, nRefs === 0 ? 'no reference id (reference_manager.references is empty)' : `an index into reference_manager.references (0..${nRefs - 1})`, v);
    }
  };
}

const scopes = opt(list(str));

const location: Shape = obj({
  start_line: int,
  start_col: int,
  end_line: int,
  end_col: int,
  input_file: opt(obj({ filename: opt(nullable(str)) })),
  parent_location: opt(nullable(tuple([(v, p) => location(v, p), str]))),
});

const reference = obj({ ap_tracking_data: apTracking, pc: opt(nullable(nat)), value: str });

const identifier: Check = (v, path) => {
  obj({ type: str })(v, path);
  const j = v as Record<string, unknown>;
  const shape = IDENTIFIER_SHAPES[j.type as string];
  if (shape !== undefined) shape(v, path);
};

const member = obj({ cairo_type: str, offset: nat });
const IDENTIFIER_SHAPES: Record<string, Shape> = {
  function: obj({ pc: nat, decorators: opt(list(str)) }),
  label: obj({ pc: nat }),
  const: obj({ value: intText }),
  struct: obj({ full_name: str, members: opt(map(member)), size: nat }),
  type_definition: obj({ cairo_type: str }),
  alias: obj({ destination: str }),
  reference: obj({ full_name: str, cairo_type: str, references: opt(list(reference)) }),
  member,
};

function pcKey(nData: number | undefined, what: string): (key: string, path: string) => void {
  return (key, path) => {
    const pc = /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : NaN;
    if (!Number.isSafeInteger(pc) || (nData !== undefined && pc >= nData)) {
      const range = nData === undefined ? 'a pc (a decimal number)' : nData === 0 ? 'no key (data is empty)' : `a pc of the program (0..${nData - 1})`;
      throw new ShapeError(path, `${range} as ${what}`, key);
    }
  };
}

/** Checks the parsed JSON of a compiled program; throws ProgramError naming the first bad field. */
export function validateProgramJson(j: unknown): void {
  try {
    obj({ prime: str, data: list(str) })(j, '');
    const top = j as Record<string, unknown>;
    let prime: bigint;
    try {
      prime = BigInt(top.prime as string);
    } catch {
      throw new ShapeError('prime', 'a number (hex or decimal)', top.prime);
    }
    if (prime < MIN_PRIME || prime >= MAX_PRIME || prime % 2n === 0n) throw new ShapeError('prime', 'an odd number between 2^63 and 2^256', top.prime);
    const data = top.data as string[];
    data.forEach((d, i) => hexWord(prime)(d, `data[${i}]`));
    const nRefs = (() => {
      const rm = top.reference_manager;
      opt(obj({ references: opt(list(reference)) }))(rm, 'reference_manager');
      return ((rm as { references?: unknown[] } | undefined)?.references ?? []).length;
    })();
    obj({
      builtins: opt(list(str)),
      main_scope: opt(str),
      compiler_version: opt(nullable(str)),
      hints: opt(map(list(obj({ code: str, accessible_scopes: scopes, flow_tracking_data: flow(nRefs) })), pcKey(data.length, 'a key of hints'))),
      identifiers: opt(map(identifier)),
      attributes: opt(list(obj({
        name: str,
        value: str,
        start_pc: nat,
        end_pc: nat,
        accessible_scopes: scopes,
        flow_tracking_data: opt(nullable(flow(nRefs))),
      }))),
      debug_info: opt(nullable(obj({
        instruction_locations: opt(map(obj({
          inst: location,
          hints: opt(list(nullable(obj({ location, n_prefix_newlines: opt(nat) })))),
          accessible_scopes: scopes,
          flow_tracking_data: opt(nullable(flow(nRefs))),
        }), pcKey(undefined, 'a key of instruction_locations'))),
        file_contents: opt(map(str)),
      }))),
    })(j, '');
  } catch (e) {
    if (e instanceof ShapeError) throw new ProgramError(`Invalid program: ${e.message}`);
    throw e;
  }
}
