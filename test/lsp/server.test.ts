import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClient } from './client';
import { BAD_NOTICE, GOOD_NOTICE } from '../fixtures/drafts';

const URI = 'file:///tmp/gongwen-test/draft.gw';

test('initialize advertises incremental sync, symbols and folding', async () => {
  const c = new TestClient();
  try {
    const r = await c.initialize();
    assert.equal(r.capabilities.textDocumentSync.change, 2);
    assert.equal(r.capabilities.textDocumentSync.openClose, true);
    assert.ok(r.capabilities.documentSymbolProvider);
    assert.ok(r.capabilities.foldingRangeProvider);
    assert.equal(r.serverInfo.name, 'gongwen');
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('open → diagnostics; incremental change → updated diagnostics; close → cleared', async () => {
  const c = new TestClient();
  try {
    await c.initialize();
    await c.open(URI, BAD_NOTICE);
    const first = await c.diagnostics(URI, (p) => p.diagnostics.length > 0);
    assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.source]), [['doc-number-format', 1, 1, 'gongwen'], ['heading-sequence', 2, 7, 'gongwen']]);
    assert.match(first.diagnostics[0].message, /六角括号/);
    const info = c.infos.find((i) => i.uri === URI);
    assert.deepEqual(info && [info.type, info.subtype], ['通知', null]);

    // Fix the brackets with two single-character incremental edits: [ → 〔 and ] → 〕.
    let n = c.published.length;
    await c.change(URI, 2, [
      { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, text: '〔' },
      { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '〕' },
    ]);
    const second = await c.diagnostics(URI, (p) => p.version === 2, n);
    assert.deepEqual(second.diagnostics.map((d) => d.code), ['heading-sequence']);

    // Insert a missing heading line before 四、 : now the sequence is 一 二 三 四 and only a renumbering... no finding.
    n = c.published.length;
    await c.change(URI, 3, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: '　　三、强化应急管理\n' }]);
    const third = await c.diagnostics(URI, (p) => p.version === 3, n);
    assert.deepEqual(third.diagnostics, []);

    // A full-text change (no range) is accepted too.
    n = c.published.length;
    await c.change(URI, 4, [{ text: BAD_NOTICE }]);
    const fourth = await c.diagnostics(URI, (p) => p.version === 4, n);
    assert.equal(fourth.diagnostics.length, 2);

    n = c.published.length;
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    const closed = await c.diagnostics(URI, () => true, n);
    assert.deepEqual(closed.diagnostics, []);
  } finally {
    await c.shutdown();
  }
});

test('document symbols give the outline; folding ranges follow headings', async () => {
  const c = new TestClient();
  try {
    await c.initialize();
    await c.open(URI, GOOD_NOTICE);
    const symbols: any[] = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols.map((s) => s.name), ['版头', '主体', '附件1', '附件2', '版记']);
    assert.deepEqual(symbols[0].children.map((s: any) => [s.name, s.detail]), [['发文机关标志', '青海省教育厅文件'], ['发文字号', '青教发〔2023〕8号']]);
    const body = symbols[1].children.find((s: any) => s.name === '正文');
    assert.deepEqual(body.children.map((s: any) => s.name), ['一、压实安全生产责任', '二、开展隐患排查', '三、加强宣传教育']);
    assert.equal(body.children[0].children.length, 2);
    const folds: any[] = await c.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(folds.some((f) => f.startLine === 5 && f.endLine === 7));
    const none = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///not-open.gw' } });
    assert.deepEqual(none, []);
  } finally {
    await c.shutdown();
  }
});

test('bad input never breaks the server: empty, 10 MB single line, binary bytes, punctuation only, mixed CRLF', async () => {
  const c = new TestClient();
  try {
    await c.initialize();
    const inputs: [string, string][] = [
      ['empty', ''],
      ['huge', '关于'.padEnd(10 * 1024 * 1024, '测试，')],
      ['binary', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
      ['punct', '。，、；：？！…—（）《》“”'.repeat(2000)],
      ['mixed', BAD_NOTICE.split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('')],
    ];
    for (const [name, text] of inputs) await c.open(`file:///tmp/bad/${name}.gw`, text);
    for (const [name] of inputs) {
      const p = await c.diagnostics(`file:///tmp/bad/${name}.gw`, () => true, 0, 30000);
      assert.ok(Array.isArray(p.diagnostics));
    }
    const mixed = await c.diagnostics('file:///tmp/bad/mixed.gw');
    assert.deepEqual(mixed.diagnostics.map((d) => d.code), ['doc-number-format', 'heading-sequence']);
    // The server still answers requests afterwards.
    const symbols: any[] = await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///tmp/bad/huge.gw' } });
    assert.ok(Array.isArray(symbols));
    assert.equal(c.stderr, '');
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('with the shipped default model, “两个确定” gets phrase-variant naming 两个确立', async () => {
  const c = new TestClient();
  try {
    await c.initialize();
    const uri = 'file:///tmp/gongwen-test/variant.gw';
    await c.open(uri, ['关于学习贯彻会议精神的通知', '各单位：', '　　要深刻领悟“两个确定”的决定性意义，增强“四个意识”。', '市委办公室', '2023年3月5日'].join('\n'));
    const p = await c.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['phrase-variant', 2, 8]]);
    assert.match(p.diagnostics[0].message, /两个确立/);
  } finally {
    await c.shutdown();
  }
});

test('gongwen/learn: learns a folder in a worker with progress, caches the model, and its formulations take effect', async () => {
  const { mkdtempSync, writeFileSync, readdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const corpus = mkdtempSync(join(tmpdir(), 'gongwen-lsp-corpus-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'gongwen-lsp-cache-'));
  for (let i = 1; i <= 3; i++) writeFileSync(join(corpus, `d${i}.txt`), `关于第${i}季度工作的通知\n各单位：\n　　第${i}季度要牢记“三个务必”，践行“四下基层”，各项工作第${i}次部署。\n市委办公室\n2023年${i}月5日`);
  writeFileSync(join(corpus, 'bad.docx'), 'not a zip');
  const c = new TestClient();
  const progress: number[] = [];
  c.conn.onNotification('gongwen/learnProgress', (p: { done: number }) => { progress.push(p.done); });
  c.conn.onRequest('window/workDoneProgress/create', () => null);
  c.conn.onNotification('$/progress', () => undefined);
  try {
    await c.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { window: { workDoneProgress: true } }, initializationOptions: { cacheDir } });
    await c.conn.sendNotification('initialized', {});
    const uri = 'file:///tmp/gongwen-test/learned.gw';
    const draft = ['关于学习的通知', '各单位：', '　　要牢记“三个务心”。', '市委办公室', '2023年3月5日'].join('\n');
    await c.open(uri, draft);
    await c.diagnostics(uri);
    const r: any = await c.conn.sendRequest('gongwen/learn', { paths: [corpus] });
    assert.equal(r.documents, 3);
    assert.equal(r.skipped.length, 1);
    assert.match(r.skipped[0].reason, /^无法解析的 \.docx/);
    assert.equal(r.fromCache, false);
    assert.deepEqual(progress.slice(-1), [4]);
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.json.gz')).length, 1);
    const p = await c.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'phrase-variant'));
    assert.match(p.diagnostics.find((d) => d.code === 'phrase-variant')!.message, /三个务必/);
    const report: any = await c.conn.sendRequest('gongwen/corpusReport');
    assert.equal(report.source, 'user');
    assert.equal(report.stats.documents, 3);
    assert.deepEqual(report.types.map((t: any) => [t.type, t.documents]), [['通知', 3]]);
    assert.ok(report.formulations.some((f: any) => f.text === '三个务必'));
    assert.equal(report.skipped.length, 1);
    // The same corpus again: loaded from the cache.
    const again: any = await c.conn.sendRequest('gongwen/learn', { paths: [corpus] });
    assert.equal(again.fromCache, true);
    // A corrupt cache file is rebuilt, not trusted.
    for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), 'garbage');
    const rebuilt: any = await c.conn.sendRequest('gongwen/learn', { paths: [corpus] });
    assert.equal(rebuilt.fromCache, false);
    assert.equal(rebuilt.documents, 3);
  } finally {
    await c.shutdown();
  }
});
