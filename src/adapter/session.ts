// The Debug Adapter Protocol session: a translation of DAP requests into calls on the debugger's
// front (src/debug/front.ts) and of its runtime shapes and events back into DAP. Protocol
// bookkeeping only: variable and source handles, waiting for configurationDone, requests kept
// for a restart.
import { basename } from 'node:path';
import {
  LoggingDebugSession,
  Response,
  InitializedEvent,
  StoppedEvent,
  OutputEvent,
  TerminatedEvent,
  ExitedEvent,
  Handles,
  Source,
  Thread,
  Scope,
} from '@vscode/debugadapter';
import { DebugProtocol } from '@vscode/debugprotocol';
import { DebugFront, FrontEvents, Granularity, Place, ScopeKind, SourceFile, StopReason, RunControl } from '../debug/front';
import { LiveRun, LaunchError } from '../debug/live-run';
import { PostMortemRun, isPostMortem } from '../debug/post-mortem/post-mortem-run';
import { RecordingError } from '../debug/post-mortem/files';
import { Cairo1Run, Cairo1LaunchOptions, isCairo1 } from '../debug/cairo1/cairo1-run';
import { Children, VarNode } from '../debug/values';
import { checkRequest, THREAD } from './arguments';
import { profileFreshRun } from '../debug/profile/fresh';

export interface CairnLaunchArguments extends DebugProtocol.LaunchRequestArguments, Cairo1LaunchOptions {
  stopOnEntry?: boolean;
  /** With memoryFile: debug this finished run (cairo-run's --trace_file) instead of running the program. */
  traceFile?: string;
  memoryFile?: string;
}

type Container = { scope: ScopeKind; frame: number } | { children: Children };

const VM_ERRORS = 'vmError';

export class CairnSession extends LoggingDebugSession {
  private front: DebugFront | undefined;
  private args: CairnLaunchArguments | undefined;
  private configured = false;
  private configuredWaiters: (() => void)[] = [];
  private handles = new Handles<Container>();
  private listed = new Map<number, VarNode[]>();
  private sources = new Handles<string>();
  /** Requests as sent, so a restart re-applies them to the new run. */
  private lineRequests = new Map<string, DebugProtocol.SetBreakpointsArguments>();
  private functionRequest: DebugProtocol.SetFunctionBreakpointsArguments | undefined;
  private instructionRequest: DebugProtocol.SetInstructionBreakpointsArguments | undefined;
  private dataRequest: DebugProtocol.SetDataBreakpointsArguments | undefined;
  private exceptionsOn = true;

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

  private need(): DebugFront {
    if (this.front === undefined) throw new Error('No program is being debugged: send "launch" first.');
    return this.front;
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
    if (this.front !== undefined) {
      this.sendErrorResponse(response, { id: 2, format: 'A program is already being debugged in this session.', showUser: true });
      return;
    }
    args = (args ?? {}) as CairnLaunchArguments;
    const front = this.open(args, response);
    if (front === undefined) return;
    this.sendEvent(new InitializedEvent());
    await this.waitConfigured(10_000);
    this.sendResponse(response);
    front.control.start(args.stopOnEntry === true);
  }

  /** A new front for the arguments, or undefined after answering the error. */
  private open(args: CairnLaunchArguments, response: DebugProtocol.Response): DebugFront | undefined {
    let front: DebugFront;
    try {
      if (isPostMortem(args)) front = new PostMortemRun(args as CairnLaunchArguments & { traceFile: string; memoryFile: string }, this.frontEvents());
      else front = isCairo1(args) ? new Cairo1Run(args, this.frontEvents()) : new LiveRun(args, this.frontEvents());
    } catch (e) {
      const msg = e instanceof LaunchError || e instanceof RecordingError ? e.message : `Cannot launch: ${(e as Error).message}`;
      this.sendEvent(new OutputEvent(msg + '\n', 'stderr'));
      this.sendErrorResponse(response, { id: 3, format: msg.replace(/[{}]/g, ''), showUser: true });
      return undefined;
    }
    this.front = front;
    this.args = args;
    front.breakpoints.setExceptions(this.exceptionsOn);
    this.sendEvent(new OutputEvent(front.banner, 'console'));
    return front;
  }

  private frontEvents(): FrontEvents {
    return {
      stopped: (reason, detail) => this.stopped(reason, detail),
      output: (text, category) => this.sendEvent(new OutputEvent(text, category)),
      ended: (code) => {
        this.sendEvent(new ExitedEvent(code));
        this.sendEvent(new TerminatedEvent());
      },
    };
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

  /** `cairnProfile`: the flame data (src/debug/profile/flame.ts) of a fresh run of this session's
   *  launch arguments, not of the debugged run (which keeps its own history). */
  private profileRequest(response: DebugProtocol.Response): void {
    if (this.args === undefined) return void this.handle(response, () => this.need());
    try {
      response.body = { fresh: true, profile: profileFreshRun(this.args) };
      this.sendResponse(response);
    } catch (e) {
      this.sendErrorResponse(response, { id: 5, format: `Cannot profile: ${(e as Error).message}`.replace(/[{}]/g, ''), showUser: true });
    }
  }

  protected override restartRequest(response: DebugProtocol.RestartResponse, restart: DebugProtocol.RestartArguments): void {
    // The spec's restart carries the launch configuration as it is now (it may have been edited).
    const args = (restart.arguments as CairnLaunchArguments | undefined) ?? this.args;
    if (args === undefined || this.args === undefined) return void this.handle(response, () => this.need());
    this.front?.dispose();
    this.front = undefined;
    const front = this.open(args, response);
    if (front === undefined) return;
    for (const req of this.lineRequests.values()) this.lineBreakpoints(front, req);
    if (this.functionRequest) this.functionBreakpoints(front, this.functionRequest);
    if (this.instructionRequest) this.instructionBreakpoints(front, this.instructionRequest);
    if (this.dataRequest) this.dataBreakpoints(front, this.dataRequest);
    this.sendResponse(response);
    front.control.start(args.stopOnEntry === true);
  }

  protected override disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): void {
    this.front?.dispose();
    super.disconnectRequest(response, args);
  }

  protected override terminateRequest(response: DebugProtocol.TerminateResponse): void {
    this.front?.dispose();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  // ---- breakpoints ---------------------------------------------------------------------

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    void this.handle(response, () => {
      const key = args.source.path ?? args.source.name ?? '';
      this.lineRequests.set(key, args);
      const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
      response.body = {
        breakpoints: this.front
          ? this.lineBreakpoints(this.front, args)
          : requested.map((b) => ({ verified: false, line: b.line, message: 'The program is not loaded yet.' })),
      };
    });
  }

  private lineBreakpoints(front: DebugFront, args: DebugProtocol.SetBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    const specs = requested.map((b) => ({ ...b, line: this.convertClientLineToDebugger(b.line) }));
    return front.breakpoints.setLines(args.source.path ?? args.source.name ?? '', specs).map(({ id, verified, message, line }) => ({
      id,
      verified,
      message,
      line: line === undefined ? undefined : this.convertDebuggerLineToClient(line),
      source: verified ? args.source : undefined,
    }));
  }

  protected override setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): void {
    void this.handle(response, () => {
      this.functionRequest = args;
      response.body = { breakpoints: this.functionBreakpoints(this.need(), args) };
    });
  }

  private functionBreakpoints(front: DebugFront, args: DebugProtocol.SetFunctionBreakpointsArguments): DebugProtocol.Breakpoint[] {
    return front.breakpoints.setFunctions(args.breakpoints).map((b) => ({ id: b.id, verified: b.verified, message: b.message, ...this.place(b) }));
  }

  protected override setInstructionBreakpointsRequest(response: DebugProtocol.SetInstructionBreakpointsResponse, args: DebugProtocol.SetInstructionBreakpointsArguments): void {
    void this.handle(response, () => {
      this.instructionRequest = args;
      response.body = { breakpoints: this.instructionBreakpoints(this.need(), args) };
    });
  }

  private instructionBreakpoints(front: DebugFront, args: DebugProtocol.SetInstructionBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const specs = args.breakpoints.map((b) => ({ reference: b.instructionReference, offset: b.offset, condition: b.condition, hitCondition: b.hitCondition }));
    return front.breakpoints.setInstructions(specs).map((b) => ({ id: b.id, verified: b.verified, message: b.message, instructionReference: b.pc, ...this.place(b) }));
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    void this.handle(response, () => {
      this.exceptionsOn = args.filters.includes(VM_ERRORS) || (args.filterOptions ?? []).some((f) => f.filterId === VM_ERRORS);
      this.front?.breakpoints.setExceptions(this.exceptionsOn);
    });
  }

  protected override breakpointLocationsRequest(response: DebugProtocol.BreakpointLocationsResponse, args: DebugProtocol.BreakpointLocationsArguments): void {
    void this.handle(response, () => {
      const from = this.convertClientLineToDebugger(args.line);
      const to = this.convertClientLineToDebugger(args.endLine ?? args.line);
      const lines = this.need().breakpoints.locations(args.source.path ?? args.source.name ?? '', from, to);
      response.body = { breakpoints: lines.map((l) => ({ line: this.convertDebuggerLineToClient(l) })) };
    });
  }

  protected override dataBreakpointInfoRequest(response: DebugProtocol.DataBreakpointInfoResponse, args: DebugProtocol.DataBreakpointInfoArguments): void {
    void this.handle(response, () => {
      const front = this.need();
      let address: string | undefined;
      if ((args as { asAddress?: boolean }).asAddress === true) address = args.name;
      else if (args.variablesReference !== undefined) {
        const node = this.listed.get(args.variablesReference)?.find((n) => n.name === args.name);
        if (node === undefined) throw new Error(`No variable "${args.name}" here.`);
        address = node.cell?.toString();
      } else {
        try {
          address = front.inspect.evaluate(args.name, (args.frameId ?? 1) - 1).cell?.toString();
        } catch (e) {
          response.body = { dataId: null, description: `${args.name}: ${(e as Error).message}` };
          return;
        }
      }
      const t = front.breakpoints.dataTarget(address, args.name);
      response.body = { dataId: t.dataId ?? null, description: t.description, accessTypes: t.dataId ? ['write'] : undefined, canPersist: false };
    });
  }

  protected override setDataBreakpointsRequest(response: DebugProtocol.SetDataBreakpointsResponse, args: DebugProtocol.SetDataBreakpointsArguments): void {
    void this.handle(response, () => {
      this.dataRequest = args;
      response.body = { breakpoints: this.dataBreakpoints(this.need(), args) };
    });
  }

  private dataBreakpoints(front: DebugFront, args: DebugProtocol.SetDataBreakpointsArguments): DebugProtocol.Breakpoint[] {
    // Memory is write-once, so only writes can be watched; other access types are refused one by one.
    const writes = args.breakpoints.filter((b) => b.accessType === undefined || b.accessType === 'write');
    const set = front.breakpoints.setData(writes.map((b) => b.dataId));
    return args.breakpoints.map((b) => {
      const i = writes.indexOf(b);
      if (i < 0) return { verified: false, message: `Cairn watches writes only (Cairo memory is write-once), not "${b.accessType}".` };
      return { id: set[i].id, verified: set[i].verified, message: set[i].message };
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
      const front = this.need();
      const name = this.sources.get(args.source?.sourceReference ?? args.sourceReference);
      if (name === undefined) throw new Error('Unknown source reference.');
      response.body = { content: front.inspect.sourceText(name) };
    });
  }

  protected override loadedSourcesRequest(response: DebugProtocol.LoadedSourcesResponse): void {
    void this.handle(response, () => {
      response.body = { sources: this.need().inspect.sources().map((f) => this.source(f)) };
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
    void this.handle(response, () => this.need().control.pause());
  }

  /** Answers at once, then runs: the stop comes later as an event. */
  private control(response: DebugProtocol.Response, action: (c: RunControl) => unknown): void {
    const c = this.front?.control;
    if (c === undefined) return void this.handle(response, () => this.need());
    if (c.running) return void this.handle(response, () => { throw new Error('The program is running: pause it first.'); });
    if (c.ended) return void this.handle(response, () => { throw new Error('The run has ended.'); });
    this.handles.reset();
    this.listed.clear();
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
      const start = args.startFrame ?? 0;
      const count = args.levels ? args.levels : Number.MAX_SAFE_INTEGER;
      const { frames, total } = this.need().inspect.frames(start, count);
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
      const frame = args.frameId - 1;
      response.body = {
        scopes: this.need().inspect.scopes(frame).map((s) => {
          const scope = new Scope(s.name, this.handles.create({ scope: s.kind, frame }), s.expensive) as DebugProtocol.Scope;
          if (s.kind === 'locals' || s.kind === 'registers') scope.presentationHint = s.kind;
          return scope;
        }),
      };
    });
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    void this.handle(response, () => {
      const front = this.need();
      const c = this.handles.get(args.variablesReference);
      if (c === undefined) throw new Error('These variables are no longer available (the program moved on).');
      let nodes: VarNode[];
      if ('scope' in c) nodes = front.inspect.variables(c.frame, c.scope);
      else if (args.filter === 'named' && c.children.indexed !== undefined) nodes = [];
      else nodes = c.children.list(args.start, args.count);
      this.listed.set(args.variablesReference, nodes);
      response.body = { variables: nodes.map((n) => this.variable(n, args.format?.hex === true)) };
    });
  }

  private variable(n: VarNode, hex = false): DebugProtocol.Variable {
    const v: DebugProtocol.Variable = { name: n.name, value: hex && n.felt !== undefined ? '0x' + BigInt(n.felt).toString(16) : n.value, variablesReference: 0 };
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
      const front = this.need();
      const node = this.listed.get(args.variablesReference)?.find((n) => n.name === args.name);
      if (node === undefined) throw new Error(`No variable "${args.name}" here.`);
      response.body = { value: front.inspect.setCell(node, args.value) };
    });
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    void this.handle(response, () => {
      const frame = args.frameId !== undefined ? args.frameId - 1 : 0;
      const who = /^\s*who\s+wrote\s+(.+?)\s*$/i.exec(args.expression);
      if (who !== null && args.context !== undefined && args.context !== 'repl') throw new Error('"who wrote" moves the run to another step: ask it in the Debug Console.');
      // "who wrote X" moves the run (a stop event first, so the answer's handles outlive it).
      const node = who !== null ? this.need().whoWrote(who[1], frame) : this.need().inspect.evaluate(args.expression, frame);
      const v = this.variable(node, args.format?.hex === true);
      response.body = { result: v.value, type: node.type, variablesReference: v.variablesReference, memoryReference: node.memoryReference, indexedVariables: v.indexedVariables };
    });
  }

  /** Cairn's requests: `cairnWhoWrote` answers who wrote a cell (and, with go, moves the run there). */
  protected override customRequest(command: string, response: DebugProtocol.Response, args: { target: string; frameId?: number; go?: boolean }): void {
    if (command === 'cairnProfile') return this.profileRequest(response);
    if (command !== 'cairnWhoWrote') return void this.handle(response, () => { throw new Error(`Cairn does not support the "${command}" request.`); });
    void this.handle(response, () => {
      const node = this.need().whoWrote(args.target, args.frameId !== undefined ? args.frameId - 1 : 0, args.go === true);
      const step = /written by (?:a hint at )?step (\d+)/.exec(node.value);
      const operands = node.children?.list() ?? [];
      response.body = { result: node.value, step: step ? Number(step[1]) : undefined, operands: operands.map((o) => ({ name: o.name, value: o.value, target: o.memoryReference })) };
    });
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    void this.handle(response, () => {
      const caret = this.convertClientColumnToDebugger(args.column) - 1;
      const c = this.need().inspect.completions(args.text, caret, (args.frameId ?? 1) - 1);
      response.body = {
        targets: c.items.map((i) => ({ label: i.label, detail: i.detail, type: i.kind, start: this.convertDebuggerColumnToClient(c.start + 1), length: c.length })),
      };
    });
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    void this.handle(response, () => {
      const f = this.need().inspect.failure();
      if (f === undefined) throw new Error('The program has not failed.');
      response.body = { exceptionId: f.kind, description: f.message, breakMode: 'always', details: { message: f.message, stackTrace: f.text } };
    });
  }

  // ---- memory and code -----------------------------------------------------------------

  protected override readMemoryRequest(response: DebugProtocol.ReadMemoryResponse, args: DebugProtocol.ReadMemoryArguments): void {
    void this.handle(response, () => {
      const r = this.need().inspect.readMemory(args.memoryReference, args.offset ?? 0, args.count);
      response.body = { address: r.address, data: Buffer.from(r.bytes).toString('base64') };
      if (r.unreadable > 0) response.body.unreadableBytes = r.unreadable;
    });
  }

  protected override disassembleRequest(response: DebugProtocol.DisassembleResponse, args: DebugProtocol.DisassembleArguments): void {
    void this.handle(response, () => {
      const rows = this.need().inspect.disassemble(args.memoryReference, args.offset ?? 0, args.instructionOffset ?? 0, args.instructionCount);
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

function granularity(args: { granularity?: string } | undefined): Granularity {
  return args?.granularity === 'instruction' ? 'instruction' : 'line';
}
