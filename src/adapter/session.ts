// The Debug Adapter Protocol session: a translation of DAP requests into calls on the debugger
// (src/debug/debugger.ts, the session's side of the front) and of its runtime shapes and events
// back into DAP. Protocol bookkeeping only: line and column bases, source handles, waiting for
// configurationDone, answering before the run moves.
import { basename } from 'node:path';
import {
  LoggingDebugSession,
  Response,
  InitializedEvent,
  StoppedEvent,
  OutputEvent,
  BreakpointEvent,
  TerminatedEvent,
  ExitedEvent,
  ContinuedEvent,
  Handles,
  Source,
  Thread,
  Scope,
} from '@vscode/debugadapter';
import { DebugProtocol } from '@vscode/debugprotocol';
import { FrontEvents, Granularity, Place, SourceFile, StopReason, RunControl, RuntimeBreakpoint } from '../debug/front';
import { Debugger } from '../debug/debugger';
import { FrontLaunch, OpenError } from '../debug/open';
import { ShownVariable } from '../debug/variable-refs';
import { checkRequest, THREAD } from './arguments';

export interface CairnLaunchArguments extends DebugProtocol.LaunchRequestArguments, FrontLaunch {}

const VM_ERRORS = 'vmError';

export class CairnSession extends LoggingDebugSession {
  private readonly dbg = new Debugger(this.frontEvents());
  private configured = false;
  private configuredWaiters: (() => void)[] = [];
  private sources = new Handles<string>();

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
    // A malformed message (not JSON, null, not a request) must not end the session: the base
    // class shuts down on 'error'; say so and go on instead.
    this.removeAllListeners('error');
    this.on('error', (e: { body?: unknown }) => {
      this.sendEvent(new OutputEvent(`Cairn: ignored a bad protocol message (${String(e?.body ?? e)}).\n`, 'stderr'));
    });
  }

  /** Every request is checked first: unsupported ones and bad arguments get an error saying so. */
  protected override dispatchRequest(request: DebugProtocol.Request): void {
    const bad = checkRequest(request?.command, request?.arguments);
    if (bad !== undefined) {
      const response = new Response(request);
      response.command = typeof request?.command === 'string' ? request.command : 'unknown';
      return this.sendErrorResponse(response, { id: 4, format: bad.replace(/[{}]/g, ''), showUser: true });
    }
    request.arguments ??= {};
    if (request.command === 'initialize') (request.arguments as DebugProtocol.InitializeRequestArguments).pathFormat ??= 'path';
    super.dispatchRequest(request);
  }

  /** An error the base class caught in a handler comes back as its message, never its stack. */
  protected override sendErrorResponse(response: DebugProtocol.Response, codeOrMessage: number | DebugProtocol.Message, format?: string, variables?: unknown, dest?: number): void {
    if (typeof codeOrMessage === 'object' && codeOrMessage.variables?._exception !== undefined) {
      codeOrMessage = { id: codeOrMessage.id, format: `Cairn could not answer "${response.command}": ${codeOrMessage.variables._exception}`.replace(/[{}]/g, ''), showUser: true };
    } else if (codeOrMessage === 1104 && typeof variables === 'object' && variables !== null) {
      const v = variables as { _exception?: string };
      codeOrMessage = { id: 1104, format: `Cairn could not answer "${response.command}": ${v._exception ?? 'internal error'}`.replace(/[{}]/g, ''), showUser: true };
    }
    super.sendErrorResponse(response, codeOrMessage as DebugProtocol.Message, format, variables as undefined, dest);
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
      supportsDataBreakpoints: true,
      supportsLoadedSourcesRequest: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['.'],
      supportsValueFormattingOptions: true,
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
    if (this.dbg.opened) {
      this.sendErrorResponse(response, { id: 2, format: 'A program is already being debugged in this session.', showUser: true });
      return;
    }
    args = (args ?? {}) as CairnLaunchArguments;
    if (!this.openWith(() => this.dbg.open(args), response)) return;
    this.sendEvent(new InitializedEvent());
    await this.waitConfigured(10_000);
    this.sendResponse(response);
    this.dbg.start();
  }

  /** Opens a run and shows its banner; false after answering the error that stopped it. */
  private openWith(open: () => string, response: DebugProtocol.Response): boolean {
    let banner: string;
    try {
      banner = open();
    } catch (e) {
      if (e instanceof OpenError) {
        this.sendEvent(new OutputEvent(e.message + '\n', 'stderr'));
        this.sendErrorResponse(response, { id: 3, format: e.message.replace(/[{}]/g, ''), showUser: true });
      } else void this.handle(response, () => { throw e; });
      return false;
    }
    this.sendEvent(new OutputEvent(banner, 'console'));
    return true;
  }

  private frontEvents(): FrontEvents {
    return {
      stopped: (reason, detail) => this.stopped(reason, detail),
      output: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      breakpointChanged: (b) => this.sendEvent(new BreakpointEvent('changed', this.breakpoint(b))),
      ended: (code) => {
        this.sendEvent(new ExitedEvent(code));
        this.sendEvent(new TerminatedEvent());
      },
      // VS Code redraws a stop (the Call Stack's stop text) only after it saw the run go on
      resumed: () => this.sendEvent(new ContinuedEvent(THREAD, true)),
    };
  }

  private stopped(reason: StopReason, detail: { text?: string; breakpointIds?: number[] }): void {
    const e = new StoppedEvent(reason, THREAD, detail.text) as DebugProtocol.StoppedEvent;
    e.body.allThreadsStopped = true;
    if (detail.breakpointIds) e.body.hitBreakpointIds = detail.breakpointIds;
    if (detail.text) e.body.description = detail.text;
    this.sendEvent(e);
  }

  protected override restartRequest(response: DebugProtocol.RestartResponse, restart: DebugProtocol.RestartArguments): void {
    // The spec's restart carries the launch configuration as it is now (it may have been edited).
    if (!this.openWith(() => this.dbg.restart(restart.arguments as CairnLaunchArguments | undefined), response)) return;
    this.sendResponse(response);
    this.dbg.start();
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
    this.dbg.dispose();
    super.disconnectRequest(response, args);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.dbg.dispose();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  // ---- breakpoints ---------------------------------------------------------------------

  /** A runtime breakpoint in DAP's lines. */
  private breakpoint(b: RuntimeBreakpoint): DebugProtocol.Breakpoint {
    return { id: b.id, verified: b.verified, message: b.message, ...this.place(b) };
  }

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    void this.handle(response, () => {
      const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
      const specs = requested.map((b) => ({ ...b, line: this.convertClientLineToDebugger(b.line) }));
      const set = this.dbg.setLines(args.source.path ?? args.source.name ?? '', specs);
      response.body = {
        breakpoints: set.map(({ id, verified, message, line }) => ({
          id,
          verified,
          message,
          line: line === undefined ? undefined : this.convertDebuggerLineToClient(line),
          source: verified ? args.source : undefined,
        })),
      };
    });
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    void this.handle(response, () => {
      response.body = { breakpoints: this.dbg.setFunctions(args.breakpoints).map((b) => this.breakpoint(b)) };
    });
  }

  protected override setInstructionBreakpointsRequest(response: DebugProtocol.SetInstructionBreakpointsResponse, args: DebugProtocol.SetInstructionBreakpointsArguments): void {
    void this.handle(response, () => {
      const specs = args.breakpoints.map((b) => ({ reference: b.instructionReference, offset: b.offset, condition: b.condition, hitCondition: b.hitCondition }));
      const set = this.dbg.setInstructions(specs);
      response.body = { breakpoints: set.map((b) => ({ ...this.breakpoint(b), instructionReference: b.pc })) };
    });
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    void this.handle(response, () => {
      const on = args.filters.includes(VM_ERRORS) || (args.filterOptions ?? []).some((f) => f.filterId === VM_ERRORS);
      this.dbg.setExceptions(on);
    });
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    void this.handle(response, () => {
      const from = this.convertClientLineToDebugger(args.line);
      const to = this.convertClientLineToDebugger(args.endLine ?? args.line);
      const lines = this.dbg.need().breakpoints.locations(args.source.path ?? args.source.name ?? '', from, to);
      response.body = { breakpoints: lines.map((l) => ({ line: this.convertDebuggerLineToClient(l) })) };
    });
  }

  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    void this.handle(response, () => {
      const asAddress = (args as { asAddress?: boolean }).asAddress === true;
      const t = this.dbg.dataTarget({ name: args.name, asAddress, reference: args.variablesReference, frame: (args.frameId ?? 1) - 1 });
      response.body = { dataId: t.dataId ?? null, description: t.description, accessTypes: t.dataId ? ['write'] : undefined, canPersist: false };
    });
  }

  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    void this.handle(response, () => {
      response.body = { breakpoints: this.dbg.setData(args.breakpoints) };
    });
  }

  // ---- sources -------------------------------------------------------------------------

  /** A runtime place as DAP's source, line and columns. */
  private place(p: Partial<Place>): { source?: Source; line?: number; column?: number; endLine?: number; endColumn?: number } {
    if (p.file === undefined || p.line === undefined) return {};
    return {
      source: this.source(p.file),
      line: this.convertDebuggerLineToClient(p.line),
      column: this.convertDebuggerColumnToClient(p.column ?? 1),
      endLine: p.endLine === undefined ? undefined : this.convertDebuggerLineToClient(p.endLine),
      endColumn: p.endColumn === undefined ? undefined : this.convertDebuggerColumnToClient(p.endColumn),
    };
  }

  private source(f: SourceFile): Source {
    const s = f.path !== undefined ? new Source(basename(f.path), f.path) : new Source(basename(f.name), undefined, this.sources.create(f.name));
    const dap = s as DebugProtocol.Source;
    if (f.library) dap.presentationHint = 'deemphasize';
    if (f.path === undefined) dap.origin = `${f.name} (not found: add its folder to cairoPath)`;
    return s;
  }

  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    void this.handle(response, () => {
      const front = this.dbg.need();
      const name = this.sources.get(args.source?.sourceReference ?? args.sourceReference);
      if (name === undefined) throw new Error('Unknown source reference.');
      response.body = { content: front.inspect.sourceText(name) };
    });
  }

  protected override loadedSourcesRequest(response: DebugProtocol.LoadedSourcesResponse): void {
    void this.handle(response, () => {
      response.body = { sources: this.dbg.need().inspect.sources().map((f) => this.source(f)) };
    });
  }

  // ---- run control ---------------------------------------------------------------------

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD, 'Cairo VM')] };
    this.sendResponse(response);
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.control(response, (c) => c.continue());
    response.body = { allThreadsContinued: true };
  }
  protected override nextRequest(response: DebugProtocol.NextResponse, args: DebugProtocol.NextArguments): void {
    this.control(response, (c) => c.next(granularity(args)));
  }
  protected override stepInRequest(response: DebugProtocol.StepInResponse, args: DebugProtocol.StepInArguments): void {
    this.control(response, (c) => c.stepIn(granularity(args)));
  }
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.control(response, (c) => c.stepOut());
  }
  protected override stepBackRequest(response: DebugProtocol.StepBackResponse, args: DebugProtocol.StepBackArguments): void {
    this.control(response, (c) => c.stepBack(granularity(args)));
  }
  protected override reverseContinueRequest(response: DebugProtocol.ReverseContinueResponse): void {
    this.control(response, (c) => c.reverseContinue());
  }
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    void this.handle(response, () => this.dbg.need().control.pause());
  }

  /** Answers at once, then runs: the stop comes later as an event. */
  private control(response: DebugProtocol.Response, action: (c: RunControl) => unknown): void {
    let c: RunControl;
    try {
      c = this.dbg.ready();
    } catch (e) {
      return void this.handle(response, () => { throw e; });
    }
    this.sendResponse(response);
    setImmediate(() => {
      Promise.resolve()
        .then(() => action(c))
        .catch((e) => this.sendEvent(new OutputEvent(`${(e as Error).message}\n`, 'stderr')));
    });
  }

  // ---- state ---------------------------------------------------------------------------

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    void this.handle(response, () => {
      const { frames, total } = this.dbg.need().inspect.frames(args.startFrame ?? 0, args.levels ? args.levels : Number.MAX_SAFE_INTEGER);
      const stackFrames = frames.map((f): DebugProtocol.StackFrame => {
        const frame: DebugProtocol.StackFrame = { id: f.index + 1, name: f.name, line: 0, column: 0, ...this.place(f) };
        if (f.pc !== undefined) frame.instructionPointerReference = f.pc;
        if (f.pc !== undefined && f.library) frame.presentationHint = 'subtle';
        return frame;
      });
      response.body = { stackFrames, totalFrames: total };
    });
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    void this.handle(response, () => {
      response.body = {
        scopes: this.dbg.scopes(args.frameId - 1).map((s) => {
          const scope = new Scope(s.name, s.reference, s.expensive) as DebugProtocol.Scope;
          if (s.kind === 'locals' || s.kind === 'registers') scope.presentationHint = s.kind;
          return scope;
        }),
      };
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    void this.handle(response, () => {
      const shown = this.dbg.variables(args.variablesReference, { start: args.start, count: args.count, namedOnly: args.filter === 'named', hex: args.format?.hex === true });
      response.body = { variables: shown.map(variable) };
    });
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    void this.handle(response, () => {
      response.body = { value: this.dbg.setVariable(args.variablesReference, args.name, args.value) };
    });
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    void this.handle(response, () => {
      const v = this.dbg.evaluate(args.expression, args.frameId !== undefined ? args.frameId - 1 : 0, args.context, args.format?.hex === true);
      response.body = { result: v.value, type: v.type, variablesReference: v.reference, memoryReference: v.memoryReference, indexedVariables: v.indexed };
    });
  }

  /** Cairn's requests: `cairnWhoWrote` answers who wrote a cell (and, with go, moves the run there); `cairnProfile` profiles a fresh run. */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: { target: string; frameId?: number; go?: boolean }): void {
    void this.handle(response, () => {
      if (command === 'cairnProfile') response.body = { fresh: true, profile: this.dbg.profile() };
      else if (command === 'cairnWhoWrote') response.body = this.dbg.whoWrote(args.target, args.frameId !== undefined ? args.frameId - 1 : 0, args.go === true);
      else throw new Error(`Cairn does not support the "${command}" request.`);
    });
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    void this.handle(response, () => {
      const caret = this.convertClientColumnToDebugger(args.column) - 1;
      const c = this.dbg.need().inspect.completions(args.text, caret, (args.frameId ?? 1) - 1);
      response.body = {
        targets: c.items.map((i) => ({ label: i.label, detail: i.detail, type: i.kind, start: this.convertDebuggerColumnToClient(c.start + 1), length: c.length })),
      };
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    void this.handle(response, () => {
      const f = this.dbg.need().inspect.failure();
      if (f === undefined) throw new Error('The program has not failed.');
      response.body = { exceptionId: f.kind, description: f.message, breakMode: 'always', details: { message: f.message, stackTrace: f.text } };
    });
  }

  // ---- memory and code -----------------------------------------------------------------

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    void this.handle(response, () => {
      const r = this.dbg.need().inspect.readMemory(args.memoryReference, args.offset ?? 0, args.count);
      response.body = { address: r.address, data: Buffer.from(r.bytes).toString('base64') };
      if (r.unreadable > 0) response.body.unreadableBytes = r.unreadable;
    });
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments): void {
    void this.handle(response, () => {
      const rows = this.dbg.need().inspect.disassemble(args.memoryReference, args.offset ?? 0, args.instructionOffset ?? 0, args.instructionCount);
      response.body = {
        instructions: rows.map((r): DebugProtocol.DisassembledInstruction => {
          const p = this.place(r);
          return {
            address: r.address,
            instruction: r.text,
            instructionBytes: r.encoding,
            symbol: r.symbol,
            presentationHint: r.invalid ? 'invalid' : undefined,
            location: p.source,
            line: p.line,
            column: p.column,
            endLine: p.endLine,
            endColumn: p.endColumn,
          };
        }),
      };
    });
  }
}

/** A listed value as DAP's variable. */
function variable(v: ShownVariable): DebugProtocol.Variable {
  const out: DebugProtocol.Variable = { name: v.name, value: v.value, variablesReference: v.reference };
  if (v.type) out.type = v.type;
  if (v.evaluateName) out.evaluateName = v.evaluateName;
  if (v.memoryReference) out.memoryReference = v.memoryReference;
  if (v.indexed !== undefined) out.indexedVariables = v.indexed;
  return out;
}

function granularity(args: { granularity?: string } | undefined): Granularity {
  return args?.granularity === 'instruction' ? 'instruction' : 'line';
}
