// Cairn's language server for Cairo 0: for now it serves document symbols, so the outline,
// breadcrumbs and "Go to Symbol in Editor" work. Runs in its own process (stdio or node IPC,
// whatever the client chose on the command line).
import {
  createConnection, DocumentSymbol, ProposedFeatures, SymbolKind, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CairoSymbol, scanSymbols } from './scanner';

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

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: { label: 'Cairo' },
  },
  serverInfo: { name: 'cairn-language-server' },
}));

connection.onDocumentSymbol((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? scanSymbols(doc.getText()).map(toDocumentSymbol) : [];
});

documents.listen(connection);
connection.listen();
