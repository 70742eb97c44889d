// The corpus report page (client/src/report.ts has no vscode imports, so it renders here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport, escapeHtml } from '../../client/src/report';

test('the corpus report shows types, phrases, structure bars and skipped files, escaped, without scripts', () => {
  const html = renderReport({
    source: 'user',
    createdAt: '2026-11-21T10:00:00Z',
    stats: { documents: 12, chars: 54321, duplicateDocuments: 2, traditionalConverted: 1, pinyinRepairs: 3 },
    types: [
      { type: '通知', documents: 8, elements: { title: 1, addressee: 0.875 }, sections: [{ heading: '工作要求', share: 0.75 }] },
      { type: '请示', documents: 4, elements: { title: 1 }, sections: [] },
    ],
    phrases: [{ text: '学习宣传贯彻', count: 40, docs: 9 }, { text: '<script>', count: 20, docs: 2 }],
    formulations: [{ text: '两个确立', count: 5 }],
    skipped: [{ path: '/档案/坏文件.docx', reason: '无法解析的 .docx：不是 zip 文件' }],
  });
  assert.match(html, /本单位语料模型/);
  assert.match(html, /12 个文件，5\.4 万字/);
  assert.match(html, /<span class="label">通知<\/span><span class="bar"><span style="width:100%"><\/span><\/span><span class="num">8<\/span>/);
  assert.match(html, /<span class="label">请示<\/span><span class="bar"><span style="width:50%">/);
  assert.match(html, /主送机关<\/span><span class="bar"><span style="width:88%">/);
  assert.match(html, /工作要求（75%）/);
  assert.match(html, /“两个确立” 5/);
  assert.match(html, /坏文件\.docx<\/td><td>无法解析的 \.docx/);
  assert.ok(!html.includes('<script>'), 'user text is escaped');
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /default-src 'none'/);
  assert.equal(escapeHtml(`a<b>&"'`), 'a&lt;b&gt;&amp;&quot;&#39;');
  assert.match(renderReport({ source: 'none', types: [], phrases: [], formulations: [], skipped: [] }), /尚无语料模型/);
});
