// What each DAP request Cairn supports must carry, checked before it reaches a handler: a client
// that sends a bogus thread, a negative frame index or a string where a number goes gets an error
// that says which argument is wrong, never a JavaScript error.
export const THREAD = 1;

type Kind = 'number' | 'count' | 'string' | 'object' | 'array' | 'boolean';
/** [name, kind, required]: `count` is a whole number >= 0. */
type Field = [string, Kind, boolean?];

const thread: Field = ['threadId', 'number', true];
const step: Field[] = [thread, ['granularity', 'string']];
const format: Field = ['format', 'object'];

/** The requests Cairn answers, with their arguments. */
const REQUESTS: Record<string, Field[]> = {
  initialize: [['adapterID', 'string'], ['pathFormat', 'string'], ['linesStartAt1', 'boolean'], ['columnsStartAt1', 'boolean']],
  launch: [],
  disconnect: [],
  terminate: [],
  restart: [['arguments', 'object']],
  configurationDone: [],
  setBreakpoints: [['source', 'object', true], ['breakpoints', 'array'], ['lines', 'array']],
  setFunctionBreakpoints: [['breakpoints', 'array', true]],
  setInstructionBreakpoints: [['breakpoints', 'array', true]],
  setExceptionBreakpoints: [['filters', 'array', true], ['filterOptions', 'array']],
  setDataBreakpoints: [['breakpoints', 'array', true]],
  dataBreakpointInfo: [['name', 'string', true], ['variablesReference', 'count'], ['frameId', 'count']],
  breakpointLocations: [['source', 'object', true], ['line', 'count', true], ['endLine', 'count']],
  threads: [],
  // Cairn's own: the flame data of a fresh profiled run of the launch arguments
  cairnProfile: [],
  continue: [thread],
  next: step,
  stepIn: step,
  stepOut: step,
  stepBack: step,
  reverseContinue: [thread],
  pause: [thread],
  stackTrace: [thread, ['startFrame', 'count'], ['levels', 'count'], format],
  scopes: [['frameId', 'count', true]],
  variables: [['variablesReference', 'count', true], ['filter', 'string'], ['start', 'count'], ['count', 'count'], format],
  setVariable: [['variablesReference', 'count', true], ['name', 'string', true], ['value', 'string', true], format],
  evaluate: [['expression', 'string', true], ['frameId', 'count'], ['context', 'string'], format],
  completions: [['text', 'string', true], ['column', 'count', true], ['frameId', 'count'], ['line', 'count']],
  exceptionInfo: [thread],
  source: [['source', 'object'], ['sourceReference', 'count']],
  loadedSources: [],
  readMemory: [['memoryReference', 'string', true], ['count', 'count', true], ['offset', 'number']],
  // Cairn's own: "who wrote this?" for an editor command (go: move the run to the writing step).
  cairnWhoWrote: [['target', 'string', true], ['frameId', 'count'], ['go', 'boolean']],
  disassemble: [['memoryReference', 'string', true], ['instructionCount', 'count', true], ['offset', 'number'], ['instructionOffset', 'number'], ['resolveSymbols', 'boolean']],
};

/** Array elements: what each item of a breakpoint list must hold. */
const ITEMS: Record<string, Field[]> = {
  setBreakpoints: [['line', 'count', true], ['condition', 'string'], ['hitCondition', 'string'], ['logMessage', 'string']],
  setFunctionBreakpoints: [['name', 'string', true], ['condition', 'string'], ['hitCondition', 'string']],
  setInstructionBreakpoints: [['instructionReference', 'string', true], ['offset', 'number'], ['condition', 'string'], ['hitCondition', 'string']],
  setDataBreakpoints: [['dataId', 'string', true]],
};

const NOT_SUPPORTED: Record<string, string> = {
  writeMemory: 'Cairo memory is write-once: set an unwritten cell from the Variables view instead',
  setExpression: 'set an unwritten cell from the Variables view instead',
  attach: 'Cairn launches programs (request "launch")',
  goto: 'use step back and reverse continue to move through the run',
};

function is(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'count':
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      return typeof v === kind;
  }
}

const SAYS: Record<Kind, string> = { number: 'a whole number', count: 'a whole number >= 0', string: 'a string', object: 'an object', array: 'an array', boolean: 'true or false' };

function checkFields(fields: Field[], args: Record<string, unknown>, where: string): string | undefined {
  for (const [name, kind, required] of fields) {
    const v = args[name];
    if (v === undefined || v === null) {
      if (required) return `${where} needs "${name}" (${SAYS[kind]}).`;
      continue;
    }
    if (!is(kind, v)) return `${where}: "${name}" must be ${SAYS[kind]}, not ${JSON.stringify(v)?.slice(0, 40) ?? typeof v}.`;
  }
  return undefined;
}

/** Undefined when the request can go to its handler, else the error message to answer. */
export function checkRequest(command: unknown, args: unknown): string | undefined {
  if (typeof command !== 'string') return 'A request needs a "command".';
  const fields = REQUESTS[command];
  if (fields === undefined) {
    const why = NOT_SUPPORTED[command];
    return `Cairn does not support the "${command}" request${why ? `: ${why}` : ''}.`;
  }
  if (args !== undefined && !is('object', args)) return `"${command}": its arguments must be an object.`;
  const a = (args ?? {}) as Record<string, unknown>;
  const bad = checkFields(fields, a, `"${command}"`);
  if (bad) return bad;
  if (a.threadId !== undefined && a.threadId !== THREAD) return `There is no thread ${String(a.threadId)}: Cairn runs one thread, ${THREAD}.`;
  const items = ITEMS[command];
  const list = a.breakpoints as unknown[] | undefined;
  if (items !== undefined && Array.isArray(list)) {
    for (let i = 0; i < list.length; i++) {
      if (!is('object', list[i])) return `"${command}": breakpoint ${i} must be an object.`;
      const badItem = checkFields(items, list[i] as Record<string, unknown>, `"${command}" breakpoint ${i}`);
      if (badItem) return badItem;
    }
  }
  if (command === 'setBreakpoints' || command === 'breakpointLocations') {
    const src = a.source as Record<string, unknown>;
    if (typeof src.path !== 'string' && typeof src.name !== 'string') return `"${command}": the source needs a "path".`;
  }
  if (command === 'setBreakpoints' && Array.isArray(a.lines) && a.lines.some((l) => !is('count', l))) return '"setBreakpoints": "lines" must hold line numbers.';
  if (command === 'setExceptionBreakpoints' && (a.filters as unknown[]).some((f) => typeof f !== 'string')) return '"setExceptionBreakpoints": "filters" must hold filter names.';
  if (command === 'setExceptionBreakpoints' && Array.isArray(a.filterOptions) && a.filterOptions.some((f) => !is('object', f) || typeof (f as { filterId?: unknown }).filterId !== 'string')) {
    return '"setExceptionBreakpoints": each of "filterOptions" needs a "filterId".';
  }
  if (command === 'initialize' && a.pathFormat !== undefined && a.pathFormat !== 'path') return `Cairn takes file paths (pathFormat "path"), not "${String(a.pathFormat)}".`;
  return undefined;
}
