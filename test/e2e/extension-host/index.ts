/// <reference types="vscode" />
// Extension-host tests: this module runs INSIDE a real VS Code extension host, loaded as
// `extensionTestsPath` (the contract of @vscode/test-electron, and of the workbench's test payload).
//   - under code-server + Chromium: test/e2e/vscode.test.ts (part of npm test)
//   - under desktop VS Code:        node out/test/e2e/run-electron.js (see test/e2e/run-electron.ts)
// The workspace folder is a copy of test/e2e/fixtures/ws. VS Code calls `run()`; a rejection makes
// the host exit with code 1. Progress is logged with the prefix "gongwen-e2e:".
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';

const EXTENSION_ID = 'gongwen.gongwen';
const LINE_DOC_NUMBER = 1; // 青教发[2023]8号
const LINE_FOURTH_HEADING = 7; // 　　四、加强宣传教育

const out = (msg: string) => console.log(`gongwen-e2e: ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    ds.map((d) => ({ code: codeOf(d), source: d.source, severity: vscode.DiagnosticSeverity[d.severity], line: d.range.start.line, message: d.message })),
  );
}

/** Resolves with the document's diagnostics once `done` holds for them; rejects after timeoutMs. */
async function waitForDiagnostics(
  uri: vscode.Uri,
  done: (ds: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<readonly vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ds = ours();
    if (done(ds)) return ds;
    await new Promise<void>((res) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        sub.dispose();
        res();
      });
      setTimeout(() => {
        sub.dispose();
        res();
      }, 200);
    });
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describeDiagnostics(ours())}`);
}

const hasCode = (code: string) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (expected a copy of test/e2e/fixtures/ws)');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Replaces the text of one line through the editor, like typing would (not saved). */
async function replaceLine(doc: vscode.TextDocument, line: number, change: (text: string) => string): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  const { text, range } = doc.lineAt(line);
  const next = change(text);
  assert.notEqual(next, text, `edit of line ${line} changes nothing: ${text}`);
  assert.ok(await editor.edit((e) => e.replace(range, next)), 'edit was not applied');
  assert.equal(doc.lineAt(line).text, next);
}

type Check = [name: string, fn: () => Promise<void>];

export async function run(): Promise<void> {
  const uri = workspaceFile('draft.gw');
  let doc: vscode.TextDocument;

  const checks: Check[] = [
    ['the extension is installed and a .gw file gets the gongwen language', async () => {
      assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `extension ${EXTENSION_ID} not found`);
      doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.equal(doc.languageId, 'gongwen');
    }],

    ['diagnostics: doc-number-format (error) on the doc number, heading-sequence (warning) on 四、', async () => {
      const ds = await waitForDiagnostics(uri, (d) => hasCode('doc-number-format')(d) && hasCode('heading-sequence')(d), 'doc-number-format and heading-sequence');
      out(`diagnostics ${describeDiagnostics(ds)}`);
      const docNumber = ds.find((d) => codeOf(d) === 'doc-number-format')!;
      assert.equal(docNumber.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(docNumber.range.start.line, LINE_DOC_NUMBER);
      const heading = ds.find((d) => codeOf(d) === 'heading-sequence')!;
      assert.equal(heading.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(heading.range.start.line, LINE_FOURTH_HEADING);
      for (const d of ds) assert.match(d.message, /[\u4e00-\u9fff]/, `message is not Chinese: ${d.message}`);
    }],

    ['the extension was activated by opening the .gw file', async () => {
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID)!.isActive, true);
    }],

    ['document symbols: outline with 版头 and 主体, headings under 主体', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      assert.ok(Array.isArray(symbols) && symbols.length > 0, 'no document symbols');
      const names = symbols.map((s) => s.name);
      out(`symbols ${JSON.stringify(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]))}`);
      assert.ok(names.includes('版头'), `no 版头 among ${JSON.stringify(names)}`);
      const body = symbols.find((s) => s.name === '主体');
      assert.ok(body, `no 主体 among ${JSON.stringify(names)}`);
      const descendants: string[] = [];
      const walk = (s: vscode.DocumentSymbol) => s.children?.forEach((c) => (descendants.push(c.name), walk(c)));
      walk(body);
      assert.ok(descendants.some((n) => n.startsWith('一、')), `no 一、 heading under 主体: ${JSON.stringify(descendants)}`);
      const head = symbols.find((s) => s.name === '版头')!;
      assert.equal(head.range.start.line, 0, '版头 should start on the first line');
      assert.ok(body.range.start.line >= head.range.end.line, '主体 should come after 版头');
    }],

    ['folding ranges', async () => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
      out(`folding ${JSON.stringify(ranges?.map((r) => [r.start, r.end]))}`);
      assert.ok(Array.isArray(ranges) && ranges.length > 0, 'no folding ranges');
      for (const r of ranges) {
        assert.ok(r.start < r.end && r.end < doc.lineCount, `bad folding range ${r.start}-${r.end}`);
      }
    }],

    ['commands are registered', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const c of ['gongwen.checkAsGongwen', 'gongwen.restartServer', 'gongwen.learnCorpus', 'gongwen.corpusReport']) assert.ok(all.includes(c), `command ${c} missing`);
    }],

    ['editing: renumbering 四、 to 三、 clears heading-sequence, restoring the text brings it back', async () => {
      await replaceLine(doc, LINE_FOURTH_HEADING, (t) => t.replace('四、', '三、'));
      await waitForDiagnostics(uri, (d) => !hasCode('heading-sequence')(d) && hasCode('doc-number-format')(d), 'heading-sequence to disappear after renumbering');
      await replaceLine(doc, LINE_FOURTH_HEADING, (t) => t.replace('三、', '四、'));
      await waitForDiagnostics(uri, hasCode('heading-sequence'), 'heading-sequence to come back');
    }],

    ['gongwen.restartServer: the restarted server still follows edits', async () => {
      await vscode.commands.executeCommand('gongwen.restartServer');
      // Only a live server can drop the error after this edit.
      await replaceLine(doc, LINE_DOC_NUMBER, (t) => t.replace('[', '〔').replace(']', '〕'));
      await waitForDiagnostics(uri, (d) => !hasCode('doc-number-format')(d) && hasCode('heading-sequence')(d), 'doc-number-format to disappear after fixing the brackets');
      await replaceLine(doc, LINE_DOC_NUMBER, (t) => t.replace('〔', '[').replace('〕', ']'));
      await waitForDiagnostics(uri, hasCode('doc-number-format'), 'doc-number-format to come back');
    }],

    ['gongwen.checkAsGongwen: a plain-text file is checked on request', async () => {
      const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: doc.getText() });
      await vscode.window.showTextDocument(plain);
      await sleep(1000);
      const before = vscode.languages.getDiagnostics(plain.uri).filter((d) => d.source === 'gongwen');
      assert.equal(before.length, 0, `plain text should not be checked by default: ${describeDiagnostics(before)}`);
      await vscode.commands.executeCommand('gongwen.checkAsGongwen');
      await waitForDiagnostics(plain.uri, hasCode('doc-number-format'), 'diagnostics on the plain-text file after gongwen.checkAsGongwen');
    }],

    ['gongwen.learnCorpus: learning a small folder runs to the end and a diagnostic changes', async () => {
      const fs = require('node:fs') as typeof import('node:fs');
      const os = require('node:os') as typeof import('node:os');
      const path = require('node:path') as typeof import('node:path');
      const corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-e2e-corpus-'));
      for (let i = 1; i <= 3; i++) {
        fs.writeFileSync(path.join(corpus, `d${i}.txt`), `关于第${i}季度工作的通知\n各单位：\n　　第${i}季度要牢记“三个务必”，践行“四下基层”。\n市委办公室\n2023年${i}月5日`);
      }
      const draft = await vscode.workspace.openTextDocument({ language: 'gongwen', content: ['关于学习的通知', '各单位：', '　　要牢记“三个务心”。', '市委办公室', '2023年3月5日'].join('\n') });
      await vscode.window.showTextDocument(draft);
      await sleep(1500);
      const before = vscode.languages.getDiagnostics(draft.uri).filter((d) => codeOf(d) === 'phrase-variant');
      assert.equal(before.length, 0, 'the default model does not know “三个务必”');
      await vscode.workspace.getConfiguration('gongwen').update('corpus.paths', [corpus], vscode.ConfigurationTarget.Global);
      try {
        // The command resolves when its progress notification has finished.
        await vscode.commands.executeCommand('gongwen.learnCorpus');
        const ds = await waitForDiagnostics(draft.uri, hasCode('phrase-variant'), 'phrase-variant after learning the corpus');
        assert.match(ds.find((d) => codeOf(d) === 'phrase-variant')!.message, /三个务必/);
        // 公文：语料库报告 shows what was learned, in a webview tab.
        const report = await vscode.commands.executeCommand<{ source: string; types: { type: string; documents: number }[] }>('gongwen.corpusReport');
        assert.equal(report.source, 'user');
        assert.deepEqual(report.types.map((t) => [t.type, t.documents]), [['通知', 3]]);
        let tabs: string[] = [];
        for (let i = 0; i < 50 && !tabs.includes('语料库报告'); i++) {
          await sleep(100); // the workbench adds the webview's tab asynchronously
          tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
        }
        assert.ok(tabs.includes('语料库报告'), `no report tab among ${JSON.stringify(tabs)}`);
      } finally {
        await vscode.workspace.getConfiguration('gongwen').update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
      }
    }],
  ];

  let failed = 0;
  for (const [name, fn] of checks) {
    const t0 = Date.now();
    try {
      await fn();
      out(`ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      out(`FAIL ${name} (${Date.now() - t0} ms)\n${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  // Leave no dirty editors behind (a desktop run would otherwise ask to save on exit).
  for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  out(`${checks.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${checks.length} extension-host checks failed`);
}
