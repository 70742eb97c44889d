// The language server: a thin adapter from LSP to the engine. Documents are kept as engine
// Drafts and updated edit by edit, so a keystroke re-analyses only the lines it touched.
import {
  createConnection, ProposedFeatures, TextDocumentSyncKind,
  type Connection, type InitializeResult, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Draft, foldingRanges, outline } from '../engine';
import { toDiagnostic, toFolding, toSymbol } from './convert';
import { loadDefaultModel } from '../corpus/defaultModel';

interface OpenDocument {
  text: TextDocument;
  draft: Draft;
  pending?: NodeJS.Immediate;
}

export const DOCUMENT_INFO_NOTIFICATION = 'gongwen/documentInfo';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const docs = new Map<string, OpenDocument>();

  connection.onInitialize((): InitializeResult => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '公文结构' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'gongwen', version: '0.1.0' },
  }));

  let modelReported = false;
  const model = () => {
    const m = loadDefaultModel();
    if (m.error && !modelReported) {
      modelReported = true;
      connection.console.warn(`${m.error}；语料相关的检查暂不可用`);
    }
    return m.model;
  };

  const validate = (uri: string) => {
    const d = docs.get(uri);
    if (!d) return;
    d.pending = undefined;
    try {
      const findings = d.draft.lint({ model: model() });
      const p = d.draft.parsed;
      void connection.sendNotification(DOCUMENT_INFO_NOTIFICATION, { uri, type: p.type, subtype: p.subtype ?? null });
      void connection.sendDiagnostics({ uri, version: d.text.version, diagnostics: findings.map(toDiagnostic) });
    } catch (e) {
      // An engine bug must never take the server down or reach the client as a crash.
      connection.console.error(`检查 ${uri} 时出错：${(e as Error).stack ?? String(e)}`);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  };
  // Coalesce bursts of changes (typing, multi-cursor edits) into one check per turn of the event loop.
  const schedule = (uri: string) => {
    const d = docs.get(uri);
    if (d && !d.pending) d.pending = setImmediate(() => validate(uri));
  };

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    docs.set(t.uri, { text: TextDocument.create(t.uri, t.languageId, t.version, t.text), draft: new Draft(t.text) });
    schedule(t.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const d = docs.get(textDocument.uri);
    if (!d) return;
    for (const change of contentChanges as TextDocumentContentChangeEvent[]) {
      if ('range' in change && change.range) d.draft.applyEdit(change.range, change.text);
      else d.draft.setText(change.text);
    }
    d.text = TextDocument.update(d.text, contentChanges, textDocument.version);
    schedule(textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const d = docs.get(textDocument.uri);
    if (d?.pending) clearImmediate(d.pending);
    docs.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  /** Answer a request from an open document's parse; an engine error answers empty, never crashes. */
  const fromParsed = <T>(uri: string, what: string, answer: (d: OpenDocument) => T[]): T[] => {
    const d = docs.get(uri);
    if (!d) return [];
    try {
      return answer(d);
    } catch (e) {
      connection.console.error(`${what}时出错：${String(e)}`);
      return [];
    }
  };
  connection.onDocumentSymbol(({ textDocument }) => fromParsed(textDocument.uri, '生成大纲', (d) => outline(d.draft.parsed).map(toSymbol)));
  connection.onFoldingRanges(({ textDocument }) => fromParsed(textDocument.uri, '计算折叠范围', (d) => foldingRanges(d.draft.parsed).map(toFolding)));

  connection.onShutdown(() => {
    for (const d of docs.values()) if (d.pending) clearImmediate(d.pending);
    docs.clear();
  });

  connection.listen();
  return connection;
}
