// A compiled Cairo 0 program (the JSON cairo-compile writes), parsed and checked.
import { Felt, parseFelt } from './felt';
import { ProgramError } from './errors';
import { validateProgramJson } from './validate-program';

export interface ApTracking {
  group: number;
  offset: number;
}
export interface FlowTrackingData {
  apTracking: ApTracking;
  referenceIds: Record<string, number>;
}
export interface HintDef {
  code: string;
  accessibleScopes: string[];
  flowTrackingData: FlowTrackingData;
}
export interface ReferenceDef {
  apTrackingData: ApTracking;
  pc: number;
  value: string;
}
export interface Location {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
  filename: string;
  /** Where a reference was expanded from, with the message cairo-lang prints. */
  parent?: { location: Location; message: string };
}
export interface InstructionLocation {
  inst: Location;
  hints: ({ location: Location; nPrefixNewlines: number } | null)[];
  accessibleScopes: string[];
  flowTrackingData: FlowTrackingData | undefined;
}
export interface DebugInfo {
  instructionLocations: Map<number, InstructionLocation>;
  fileContents: Record<string, string>;
  /** Pcs where a line's code goes on after a branch of its own (a Cairo 1 executable's): a line breakpoint does not stop there again. */
  reentered?: ReadonlySet<number>;
}
export interface Attribute {
  name: string;
  value: string;
  startPc: number;
  endPc: number;
  accessibleScopes: string[];
  flowTrackingData: FlowTrackingData | undefined;
}
export interface MemberDef {
  cairoType: string;
  offset: number;
}
export type Identifier =
  | { type: 'function'; pc: number; decorators: string[] }
  | { type: 'label'; pc: number }
  | { type: 'const'; value: bigint }
  | { type: 'struct'; fullName: string; members: Record<string, MemberDef>; size: number }
  | { type: 'type_definition'; cairoType: string }
  | { type: 'alias'; destination: string }
  | { type: 'reference'; fullName: string; cairoType: string; references: ReferenceDef[] }
  | { type: 'member'; cairoType: string; offset: number }
  | { type: 'namespace' }
  | { type: 'other'; raw: string };

export interface Program {
  prime: bigint;
  data: Felt[];
  builtins: string[];
  /** Hints by pc. */
  hints: Map<number, HintDef[]>;
  identifiers: Map<string, Identifier>;
  references: ReferenceDef[];
  attributes: Attribute[];
  debugInfo: DebugInfo | undefined;
  mainScope: string;
  compilerVersion: string | undefined;
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

// The JSON has passed validateProgramJson: the conversions below need no checks of their own.

function parseApTracking(j: Json): ApTracking {
  return { group: j.group, offset: j.offset };
}

function parseFlow(j: Json): FlowTrackingData {
  return { apTracking: parseApTracking(j.ap_tracking), referenceIds: j.reference_ids ?? {} };
}

function parseLocation(j: Json): Location {
  const loc: Location = {
    startLine: j.start_line,
    startCol: j.start_col,
    endLine: j.end_line,
    endCol: j.end_col,
    filename: j.input_file?.filename ?? '',
  };
  if (Array.isArray(j.parent_location)) {
    loc.parent = { location: parseLocation(j.parent_location[0]), message: j.parent_location[1] };
  }
  return loc;
}

function parseReference(r: Json): ReferenceDef {
  return { apTrackingData: parseApTracking(r.ap_tracking_data), pc: r.pc, value: r.value };
}

function parseIdentifier(j: Json): Identifier {
  switch (j.type) {
    case 'function':
      return { type: 'function', pc: j.pc, decorators: j.decorators ?? [] };
    case 'label':
      return { type: 'label', pc: j.pc };
    case 'const':
      return { type: 'const', value: BigInt(j.value) };
    case 'struct': {
      const members: Record<string, MemberDef> = {};
      for (const [k, m] of Object.entries<Json>(j.members ?? {})) members[k] = { cairoType: m.cairo_type, offset: m.offset };
      return { type: 'struct', fullName: j.full_name, members, size: j.size };
    }
    case 'type_definition':
      return { type: 'type_definition', cairoType: j.cairo_type };
    case 'alias':
      return { type: 'alias', destination: j.destination };
    case 'reference':
      return { type: 'reference', fullName: j.full_name, cairoType: j.cairo_type, references: (j.references ?? []).map(parseReference) };
    case 'member':
      return { type: 'member', cairoType: j.cairo_type, offset: j.offset };
    case 'namespace':
      return { type: 'namespace' };
    default:
      return { type: 'other', raw: j.type };
  }
}

/** Parses and checks a program's JSON text. Throws ProgramError with what is wrong. */
export function parseProgram(text: string): Program {
  let j: Json;
  try {
    // JSON numbers are doubles: keep big constants (`"value": 1063...`) exact by reading them as text.
    j = JSON.parse(text.replace(/("value":\s*)(-?\d{16,})/g, '$1"$2"'));
  } catch (e) {
    throw new ProgramError(`Invalid program: the file is not valid JSON (${(e as Error).message}).`);
  }
  validateProgramJson(j);
  const prime = BigInt(j.prime);
  const data: Felt[] = j.data.map((d: string) => parseFelt(d));
  const builtins: string[] = j.builtins ?? [];

  const hints = new Map<number, HintDef[]>();
  for (const [pc, list] of Object.entries<Json>(j.hints ?? {})) {
    hints.set(Number(pc), list.map((h: Json) => ({ code: h.code, accessibleScopes: h.accessible_scopes ?? [], flowTrackingData: parseFlow(h.flow_tracking_data) })));
  }

  const identifiers = new Map<string, Identifier>();
  for (const [name, id] of Object.entries<Json>(j.identifiers ?? {})) identifiers.set(name, parseIdentifier(id));

  const references: ReferenceDef[] = (j.reference_manager?.references ?? []).map(parseReference);

  const attributes: Attribute[] = (j.attributes ?? []).map((a: Json) => ({
    name: a.name,
    value: a.value,
    startPc: a.start_pc,
    endPc: a.end_pc,
    accessibleScopes: a.accessible_scopes ?? [],
    flowTrackingData: a.flow_tracking_data ? parseFlow(a.flow_tracking_data) : undefined,
  }));

  let debugInfo: DebugInfo | undefined;
  if (j.debug_info) {
    const locs = new Map<number, InstructionLocation>();
    for (const [pc, l] of Object.entries<Json>(j.debug_info.instruction_locations ?? {})) {
      locs.set(Number(pc), {
        inst: parseLocation(l.inst),
        hints: (l.hints ?? []).map((h: Json) => (h ? { location: parseLocation(h.location), nPrefixNewlines: h.n_prefix_newlines ?? 0 } : null)),
        accessibleScopes: l.accessible_scopes ?? [],
        flowTrackingData: l.flow_tracking_data ? parseFlow(l.flow_tracking_data) : undefined,
      });
    }
    debugInfo = { instructionLocations: locs, fileContents: j.debug_info.file_contents ?? {} };
  }

  return {
    prime,
    data,
    builtins,
    hints,
    identifiers,
    references,
    attributes,
    debugInfo,
    mainScope: j.main_scope ?? '__main__',
    compilerVersion: j.compiler_version ?? undefined,
  };
}

/** Follows aliases to the identifier a name stands for. */
export function resolveIdentifier(program: Program, name: string): { name: string; id: Identifier } | undefined {
  for (let i = 0; i < 20; i++) {
    const id = program.identifiers.get(name);
    if (id === undefined) return undefined;
    if (id.type !== 'alias') return { name, id };
    name = id.destination;
  }
  return undefined;
}

/** The pc of a function or label, by full name (for example `__main__.main`). */
export function labelPc(program: Program, name: string): number | undefined {
  const r = resolveIdentifier(program, name);
  if (r && (r.id.type === 'function' || r.id.type === 'label')) return r.id.pc;
  return undefined;
}
