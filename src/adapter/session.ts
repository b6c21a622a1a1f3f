// The Debug Adapter Protocol session: turns DAP requests into calls on src/debug and its
// answers and run events back into DAP. No VM internals here (src/debug owns them).
import { basename } from 'node:path';
import {
  LoggingDebugSession,
  InitializedEvent,
  StoppedEvent,
  OutputEvent,
  TerminatedEvent,
  ExitedEvent,
  BreakpointEvent,
  Handles,
  Source,
  Thread,
  Scope,
} from '@vscode/debugadapter';
import { DebugProtocol } from '@vscode/debugprotocol';
import { DebugRun, LaunchOptions, LaunchError, RunListener, StopReason } from '../debug/run';
import { Breakpoint } from '../debug/breakpoints';
import { Children, VarNode, typedNode, formatValue, parseMemoryReference } from '../debug/values';
import { localNodes, registerNodes, hintScopeNodes, memoryNodes } from '../debug/scopes';
import { listProgram, ListedInstruction } from '../debug/disassemble';
import { shortName } from '../debug/source-map';

export interface CairnLaunchArguments extends DebugProtocol.LaunchRequestArguments, LaunchOptions {
  stopOnEntry?: boolean;
}

type Container = { scope: 'locals' | 'registers' | 'hints' | 'memory'; frame: number } | { children: Children };

const THREAD = 1;
const VM_ERRORS = 'vmError';
/** Bytes per cell in readMemory: a felt is 32 bytes, big-endian. */
const CELL_BYTES = 32;

export class CairnSession extends LoggingDebugSession {
  private run: DebugRun | undefined;
  private args: CairnLaunchArguments | undefined;
  private configured = false;
  private configuredWaiters: (() => void)[] = [];
  private handles = new Handles<Container>();
  private listed = new Map<number, VarNode[]>();
  private sources = new Handles<string>();
  private listing: ListedInstruction[] | undefined;
  /** Requests as sent, so a restart re-applies them to the new run. */
  private lineRequests = new Map<string, DebugProtocol.SetBreakpointsArguments>();
  private functionRequest: DebugProtocol.SetFunctionBreakpointsArguments | undefined;
  private instructionRequest: DebugProtocol.SetInstructionBreakpointsArguments | undefined;
  private exceptionsOn = true;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    // A malformed message must not crash the adapter: say so and go on.
    this.on('error', (e: { body?: unknown }) => {
      this.sendEvent(new OutputEvent(`Cairn: ignored a bad protocol message (${String(e?.body ?? e)}).\n`, 'stderr'));
    });
  }

  /** Runs a handler; any error becomes an error response with a plain message. */
  private async handle<T extends DebugProtocol.Response>(response: T, body: () => unknown | Promise<unknown>): Promise<void> {
    try {
      await body();
      this.sendResponse(response);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.sendErrorResponse(response, { id: 1, format: message.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')), showUser: true });
    }
  }

  private need(): DebugRun {
    if (this.run === undefined) throw new Error('No program is being debugged: send "launch" first.');
    return this.run;
  }

  // ---- lifecycle -----------------------------------------------------------------------

  protected override initializeRequest(response: DebugProtocol.InitializeResponse): void {
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsStepBack: true,
      supportsSetVariable: true,
      supportsRestartRequest: true,
      supportsExceptionInfoRequest: true,
      supportsReadMemoryRequest: true,
      supportsDisassembleRequest: true,
      supportsSteppingGranularity: true,
      supportsInstructionBreakpoints: true,
      supportsTerminateRequest: true,
      supportsBreakpointLocationsRequest: true,
      supportsDelayedStackTraceLoading: true,
      exceptionBreakpointFilters: [{ filter: VM_ERRORS, label: 'VM errors', description: 'Stop where the Cairo VM fails (assert, hint error, step limit).', default: true }],
    };
    this.sendResponse(response);
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.configured = true;
    for (const w of this.configuredWaiters.splice(0)) w();
    this.sendResponse(response);
  }

  private waitConfigured(ms: number): Promise<void> {
    if (this.configured) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.configuredWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  protected override async launchRequest(response: DebugProtocol.LaunchResponse, args: CairnLaunchArguments): Promise<void> {
    if (this.run !== undefined) {
      this.sendErrorResponse(response, { id: 2, format: 'A program is already being debugged in this session.', showUser: true });
      return;
    }
    try {
      args = (args ?? {}) as CairnLaunchArguments;
      this.args = args;
      this.run = this.newRun(args);
    } catch (e) {
      const msg = e instanceof LaunchError ? e.message : `Cannot launch: ${(e as Error).message}`;
      this.sendEvent(new OutputEvent(msg + '\n', 'stderr'));
      this.sendErrorResponse(response, { id: 3, format: msg.replace(/[{}]/g, ''), showUser: true });
      return;
    }
    this.sendEvent(new InitializedEvent());
    await this.waitConfigured(10_000);
    this.sendResponse(response);
    this.run.start(args.stopOnEntry === true);
  }

  private newRun(args: CairnLaunchArguments): DebugRun {
    const listener: RunListener = {
      stopped: (reason, detail) => this.stopped(reason, detail),
      output: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      ended: (code) => {
        this.sendEvent(new ExitedEvent(code));
        this.sendEvent(new TerminatedEvent());
      },
    };
    const run = new DebugRun(args, listener);
    run.exceptionBreakpoints = this.exceptionsOn;
    this.listing = undefined;
    const missing = run.sourceMap.files.filter((f, i) => run.sourceMap.paths[i] === undefined && !f.startsWith('starkware/'));
    let text = `Cairn: ${args.program} (layout ${run.layout}, ${run.program.data.length} words of code).\n`;
    if (missing.length) text += `Source files not found (set sourceRoot or cairoPath): ${missing.join(', ')}\n`;
    this.sendEvent(new OutputEvent(text, 'console'));
    return run;
  }

  private stopped(reason: StopReason, detail: { text?: string; breakpointIds?: number[] }): void {
    this.handles.reset();
    this.listed.clear();
    const e = new StoppedEvent(reason, THREAD, detail.text) as DebugProtocol.StoppedEvent;
    e.body.allThreadsStopped = true;
    if (detail.breakpointIds) e.body.hitBreakpointIds = detail.breakpointIds;
    if (detail.text) e.body.description = detail.text;
    this.sendEvent(e);
  }

  protected override async restartRequest(response: DebugProtocol.RestartResponse): Promise<void> {
    await this.handle(response, () => {
      const args = this.args;
      if (args === undefined) throw new Error('Nothing to restart: the session was never launched.');
      this.run?.dispose();
      this.run = this.newRun(args);
      for (const req of this.lineRequests.values()) this.applyLineBreakpoints(req);
      if (this.functionRequest) this.applyFunctionBreakpoints(this.functionRequest);
      if (this.instructionRequest) this.applyInstructionBreakpoints(this.instructionRequest);
    });
    this.run?.start(this.args?.stopOnEntry === true);
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
    this.run?.dispose();
    super.disconnectRequest(response, args);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.run?.dispose();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  // ---- breakpoints ---------------------------------------------------------------------

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    void this.handle(response, () => {
      const key = args.source.path ?? args.source.name ?? '';
      this.lineRequests.set(key, args);
      response.body = { breakpoints: this.applyLineBreakpoints(args) };
    });
  }

  private applyLineBreakpoints(args: DebugProtocol.SetBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    const run = this.run;
    const key = args.source.path ?? args.source.name ?? '';
    if (run === undefined) return requested.map((b) => ({ verified: false, line: b.line, message: 'The program is not loaded yet.' }));
    const file = run.sourceMap.fileForPath(key);
    const table: Breakpoint[] = [];
    const out = requested.map((b): DebugProtocol.Breakpoint => {
      const line = this.convertClientLineToDebugger(b.line);
      if (file === undefined) return { verified: false, line: b.line, message: `${basename(key)} is not part of this program (its debug_info does not name it).` };
      const hit = run.sourceMap.resolveLine(file, line);
      if (hit === undefined) return { verified: false, line: b.line, message: `No code at or after line ${line} of ${basename(key)}.` };
      const id = run.breakpoints.newId();
      for (const pc of hit.pcs) {
        table.push({ id, kind: 'line', pc, condition: b.condition, hitCondition: b.hitCondition, logMessage: b.logMessage, hits: 0 });
      }
      return { id, verified: true, line: this.convertDebuggerLineToClient(hit.line), source: args.source };
    });
    run.breakpoints.setGroup(`line:${file ?? key}`, table);
    return out;
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    void this.handle(response, () => {
      this.functionRequest = args;
      response.body = { breakpoints: this.applyFunctionBreakpoints(args) };
    });
  }

  private applyFunctionBreakpoints(args: DebugProtocol.SetFunctionBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const run = this.need();
    const table: Breakpoint[] = [];
    const out = args.breakpoints.map((b): DebugProtocol.Breakpoint => {
      const fn = run.sourceMap.functionPc(b.name.trim());
      if (fn === undefined) return { verified: false, message: `No Cairo function named "${b.name}" (or the name is ambiguous: use its full name).` };
      const id = run.breakpoints.newId();
      table.push({ id, kind: 'function', pc: fn.pc, condition: b.condition, hitCondition: b.hitCondition, hits: 0 });
      return { id, verified: true, ...this.where(fn.pc) };
    });
    run.breakpoints.setGroup('function', table);
    return out;
  }

  protected override setInstructionBreakpointsRequest(response: DebugProtocol.SetInstructionBreakpointsResponse, args: DebugProtocol.SetInstructionBreakpointsArguments): void {
    void this.handle(response, () => {
      this.instructionRequest = args;
      response.body = { breakpoints: this.applyInstructionBreakpoints(args) };
    });
  }

  private applyInstructionBreakpoints(args: DebugProtocol.SetInstructionBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const run = this.need();
    const starts = new Set(this.programListing().map((i) => i.pc));
    const table: Breakpoint[] = [];
    const out = args.breakpoints.map((b): DebugProtocol.Breakpoint => {
      const base = parseMemoryReference(b.instructionReference);
      if (base === undefined || base.segment !== 0) return { verified: false, message: `"${b.instructionReference}" is not a pc of the program segment.` };
      const pc = base.offset + (b.offset ?? 0);
      if (!starts.has(pc)) return { verified: false, message: `pc ${pc} is not the start of an instruction.` };
      const id = run.breakpoints.newId();
      table.push({ id, kind: 'instruction', pc, condition: b.condition, hitCondition: b.hitCondition, hits: 0 });
      return { id, verified: true, instructionReference: '0x' + pc.toString(16), ...this.where(pc) };
    });
    run.breakpoints.setGroup('instruction', table);
    return out;
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    this.exceptionsOn = args.filters.includes(VM_ERRORS) || (args.filterOptions ?? []).some((f) => f.filterId === VM_ERRORS);
    if (this.run) this.run.exceptionBreakpoints = this.exceptionsOn;
    this.sendResponse(response);
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const file = run.sourceMap.fileForPath(args.source.path ?? args.source.name ?? '');
      const from = this.convertClientLineToDebugger(args.line);
      const to = this.convertClientLineToDebugger(args.endLine ?? args.line);
      const lines = file === undefined ? [] : run.sourceMap.linesWithCode(file, from, to);
      response.body = { breakpoints: lines.map((l) => ({ line: this.convertDebuggerLineToClient(l) })) };
    });
  }

  /** Source and line of a pc, for breakpoints and disassembly. */
  private where(pc: number): { source?: Source; line?: number; column?: number; endLine?: number; endColumn?: number } {
    const run = this.need();
    const loc = run.sourceMap.location(pc)?.inst;
    const at = run.sourceMap.lineOf(pc);
    if (loc === undefined || at === undefined) return {};
    return {
      source: this.sourceOf(at.file),
      line: this.convertDebuggerLineToClient(loc.startLine),
      column: this.convertDebuggerColumnToClient(loc.startCol),
      endLine: this.convertDebuggerLineToClient(loc.endLine),
      endColumn: this.convertDebuggerColumnToClient(loc.endCol),
    };
  }

  private sourceOf(file: number): Source {
    const run = this.need();
    const name = run.sourceMap.files[file];
    const path = run.sourceMap.paths[file];
    const library = run.sourceMap.isLibrary(file);
    const s = path !== undefined ? new Source(basename(path), path) : new Source(basename(name), undefined, this.sources.create(name));
    const dap = s as DebugProtocol.Source;
    if (library) dap.presentationHint = 'deemphasize';
    if (path === undefined) dap.origin = `${name} (not found: add its folder to cairoPath)`;
    return s;
  }

  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const name = this.sources.get(args.source?.sourceReference ?? args.sourceReference);
      if (name === undefined) throw new Error('Unknown source reference.');
      const embedded = run.program.debugInfo?.fileContents[name];
      response.body = {
        content: embedded ?? `// ${name} was not found.\n// Add the folder that holds it (for example a cairo-lang checkout) to "cairoPath" in the launch configuration.\n`,
      };
    });
  }

  // ---- run control ---------------------------------------------------------------------

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD, 'Cairo VM')] };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.control(response, (run) => run.continue());
    response.body = { allThreadsContinued: true };
  }
  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.control(response, (run) => run.next(args.granularity === 'instruction' ? 'instruction' : 'line'));
  }
  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.control(response, (run) => run.stepIn(args.granularity === 'instruction' ? 'instruction' : 'line'));
  }
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.control(response, (run) => run.stepOut());
  }
  protected override stepBackRequest(response: DebugProtocol.StepBackResponse, args: DebugProtocol.StepBackArguments): void {
    this.control(response, (run) => run.stepBack(args.granularity === 'instruction' ? 'instruction' : 'line'));
  }
  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.control(response, (run) => run.reverseContinue());
  }
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    void this.handle(response, () => this.need().pause());
  }

  /** Answers at once, then runs: the stop comes later as an event. */
  private control(response: DebugProtocol.Response, action: (run: DebugRun) => unknown): void {
    const run = this.run;
    if (run === undefined) return void this.handle(response, () => this.need());
    if (run.running) return void this.handle(response, () => { throw new Error('The program is running: pause it first.'); });
    if (run.finished) return void this.handle(response, () => { throw new Error('The run has ended.'); });
    this.handles.reset();
    this.listed.clear();
    this.sendResponse(response);
    setImmediate(() => {
      Promise.resolve()
        .then(() => action(run))
        .catch((e) => this.sendEvent(new OutputEvent(`${(e as Error).message}\n`, 'stderr')));
    });
  }

  // ---- state ---------------------------------------------------------------------------

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const frames = run.frames();
      const start = args.startFrame ?? 0;
      const end = args.levels ? Math.min(frames.length, start + args.levels) : frames.length;
      const out: DebugProtocol.StackFrame[] = [];
      for (let i = start; i < end; i++) {
        const f = frames[i];
        const pc = f.pc;
        const inProgram = pc.segment === 0;
        const fn = inProgram ? run.sourceMap.functionAt(pc.offset) : undefined;
        const name = fn ? shortName(run.program, fn.name) : `<pc ${pc}>`;
        const frame: DebugProtocol.StackFrame = { id: i + 1, name, line: 0, column: 0 };
        if (inProgram) {
          Object.assign(frame, this.where(pc.offset));
          frame.instructionPointerReference = '0x' + pc.offset.toString(16);
          const at = run.sourceMap.lineOf(pc.offset);
          if (at === undefined || run.sourceMap.isLibrary(at.file)) frame.presentationHint = 'subtle';
        }
        out.push(frame);
      }
      response.body = { stackFrames: out, totalFrames: frames.length };
    });
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    void this.handle(response, () => {
      this.need();
      const frame = args.frameId - 1;
      const scope = (name: string, which: 'locals' | 'registers' | 'hints' | 'memory', expensive: boolean, hint?: string) => {
        const s = new Scope(name, this.handles.create({ scope: which, frame }), expensive) as DebugProtocol.Scope;
        if (hint) s.presentationHint = hint;
        return s;
      };
      response.body = {
        scopes: [scope('Locals', 'locals', false, 'locals'), scope('Registers', 'registers', false, 'registers'), scope('Hint scopes', 'hints', false), scope('Memory', 'memory', true)],
      };
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const c = this.handles.get(args.variablesReference);
      if (c === undefined) throw new Error('These variables are no longer available (the program moved on).');
      let nodes: VarNode[];
      if ('scope' in c) {
        switch (c.scope) {
          case 'locals':
            nodes = localNodes(run, c.frame);
            break;
          case 'registers':
            nodes = registerNodes(run, c.frame);
            break;
          case 'hints':
            nodes = hintScopeNodes(run);
            break;
          default:
            nodes = memoryNodes(run);
        }
      } else if (args.filter === 'named' && c.children.indexed !== undefined) nodes = [];
      else nodes = c.children.list(args.start, args.count);
      this.listed.set(args.variablesReference, nodes);
      response.body = { variables: nodes.map((n) => this.variable(n)) };
    });
  }

  private variable(n: VarNode): DebugProtocol.Variable {
    const v: DebugProtocol.Variable = { name: n.name, value: n.value, variablesReference: 0 };
    if (n.type) v.type = n.type;
    if (n.evaluateName) v.evaluateName = n.evaluateName;
    if (n.memoryReference) v.memoryReference = n.memoryReference;
    if (n.children) {
      v.variablesReference = this.handles.create({ children: n.children });
      if (n.children.indexed !== undefined && n.children.indexed > 100) v.indexedVariables = n.children.indexed;
    }
    return v;
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const node = this.listed.get(args.variablesReference)?.find((n) => n.name === args.name);
      if (node === undefined) throw new Error(`No variable "${args.name}" here.`);
      if (node.cell === undefined) throw new Error(`"${args.name}" is not a single memory cell, so it cannot be set.`);
      const v = run.writeCell(node.cell, args.value);
      response.body = { value: formatValue(v) };
    });
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const frame = args.frameId !== undefined ? args.frameId - 1 : 0;
      const env = run.frameEnv(frame);
      const typed = env.evaluateText(args.expression);
      const node = typedNode({ program: run.program, mem: env.mem }, args.expression, typed, args.expression);
      const v = this.variable(node);
      response.body = { result: node.value, type: node.type, variablesReference: v.variablesReference, memoryReference: node.memoryReference, indexedVariables: v.indexedVariables };
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    void this.handle(response, () => {
      const f = this.need().failure;
      if (f === undefined) throw new Error('The program has not failed.');
      response.body = { exceptionId: f.kind, description: f.message, breakMode: 'always', details: { message: f.message, stackTrace: f.text } };
    });
  }

  // ---- memory and code -----------------------------------------------------------------

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const base = parseMemoryReference(args.memoryReference);
      if (base === undefined) throw new Error(`"${args.memoryReference}" is not a memory reference (segment:offset).`);
      const mem = run.memory();
      const first = (args.offset ?? 0) + base.offset * CELL_BYTES;
      if (first < 0) throw new Error('readMemory before the start of the segment.');
      const count = Math.max(0, Math.min(args.count, 1 << 20));
      const bytes = Buffer.alloc(count);
      for (let i = 0; i < count; ) {
        const cell = Math.floor((first + i) / CELL_BYTES);
        const v = mem.get(base.segment, cell);
        const word = cellBytes(v);
        for (let b = (first + i) % CELL_BYTES; b < CELL_BYTES && i < count; b++, i++) bytes[i] = word[b];
      }
      response.body = { address: `${base.segment}:${Math.floor(first / CELL_BYTES)}`, data: bytes.toString('base64') };
    });
  }

  private programListing(): ListedInstruction[] {
    return (this.listing ??= listProgram(this.need().program.data));
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments): void {
    void this.handle(response, () => {
      const run = this.need();
      const base = parseMemoryReference(args.memoryReference);
      if (base === undefined || base.segment !== 0) throw new Error(`"${args.memoryReference}" is not an address of the program segment.`);
      const list = this.programListing();
      const pc = base.offset + (args.offset ?? 0);
      let idx = list.findIndex((i) => i.pc + i.size > pc);
      if (idx < 0) idx = list.length;
      const from = idx + (args.instructionOffset ?? 0);
      const out: DebugProtocol.DisassembledInstruction[] = [];
      for (let i = Math.max(0, from); i < Math.min(list.length, from + args.instructionCount); i++) {
        const ins = list[i];
        const fn = run.sourceMap.functionAt(ins.pc);
        const w = this.where(ins.pc);
        out.push({
          address: '0x' + ins.pc.toString(16),
          instructionBytes: typeof ins.encoding === 'object' ? ins.encoding.toString() : BigInt(ins.encoding).toString(16),
          instruction: ins.text,
          symbol: fn && fn.pc === ins.pc ? shortName(run.program, fn.name) : undefined,
          location: w.source,
          line: w.line,
          column: w.column,
          endLine: w.endLine,
          endColumn: w.endColumn,
        });
      }
      response.body = { instructions: out };
    });
  }
}

/** A cell as 32 big-endian bytes (an address as its offset, with the top byte 0xff marking it). */
function cellBytes(v: unknown): Uint8Array {
  const out = new Uint8Array(CELL_BYTES);
  if (v === undefined) return out;
  let n: bigint;
  if (typeof v === 'object' && v !== null) {
    const r = v as { segment: number; offset: number };
    n = (BigInt(r.segment & 0xffff) << 64n) | BigInt(r.offset);
    out[0] = 0xff;
  } else n = BigInt(v as number | bigint);
  for (let i = CELL_BYTES - 1; i >= 1 && n > 0n; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

export { BreakpointEvent };
