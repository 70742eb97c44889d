// The VS Code client: starts the language server (the bundled CLI in `lsp` mode), shows the
// recognised document type in the status bar, and wires the commands. No analysis happens here.
import * as vscode from 'vscode';
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
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      await restartClient(context);
      void vscode.window.setStatusBarMessage('公文语言服务器已重启', 3000);
    }),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidCloseTextDocument((d) => docTypes.delete(d.uri.toString())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gongwen.extraLanguages')) void restartClient(context);
    }),
  );
  await startClient(context);
  updateStatus();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
}
