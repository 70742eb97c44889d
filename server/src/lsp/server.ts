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
import { learnInWorker, type LearnSummary } from '../corpus/learn';
import { corpusKey, readCachedModel, writeCachedModel } from '../corpus/modelCache';
import { parseModel, type CorpusModel } from '../engine';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface OpenDocument {
  text: TextDocument;
  draft: Draft;
  pending?: NodeJS.Immediate;
}

export const DOCUMENT_INFO_NOTIFICATION = 'gongwen/documentInfo';
export const LEARN_REQUEST = 'gongwen/learn';
export const LEARN_PROGRESS_NOTIFICATION = 'gongwen/learnProgress';
export const CORPUS_REPORT_REQUEST = 'gongwen/corpusReport';

/** Sent by the client at initialize (initializationOptions). */
export interface ServerSettings {
  /** Folders, files or globs of the user's corpus. */
  corpusPaths?: string[];
  /** Keep the shipped default model besides the user's (true) or replace it (false). */
  useDefaultModel?: boolean;
  /** Where learned models are cached (the extension's global storage). */
  cacheDir?: string;
}

export interface LearnResult extends LearnSummary {
  phrases: number;
  formulations: number;
  fromCache: boolean;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  const docs = new Map<string, OpenDocument>();

  let settings: ServerSettings = {};
  let userModel: CorpusModel | undefined;
  let lastSkipped: { path: string; reason: string }[] = [];
  connection.onInitialize((params): InitializeResult => {
    settings = (params.initializationOptions as ServerSettings | undefined) ?? {};
    return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: '公文结构' },
      foldingRangeProvider: true,
    },
    serverInfo: { name: 'gongwen', version: '0.1.0' },
    };
  });

  // The default model is loaded after the first diagnostics are out (reading and validating it takes
  // tens of milliseconds), then every open document is re-checked with it.
  let defaultModel: CorpusModel | undefined;
  let defaultState: 'unloaded' | 'scheduled' | 'loaded' = 'unloaded';
  const loadDefault = () => {
    defaultState = 'loaded';
    const m = loadDefaultModel();
    if (m.error) connection.console.warn(`${m.error}；语料相关的检查暂不可用`);
    defaultModel = m.model;
    if (defaultModel) for (const uri of docs.keys()) schedule(uri);
  };
  const model = () => {
    if (defaultState === 'unloaded') {
      defaultState = 'scheduled';
      setTimeout(loadDefault, 0);
    }
    return defaultModel;
  };

  const activeModels = (): CorpusModel[] => {
    const list: CorpusModel[] = [];
    if (userModel) list.push(userModel);
    if (!userModel || settings.useDefaultModel !== false) {
      const m = model();
      if (m) list.push(m);
    }
    return list;
  };

  const validate = (uri: string) => {
    const d = docs.get(uri);
    if (!d) return;
    d.pending = undefined;
    try {
      const findings = d.draft.lint({ models: activeModels() });
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

  // Learning: `gongwen/learn` {paths?} learns the given (or configured) corpus in a worker thread,
  // with work-done progress the client can cancel, caches the model, and re-checks open documents.
  const learn = async (paths: string[], token?: { isCancellationRequested: boolean; onCancellationRequested(cb: () => void): unknown }): Promise<LearnResult> => {
    const cacheDir = settings.cacheDir ?? join(tmpdir(), 'gongwen-cache');
    const key = await corpusKey(paths);
    const cached = readCachedModel(cacheDir, key);
    if (cached.error) connection.console.warn(cached.error);
    let result: LearnResult;
    if (cached.model) {
      userModel = cached.model;
      result = { documents: cached.model.stats.documents, skipped: [], problems: [], seconds: 0, phrases: cached.model.phrases.length, formulations: cached.model.formulations.length, fromCache: true };
    } else {
      const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin('公文：从语料库学习', 0, '正在读取语料文件…', true);
      const job = learnInWorker(paths, (p) => {
        progress?.report(Math.round((p.done / Math.max(1, p.total)) * 90), `已读取 ${p.done}/${p.total} 个文件`);
        void connection.sendNotification(LEARN_PROGRESS_NOTIFICATION, p);
      });
      progress?.token.onCancellationRequested(() => job.cancel());
      token?.onCancellationRequested(() => job.cancel());
      try {
        const { model: json, summary } = await job.result;
        if (json) {
          userModel = parseModel(json);
          writeCachedModel(cacheDir, key, json);
        }
        result = { ...summary, phrases: userModel?.phrases.length ?? 0, formulations: userModel?.formulations.length ?? 0, fromCache: false };
        lastSkipped = summary.skipped;
      } finally {
        progress?.done();
      }
    }
    for (const uri of docs.keys()) schedule(uri);
    return result;
  };
  connection.onRequest(LEARN_REQUEST, async (params: { paths?: string[] } | undefined, token) => {
    const paths = params?.paths ?? settings.corpusPaths ?? [];
    if (paths.length === 0) throw new Error('没有指定语料：请在设置 gongwen.corpus.paths 中填写语料文件夹');
    return learn(paths, token);
  });
  // What the active model learned, for the report view (documents per type, phrases, structure, skipped files).
  connection.onRequest(CORPUS_REPORT_REQUEST, (): unknown => {
    const m = userModel ?? loadDefaultModel().model;
    if (!m) return { source: 'none', types: [], phrases: [], formulations: [], skipped: lastSkipped };
    return {
      source: userModel ? 'user' : 'default',
      createdAt: m.createdAt,
      stats: m.stats,
      types: Object.entries(m.types).map(([type, p]) => ({ type, documents: p!.documents, elements: p!.elements, sections: p!.sections })),
      phrases: m.phrases.slice(0, 40).map((p) => ({ text: p.text, count: p.count, docs: p.docs })),
      formulations: m.formulations.filter((f) => f.quoted).slice(0, 40).map((f) => ({ text: f.text, count: f.count })),
      skipped: userModel ? lastSkipped : [],
    };
  });

  connection.onInitialized(() => {
    if (settings.corpusPaths?.length) {
      learn(settings.corpusPaths).catch((e: Error) => connection.console.error(`学习语料失败：${e.message}`));
    }
  });

  connection.onShutdown(() => {
    for (const d of docs.values()) if (d.pending) clearImmediate(d.pending);
    docs.clear();
  });

  connection.listen();
  return connection;
}
