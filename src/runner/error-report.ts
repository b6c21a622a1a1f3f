// Error reports as cairo-run prints them: `with_attr` messages, the failing location with its
// source line and marks, the Cairo traceback rebuilt from the fp chain, and hint exceptions.
import { Program, Location, Attribute } from '../vm/program';
import { Memory } from '../vm/memory';
import { Relocatable } from '../vm/relocatable';
import { VmException } from '../vm/vm';
import { VmError } from '../vm/errors';
import { isCallInstruction } from '../vm/instruction';
import { evalReference, valueOf, EvalEnv } from '../vm/reference';
import { resolveIdentifier } from '../vm/program';
import { toSigned } from '../vm/felt';
import { HintError } from '../hints/errors';
import { PythonHintError } from '../hints/bridge/session';
import { SourceReader } from './sources';
import { isSimpleReference } from './simple-reference';
import { Ids } from '../hints/ids';
import type { VirtualMachine } from '../vm/vm';

const MAX_TRACEBACK_ENTRIES = 20;

/** (fp, call pc) of each call frame on the fp chain, most recent last. */
export function tracebackEntries(mem: Memory, fp: Relocatable): [Relocatable, Relocatable][] {
  const entries: [Relocatable, Relocatable][] = [];
  for (let i = 0; i < MAX_TRACEBACK_ENTRIES; i++) {
    const savedFp = mem.get(fp.segment, fp.offset - 2);
    if (savedFp !== undefined && typeof savedFp === 'object' && savedFp.equals(fp)) break;
    const retPc = mem.get(fp.segment, fp.offset - 1);
    if (savedFp === undefined || retPc === undefined || typeof savedFp !== 'object' || typeof retPc !== 'object') break;
    fp = savedFp;
    const i0 = mem.get(retPc.segment, retPc.offset - 2);
    const i1 = mem.get(retPc.segment, retPc.offset - 1);
    let callPc: Relocatable;
    if (isCallInstruction(i1, undefined)) callPc = new Relocatable(retPc.segment, retPc.offset - 1);
    else if (isCallInstruction(i0, i1)) callPc = new Relocatable(retPc.segment, retPc.offset - 2);
    else break;
    entries.push([fp, callPc]);
  }
  return entries.reverse();
}

export function locationMarks(content: string, loc: Location): string {
  const lines = content.split(/\r?\n/);
  if (!(loc.startLine - 1 >= 0 && loc.startLine - 1 < lines.length)) return '';
  const line = lines[loc.startLine - 1];
  const endCol = loc.startLine === loc.endLine ? loc.endCol : line.length + 1;
  let res = line + '\n';
  if (endCol > loc.startCol + 1) res += ' '.repeat(loc.startCol - 1) + '^' + '*'.repeat(endCol - loc.startCol - 2) + '^';
  else res += ' '.repeat(loc.startCol - 1) + '^';
  return res;
}

export function locationToString(loc: Location, message: string): string {
  return `${loc.filename}:${loc.startLine}:${loc.startCol}${message ? ': ' + message : ''}`;
}

export class ErrorReporter {
  constructor(
    private readonly program: Program,
    private readonly mem: Memory,
    private readonly sources: SourceReader,
    /** The run's VM, at the failing hint's registers: finds which `ids.x = ...` line failed. */
    private readonly vm?: VirtualMachine,
  ) {}

  withContent(loc: Location, message: string): string {
    const first = locationToString(loc, message);
    const text = this.sources.read(loc.filename);
    if (text === undefined) return first;
    return first + '\n' + locationMarks(text, loc);
  }

  /** "Error message: ..." lines of the with_attr scopes around pc. */
  errorAttrValue(pc: Relocatable, fp: Relocatable): string {
    if (pc.segment !== 0) return '';
    let out = '';
    for (const a of this.program.attributes) {
      if (a.name !== 'error_message' || !(a.startPc <= pc.offset && pc.offset < a.endPc)) continue;
      out += `Error message: ${this.substitute(a, fp)}\n`;
    }
    return out;
  }

  private substitute(a: Attribute, fp: Relocatable): string {
    if (a.flowTrackingData === undefined) return a.value;
    const invalid: string[] = [];
    const env: EvalEnv = { mem: this.mem, program: this.program, fp, ap: undefined, lookup: () => undefined };
    const text = a.value.replace(/{([a-zA-Z_0-9.]+)}/g, (whole, name: string) => {
      try {
        let full: string | undefined;
        for (let i = a.accessibleScopes.length - 1; i >= 0 && full === undefined; i--) {
          const r = resolveIdentifier(this.program, `${a.accessibleScopes[i]}.${name}`);
          if (r !== undefined) full = r.name;
        }
        const refId = full === undefined ? undefined : a.flowTrackingData!.referenceIds[full];
        if (refId === undefined) throw new Error('unknown');
        // As cairo-run: only simple references are shown (is_simple_reference).
        if (!isSimpleReference(this.program.references[refId].value)) throw new Error('complex');
        const v = valueOf(env, evalReference(env, this.program.references[refId], undefined));
        return typeof v === 'object' ? v.toString() : toSigned(v).toString();
      } catch {
        invalid.push(name);
        return whole;
      }
    });
    return invalid.length ? `${text} (Cannot evaluate ap-based or complex references: [${invalid.map((n) => `'${n}'`).join(', ')}])` : text;
  }

  traceback(fp: Relocatable): string | undefined {
    let out = '';
    for (const [frameFp, callPc] of tracebackEntries(this.mem, fp)) {
      out += this.errorAttrValue(callPc, frameFp);
      const loc = callPc.segment === 0 ? this.program.debugInfo?.instructionLocations.get(callPc.offset) : undefined;
      if (loc === undefined) {
        out += `Unknown location (pc=${callPc})\n`;
        continue;
      }
      out += this.withContent(loc.inst, `(pc=${callPc})`) + '\n';
    }
    return out === '' ? undefined : 'Cairo traceback (most recent call last):\n' + out;
  }

  /** The full report of a VM exception, as cairo-run prints it to stderr. */
  format(e: VmException): string {
    const inner = e.inner;
    const isHint = e.hintIndex !== undefined;
    const withTraceback = !(inner instanceof VmError && (inner.kind === 'StepLimit' || inner.kind === 'EndOfProgram'));
    let res = this.errorAttrValue(e.pc, e.fp);
    const instLoc = e.pc.segment === 0 ? this.program.debugInfo?.instructionLocations.get(e.pc.offset) : undefined;
    let location: Location | undefined = instLoc?.inst;
    if (isHint && instLoc) location = instLoc.hints[e.hintIndex!]?.location ?? location;
    const message = `Error at pc=${e.pc}:\n${isHint && !(inner instanceof VmError && inner.kind === 'UnknownHint') ? 'Got an exception while executing a hint.' : inner.message}`;
    if (location === undefined) res += message + '\n';
    else {
      let locStr = '';
      let loc: Location | undefined = location;
      let msg = message;
      while (loc !== undefined) {
        locStr = this.withContent(loc, msg) + '\n' + locStr;
        msg = loc.parent?.message ?? '';
        loc = loc.parent?.location;
      }
      res += locStr;
    }
    if (withTraceback) {
      const tb = this.traceback(e.fp);
      if (tb !== undefined) res += tb + '\n';
    }
    if (isHint && !(inner instanceof VmError && inner.kind === 'UnknownHint')) res += this.hintNote(e) + '\n';
    return res.trimEnd();
  }

  /** The Python-style exception note of a failed hint. */
  private hintNote(e: VmException): string {
    const inner = e.inner;
    if (inner instanceof PythonHintError) return inner.traceback.trimEnd();
    const type = inner instanceof HintError ? inner.pyType : inner instanceof VmError ? vmErrorPyType(inner) : 'Exception';
    let note = 'Traceback (most recent call last):\n';
    const codeLine = inner instanceof HintError ? inner.codeLine ?? this.nameErrorLine(e) : this.failedWriteLine(e);
    if (codeLine !== undefined && e.pc.segment === 0) {
      const hintLoc = this.program.debugInfo?.instructionLocations.get(e.pc.offset)?.hints[e.hintIndex!];
      const code = this.program.hints.get(e.pc.offset)?.[e.hintIndex!]?.code ?? '';
      const idx = code.split('\n').findIndex((l) => l.trim() === codeLine.trim());
      if (hintLoc && idx >= 0) {
        const line = idx + 1 + hintLoc.location.startLine + hintLoc.nPrefixNewlines - 1;
        const file = hintLoc.location.filename;
        note += `  File "${file}", line ${line}, in <module>\n`;
        // Python's traceback shows that line of the file as linecache finds it: the program's
        // own files where they are, cairo-lang's library on its sys.path (Cairn does not ship it,
        // but a library hint's line is the hint's own code line).
        const text = this.sources.read(file);
        const shown = text !== undefined ? text.split(/\r?\n/)[line - 1]?.trim() : file.startsWith('starkware/') ? codeLine.trim() : undefined;
        if (shown) note += `    ${shown}\n`;
      }
    }
    return note + (inner.message ? `${type}: ${inner.message}` : type);
  }

  /** A NameError's line: the first line of the hint that names the missing name (where Python evaluates it). */
  private nameErrorLine(e: VmException): string | undefined {
    const inner = e.inner as HintError;
    const name = inner.pyType === 'NameError' ? /^name '(\w+)' is not defined$/.exec(inner.message)?.[1] : undefined;
    const code = name === undefined || e.pc.segment !== 0 ? undefined : this.program.hints.get(e.pc.offset)?.[e.hintIndex!]?.code;
    return code?.split('\n').find((l) => new RegExp(`\\b${name}\\b`).test(l));
  }

  /**
   * A memory conflict from a hint's write: the first `ids.NAME = ...` line of the hint whose
   * target is the conflicting address (the line Python's traceback names).
   */
  private failedWriteLine(e: VmException): string | undefined {
    const inner = e.inner;
    if (!(inner instanceof VmError && inner.kind === 'InconsistentMemory') || this.vm === undefined || e.pc.segment !== 0) return undefined;
    const at = /at address (-?\d+):(\d+)\./.exec(inner.message);
    const def = this.program.hints.get(e.pc.offset)?.[e.hintIndex!];
    if (at === null || def === undefined) return undefined;
    const ids = new Ids(this.vm, this.program, def);
    for (const line of def.code.split('\n')) {
      const m = /^\s*ids\.([A-Za-z_][\w.]*)\s*=(?!=)/.exec(line);
      if (m === null) continue;
      try {
        const addr = ids.addr(m[1]);
        if (addr.segment === Number(at[1]) && addr.offset === Number(at[2])) return line;
      } catch {
        // a name this line cannot resolve: not the one
      }
    }
    return undefined;
  }
}

function vmErrorPyType(e: VmError): string {
  switch (e.kind) {
    case 'InconsistentMemory':
      return 'starkware.cairo.lang.vm.memory_dict.InconsistentMemoryError';
    case 'UnknownMemory':
      return 'starkware.cairo.lang.vm.memory_dict.UnknownMemoryError';
    case 'DivisionByZero':
      return 'ZeroDivisionError';
    default:
      return 'Exception';
  }
}

