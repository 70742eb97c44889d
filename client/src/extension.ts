// The VS Code client: starts the language server (the bundled CLI in `lsp` mode), shows the
// recognised document type in the status bar, and wires the commands. No analysis happens here.
import * as vscode from 'vscode';
import * as path from 'node:path';
import { renderReport, type CorpusReportData } from './report';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem;
const docTypes = new Map<string, string>();

function servedLanguages(): string[] {
  const extra = vscode.workspace.getConfiguration('gongwen').get<string[]>('extraLanguages', []);
  return ['gongwen', ...extra.filter((l) => l !== 'gongwen')];
}

function isServed(doc: vscode.TextDocument | undefined): boolean {
  return !!doc && servedLanguages().includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote');
}

function updateStatus(): void {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isServed(doc)) {
    statusItem.hide();
    return;
  }
  const type = docTypes.get(doc!.uri.toString());
  statusItem.text = `$(file-text) 公文：${type ?? '识别中…'}`;
  statusItem.tooltip = type ? `识别出的文种：${type}\n点击查看公文结构大纲` : '正在识别文种';
  statusItem.show();
}

/** Corpus paths from the setting, relative ones resolved against each workspace folder. */
function corpusPaths(): string[] {
  const raw = vscode.workspace.getConfiguration('gongwen').get<string[]>('corpus.paths', []);
  const folders = vscode.workspace.workspaceFolders ?? [];
  return raw.flatMap((p) => (path.isAbsolute(p) || folders.length === 0 ? [p] : folders.map((f) => path.join(f.uri.fsPath, p))));
}

interface LearnResult {
  documents: number;
  skipped: { path: string; reason: string }[];
  problems: { source: string; reason: string }[];
  phrases: number;
  formulations: number;
  seconds: number;
  fromCache: boolean;
}

async function learnCorpus(): Promise<void> {
  if (!client) return;
  const paths = corpusPaths();
  if (paths.length === 0) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: true, canSelectMany: true, openLabel: '学习这些语料' });
    if (!picked?.length) return;
    // Saving the setting triggers learning (see onDidChangeConfiguration), so stop here.
    await vscode.workspace.getConfiguration('gongwen').update('corpus.paths', picked.map((u) => u.fsPath), vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
    return;
  }
  const c = client;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: '公文：从语料库学习', cancellable: true },
    async (progress, token) => {
      let last = 0;
      const sub = c.onNotification('gongwen/learnProgress', (p: { done: number; total: number }) => {
        const pct = (p.done / Math.max(1, p.total)) * 100;
        progress.report({ message: `已读取 ${p.done}/${p.total} 个文件`, increment: pct - last });
        last = pct;
      });
      try {
        return await c.sendRequest<LearnResult>('gongwen/learn', { paths }, token);
      } finally {
        sub.dispose();
      }
    },
  ).then((r) => r, (e: Error) => {
    void vscode.window.showErrorMessage(`公文：学习语料失败：${e.message}`);
    return undefined;
  });
  if (!result) return;
  const skipped = result.skipped.length ? `，跳过 ${result.skipped.length} 个（${result.skipped.slice(0, 3).map((s) => `${path.basename(s.path)}：${s.reason}`).join('；')}${result.skipped.length > 3 ? '…' : ''}）` : '';
  void vscode.window.showInformationMessage(result.fromCache
    ? `公文：语料未变，已载入缓存的模型（${result.documents} 个文件，${result.phrases} 个短语）`
    : `公文：已学习 ${result.documents} 个文件${skipped}，得到 ${result.phrases} 个短语、${result.formulations} 条固定提法，用时 ${result.seconds} 秒`);
}

let reportPanel: vscode.WebviewPanel | undefined;

/** 公文：语料库报告 — returns the data it shows (used by the tests). */
async function showCorpusReport(): Promise<CorpusReportData | undefined> {
  if (!client) return undefined;
  const data = await client.sendRequest<CorpusReportData>('gongwen/corpusReport');
  if (!reportPanel) {
    reportPanel = vscode.window.createWebviewPanel('gongwen.corpusReport', '语料库报告', vscode.ViewColumn.Beside, { enableScripts: false });
    reportPanel.onDidDispose(() => (reportPanel = undefined));
  }
  reportPanel.webview.html = renderReport(data, reportPanel.webview.cspSource);
  reportPanel.reveal(undefined, true);
  return data;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/gongwen.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: ['lsp'] },
    debug: { module: serverModule, transport: TransportKind.ipc, args: ['lsp'], options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: servedLanguages().flatMap((language) => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }, { language, scheme: 'vscode-remote' }]),
    diagnosticCollectionName: 'gongwen',
    outputChannelName: '公文语言服务器',
    initializationOptions: {
      corpusPaths: corpusPaths(),
      useDefaultModel: vscode.workspace.getConfiguration('gongwen').get<boolean>('corpus.useDefaultModel', true),
      cacheDir: context.globalStorageUri.fsPath,
    },
  };
  client = new LanguageClient('gongwen', '公文语言服务器', serverOptions, clientOptions);
  await client.start();
  client.onNotification('gongwen/documentInfo', (info: { uri: string; type: string; subtype: string | null }) => {
    docTypes.set(info.uri, info.subtype ? `${info.type}（${info.subtype}）` : info.type);
    updateStatus();
  });
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop().catch(() => undefined);
  }
  docTypes.clear();
  await startClient(context);
  updateStatus();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem('gongwen.docType', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = '公文文种';
  statusItem.command = 'workbench.action.gotoSymbol';
  context.subscriptions.push(statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.checkAsGongwen', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('请先打开要检查的文件。');
        return;
      }
      await vscode.languages.setTextDocumentLanguage(editor.document, 'gongwen');
    }),
    vscode.commands.registerCommand('gongwen.learnCorpus', learnCorpus),
    vscode.commands.registerCommand('gongwen.corpusReport', showCorpusReport),
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      await restartClient(context);
      void vscode.window.setStatusBarMessage('公文语言服务器已重启', 3000);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidCloseTextDocument((d) => docTypes.delete(d.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gongwen.extraLanguages') || e.affectsConfiguration('gongwen.corpus.useDefaultModel')) void restartClient(context);
      else if (e.affectsConfiguration('gongwen.corpus.paths')) void learnCorpus();
    }),
  );
  await startClient(context);
  updateStatus();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
