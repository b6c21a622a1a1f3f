// --debug_info_file: the program's debug info with each instruction location keyed by its
// relocated pc, as cairo-run's get_relocated_debug_info dumps it (DebugInfo's schema order,
// Python's json.dump separators).
import type { CairoRunner } from './cairo-runner';
import { programSource } from './load-program';
import { pyJson } from './py-json';
import { ProgramError } from '../vm/errors';

type Json = Record<string, unknown>;

function location(l: Json): Json {
  const out: Json = {
    start_line: l.start_line, start_col: l.start_col, end_line: l.end_line, end_col: l.end_col,
    input_file: { filename: (l.input_file as Json | undefined)?.filename ?? null },
  };
  const parent = l.parent_location as [Json, string] | null | undefined;
  if (parent) out.parent_location = [location(parent[0]), parent[1]];
  return out;
}

function instructionLocation(e: Json): Json {
  const flow = e.flow_tracking_data as Json | null | undefined;
  const ap = (flow?.ap_tracking ?? {}) as Json;
  return {
    inst: location(e.inst as Json),
    hints: ((e.hints as (Json | null)[] | undefined) ?? []).map((h) => (h === null ? null : { location: location(h.location as Json), n_prefix_newlines: h.n_prefix_newlines })),
    accessible_scopes: e.accessible_scopes,
    flow_tracking_data: flow ? { ap_tracking: { group: ap.group, offset: ap.offset }, reference_ids: flow.reference_ids } : null,
  };
}

export function debugInfoFile(runner: CairoRunner): string {
  const text = programSource(runner.program);
  if (text === undefined) throw new ProgramError('--debug_info_file needs the program file it was loaded from.');
  const info = (JSON.parse(text) as Json).debug_info as Json | null;
  const locations: Json = {};
  const base = runner.relocateValue(runner.programBase) as number;
  for (const [pc, e] of Object.entries((info?.instruction_locations ?? {}) as Json)) {
    locations[String(base + Number(pc))] = instructionLocation(e as Json);
  }
  return pyJson({ instruction_locations: locations, file_contents: info?.file_contents ?? {} });
}
