// Cairn's language server for Cairo 0 (its own process; stdio or node IPC, whatever the client
// chose on the command line): outline, workspace symbols, go to definition, references, rename,
// hover, completion, diagnostics (the server's own parser while typing, the user's cairo-compile
// on save), formatting with cairo-format, and Run/Debug code lenses.
import {
  createConnection, CodeLens, CompletionItemKind, Diagnostic, DiagnosticSeverity, DocumentSymbol,
  MessageType, ProposedFeatures, SymbolInformation, SymbolKind, TextDocuments, TextDocumentSyncKind, TextEdit,
  ResponseError, ErrorCodes,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname, resolve as resolvePath } from 'node:path';
import { CairoSymbol, scanSymbols } from './scanner';
import { Workspace } from './workspace';
import { allDecls, Decl } from './syntax';
import { resolveAt } from './resolve';
import { references, rename, renameSpan, RenameError } from './references';
import { hoverMarkdown } from './hover';
import { complete, Item } from './completion';
import { offsetAt, rangeOf, toPath, toUri, location, positionAt } from './positions';
import { findTools, compileDiagnostics, formatText, Tools } from './cairo-tools';

const KIND: Record<CairoSymbol['kind'], SymbolKind> = {
  function: SymbolKind.Function,
  struct: SymbolKind.Struct,
  namespace: SymbolKind.Namespace,
  const: SymbolKind.Constant,
  member: SymbolKind.Field,
};

export function toDocumentSymbol(s: CairoSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

const DECL_SYMBOL: Partial<Record<Decl['kind'], SymbolKind>> = {
  function: SymbolKind.Function, struct: SymbolKind.Struct, namespace: SymbolKind.Namespace,
  const: SymbolKind.Constant, member: SymbolKind.Field, alias: SymbolKind.TypeParameter,
};

const COMPLETION_KIND: Record<Item['kind'], CompletionItemKind> = {
  function: CompletionItemKind.Function, struct: CompletionItemKind.Struct, namespace: CompletionItemKind.Module,
  const: CompletionItemKind.Constant, member: CompletionItemKind.Field, alias: CompletionItemKind.TypeParameter,
  import: CompletionItemKind.Reference, arg: CompletionItemKind.Variable, implicit: CompletionItemKind.Variable,
  local: CompletionItemKind.Variable, let: CompletionItemKind.Variable, tempvar: CompletionItemKind.Variable,
  label: CompletionItemKind.Reference, keyword: CompletionItemKind.Keyword, builtin: CompletionItemKind.Module,
};

/** Settings the client passes as initializationOptions (and again on configuration change). */
interface Options {
  cairoPath?: string[];
  cairoCompile?: string;
  /** run cairo-compile on save (default true) */
  compileOnSave?: boolean;
  /** the extension has a profile command: offer a Profile lens */
  profileCommand?: string;
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ws = new Workspace();
let options: Options = {};
let tools: Promise<Tools> = Promise.resolve({});
let toldNoCompiler = false;
/** cairo-compile's diagnostics per file, kept until the next compile of the file that made them. */
const compileDiags = new Map<string, Diagnostic[]>();
const compiledFrom = new Map<string, Set<string>>();

function configure(o: Options, rootDir?: string): void {
  options = o ?? {};
  const base = rootDir ?? ws.roots[0] ?? process.cwd();
  tools = findTools(options.cairoCompile).then((t) => {
    ws.cairoPath = [...(options.cairoPath ?? []).map((p) => resolvePath(base, p)), ...(t.library ? [t.library] : [])];
    return t;
  });
}

connection.onInitialize((params) => {
  const folders = params.workspaceFolders?.map((f) => toPath(f.uri)).filter((p): p is string => !!p)
    ?? (params.rootUri ? [toPath(params.rootUri)].filter((p): p is string => !!p) : []);
  ws.roots = folders.map((f) => resolvePath(f));
  configure((params.initializationOptions ?? {}) as Options, ws.roots[0]);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'Cairo' },
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['.', ' '] },
      documentFormattingProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'cairn-language-server' },
  };
});

connection.onDidChangeConfiguration((p) => {
  const s = (p.settings as { cairn?: Options } | undefined)?.cairn;
  if (s) configure({ ...options, ...s });
});

connection.onDidChangeWatchedFiles(() => ws.changed());

const pathOf = (uri: string) => toPath(uri);

documents.onDidOpen((e) => {
  const p = pathOf(e.document.uri);
  if (!p) return;
  ws.setOpen(p, e.document.version, e.document.getText());
  publish(p);
});
const pending = new Map<string, NodeJS.Timeout>();
documents.onDidChangeContent((e) => {
  const p = pathOf(e.document.uri);
  if (!p) return;
  ws.setOpen(p, e.document.version, e.document.getText());
  clearTimeout(pending.get(p));
  pending.set(p, setTimeout(() => { pending.delete(p); publish(p); }, 150));
});
documents.onDidSave((e) => {
  const p = pathOf(e.document.uri);
  if (p) void compileFile(p);
});
documents.onDidClose((e) => {
  const p = pathOf(e.document.uri);
  if (p) ws.close(p);
});

/** The server's own syntax errors plus the last compile's errors for the file. */
function publish(path: string): void {
  const file = ws.get(path);
  if (!file) return;
  const own: Diagnostic[] = file.errors.map((e) => ({
    range: rangeOf(file.text, e.span), message: e.message, severity: DiagnosticSeverity.Error, source: 'cairn',
  }));
  // cairo-compile stops at the first syntax error: while the server sees one, its own are fresher.
  const compiled = own.length ? [] : compileDiags.get(path) ?? [];
  void connection.sendDiagnostics({ uri: toUri(path), diagnostics: [...own, ...compiled] });
}

async function compileFile(path: string): Promise<void> {
  if (options.compileOnSave === false || !path.endsWith('.cairo') || ws.get(path)?.cairo1) return;
  const t = await tools;
  if (!t.compile) {
    if (!toldNoCompiler) {
      toldNoCompiler = true;
      void connection.sendNotification('window/showMessage', {
        type: MessageType.Info,
        message: 'Cairn: cairo-compile was not found (PATH or the cairn.cairoCompile setting), so compile errors are not shown; install cairo-lang to get them.',
      });
    }
    return;
  }
  const roots = [...ws.cairoPath];
  for (let d = dirname(path); ; d = dirname(d)) { roots.push(d); if (ws.roots.includes(d) || dirname(d) === d) break; }
  const r = await compileDiagnostics(t.compile, path, roots);
  for (const old of compiledFrom.get(path) ?? []) { compileDiags.delete(old); publish(old); }
  const touched = new Set<string>();
  if ('failed' in r) {
    compileDiags.set(path, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `cairo-compile failed: ${r.failed}`, severity: DiagnosticSeverity.Error, source: 'cairo-compile' }]);
    touched.add(path);
  } else {
    for (const d of r) {
      const text = ws.text(d.file) ?? '';
      const pos = { line: d.line - 1, character: d.column - 1 };
      const at = offsetAt(text, pos);
      const word = /^[A-Za-z_0-9]+/.exec(text.slice(at))?.[0].length ?? 1;
      const list = compileDiags.get(d.file) ?? [];
      list.push({ range: { start: pos, end: positionAt(text, at + word) }, message: d.message, severity: DiagnosticSeverity.Error, source: 'cairo-compile' });
      compileDiags.set(d.file, list);
      touched.add(d.file);
    }
  }
  compiledFrom.set(path, touched);
  for (const f of new Set([path, ...touched])) publish(f);
}

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  const path = pathOf(params.textDocument.uri);
  if (!doc || (path && ws.get(path)?.cairo1)) return [];
  return scanSymbols(doc.getText()).map(toDocumentSymbol);
});

connection.onWorkspaceSymbol(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const q = params.query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const path of ws.files()) {
    const file = ws.get(path);
    if (!file) continue;
    for (const d of allDecls(file.decls)) {
      const kind = DECL_SYMBOL[d.kind];
      if (kind === undefined || (d.parent && d.parent.kind === 'function')) continue;
      if (q && !fuzzy(d.name.toLowerCase(), q)) continue;
      out.push({ name: d.name, kind, location: location(file.text, path, d.nameSpan), containerName: d.parent?.name });
      if (out.length >= 2000) return out;
    }
  }
  return out;
});

/** The query's letters appear in order in the name (VS Code's own matching is similar). */
function fuzzy(name: string, q: string): boolean {
  let i = 0;
  for (const c of name) if (c === q[i]) i++;
  return i === q.length;
}

function docAt(uri: string): { path: string; text: string } | undefined {
  const path = pathOf(uri);
  const doc = documents.get(uri);
  if (!path) return undefined;
  if (doc) ws.setOpen(path, doc.version, doc.getText());
  const text = ws.text(path);
  return text === undefined ? undefined : { path, text };
}

connection.onDefinition(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  if (!d) return null;
  const t = resolveAt(ws, d.path, offsetAt(d.text, params.position));
  if (!t) return null;
  const text = ws.text(t.path) ?? '';
  return location(text, t.path, t.decl.nameSpan);
});

connection.onReferences(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  if (!d) return null;
  const t = resolveAt(ws, d.path, offsetAt(d.text, params.position));
  if (!t) return [];
  return references(ws, t, [d.path])
    .filter((o) => params.context.includeDeclaration || o.path !== t.path || o.start !== t.decl.nameSpan.start)
    .map((o) => location(ws.text(o.path) ?? '', o.path, o));
});

connection.onPrepareRename(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  if (!d) return null;
  const offset = offsetAt(d.text, params.position);
  try {
    rename(ws, d.path, offset, 'x'); // refuses here, before the user types a name
  } catch (e) {
    if (e instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
    throw e;
  }
  const s = renameSpan(ws, d.path, offset);
  return s ? rangeOf(d.text, s) : null;
});

connection.onRenameRequest(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  if (!d) return null;
  try {
    const edits = rename(ws, d.path, offsetAt(d.text, params.position), params.newName);
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, occ] of edits) {
      const text = ws.text(path) ?? '';
      changes[toUri(path)] = occ.map((o) => ({ range: rangeOf(text, o), newText: params.newName }));
    }
    return { changes };
  } catch (e) {
    if (e instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidRequest, e.message);
    throw e;
  }
});

connection.onHover(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  if (!d) return null;
  const md = hoverMarkdown(ws, d.path, offsetAt(d.text, params.position));
  return md ? { contents: { kind: 'markdown', value: md } } : null;
});

connection.onCompletion(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  if (!d || ws.get(d.path)?.cairo1) return [];
  return complete(ws, d.path, offsetAt(d.text, params.position)).map((i) => ({ label: i.label, kind: COMPLETION_KIND[i.kind], detail: i.detail }));
});

connection.onDocumentFormatting(async (params) => {
  const d = docAt(params.textDocument.uri);
  if (!d || ws.get(d.path)?.cairo1) return null; // Cairo 1: scarb fmt, through the Cairo extension
  const t = await tools;
  if (!t.format) throw new ResponseError(ErrorCodes.InvalidRequest, 'Cairn: cairo-format was not found (it comes with cairo-lang, beside cairo-compile).');
  const r = await formatText(t.format, d.text);
  if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, `cairo-format: ${r.error}`);
  if (r.text === d.text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: positionAt(d.text, d.text.length) }, newText: r.text }];
});

connection.onCodeLens(async (params) => {
  await tools; // library imports resolve once cairo-lang is found
  const d = docAt(params.textDocument.uri);
  const file = d && ws.get(d.path);
  if (!d || !file) return [];
  const lenses: CodeLens[] = [];
  for (const fn of file.decls.filter((x) => x.kind === 'function')) {
    if (fn.children.some((c) => c.kind === 'arg')) continue;
    const range = rangeOf(d.text, fn.nameSpan);
    const entry = fn.name === 'main' ? [] : [fn.name];
    lenses.push({ range, command: { title: 'Run', command: 'cairn.runProgram', arguments: [params.textDocument.uri, ...entry] } });
    lenses.push({ range, command: { title: 'Debug', command: 'cairn.debugProgram', arguments: [params.textDocument.uri, ...entry] } });
    if (options.profileCommand) lenses.push({ range, command: { title: 'Profile', command: options.profileCommand, arguments: [params.textDocument.uri, ...entry] } });
  }
  return lenses;
});

documents.listen(connection);
connection.listen();
