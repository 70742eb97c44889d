// A minimal LSP client over stdio for tests: spawns `node dist/gongwen.js lsp --stdio` and speaks
// JSON-RPC to it exactly as an editor would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const CLI = resolve(__dirname, '..', '..', '..', 'dist', 'gongwen.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; source: string; message: string }[];
}

export class TestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  readonly published: PublishedDiagnostics[] = [];
  readonly infos: { uri: string; type: string; subtype: string | null }[] = [];
  stderr = '';
  private waiters: (() => void)[] = [];

  constructor() {
    this.proc = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.conn.onNotification('gongwen/documentInfo', (p: { uri: string; type: string; subtype: string | null }) => { this.infos.push(p); });
    this.conn.onNotification('window/logMessage', (_p: unknown) => undefined);
    this.conn.listen();
  }

  async initialize(): Promise<any> {
    const r = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Wait for diagnostics for `uri` published after `since` (an index into `published`) that satisfy `pred`. */
  async diagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, since = 0, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.published.slice(since).reverse().find((p) => p.uri === uri && pred(p));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.published.slice(since).filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.code)))}; stderr: ${this.stderr}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, 50);
        this.waiters.push(() => { clearTimeout(t); res(); });
      });
    }
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((res) => this.proc.on('exit', (code) => res(code)));
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => { this.proc.kill('SIGKILL'); r(null); }, 5000))]);
    this.conn.dispose();
    return code;
  }
}
