// The corpus report as an HTML page (no scripts): what was learned, shown as bars and tables.
// Kept free of the vscode API so it can be rendered and tested anywhere.

export interface CorpusReportData {
  source: 'user' | 'default' | 'none';
  createdAt?: string;
  stats?: { documents: number; chars: number; duplicateDocuments: number; traditionalConverted: number; pinyinRepairs: number };
  types: { type: string; documents: number; elements: Record<string, number>; sections: { heading: string; share: number }[] }[];
  phrases: { text: string; count: number; docs: number }[];
  formulations: { text: string; count: number }[];
  skipped: { path: string; reason: string }[];
}

const ELEMENT_NAMES: Record<string, string> = {
  'copy-number': '份号', secrecy: '密级', urgency: '紧急程度', 'issuer-mark': '发文机关标志', 'doc-number': '发文字号', signer: '签发人',
  title: '标题', addressee: '主送机关', body: '正文', heading: '标题层次', 'attachment-note': '附件说明', 'issuer-signature': '发文机关署名',
  date: '成文日期', note: '附注', attachment: '附件', 'copy-to': '抄送', 'print-info': '印发机关和日期',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function bar(label: string, value: number, max: number, text: string): string {
  const pct = max > 0 ? Math.max(1, Math.round((value / max) * 100)) : 0;
  return `<div class="row"><span class="label">${escapeHtml(label)}</span><span class="bar"><span style="width:${pct}%"></span></span><span class="num">${escapeHtml(text)}</span></div>`;
}

export function renderReport(d: CorpusReportData, cspSource = ''): string {
  const title = d.source === 'user' ? '本单位语料模型' : d.source === 'default' ? '默认语料模型（公开发布的公文）' : '尚无语料模型';
  const parts: string[] = [];
  if (d.stats) {
    parts.push(`<p class="summary">${d.stats.documents} 个文件，${(d.stats.chars / 10000).toFixed(1)} 万字；近似重复 ${d.stats.duplicateDocuments} 个，繁体转简体 ${d.stats.traditionalConverted} 个，修复拼音残留 ${d.stats.pinyinRepairs} 处${d.createdAt ? `；学习于 ${escapeHtml(d.createdAt.slice(0, 10))}` : ''}</p>`);
  }
  const types = [...d.types].sort((a, b) => b.documents - a.documents);
  const maxDocs = Math.max(0, ...types.map((t) => t.documents));
  parts.push('<h2>各文种文件数</h2>', ...types.map((t) => bar(t.type, t.documents, maxDocs, String(t.documents))));
  const maxCount = Math.max(0, ...d.phrases.map((p) => p.count));
  parts.push('<h2>常用短语</h2>', ...d.phrases.map((p) => bar(p.text, p.count, maxCount, `${p.count} 次 / ${p.docs} 个文件`)));
  if (d.formulations.length) parts.push('<h2>固定提法</h2>', `<p class="chips">${d.formulations.map((f) => `<span>“${escapeHtml(f.text)}” ${f.count}</span>`).join('')}</p>`);
  parts.push('<h2>各文种的结构</h2>');
  for (const t of types) {
    const els = Object.entries(t.elements).sort((a, b) => b[1] - a[1]);
    parts.push(`<details${t === types[0] ? ' open' : ''}><summary>${escapeHtml(t.type)}（${t.documents} 个文件）</summary>`,
      ...els.map(([k, v]) => bar(ELEMENT_NAMES[k] ?? k, v, 1, `${Math.round(v * 100)}%`)),
      t.sections.length ? `<p class="sections">常见一级标题：${t.sections.slice(0, 8).map((s) => `${escapeHtml(s.heading)}（${Math.round(s.share * 100)}%）`).join('、')}</p>` : '',
      '</details>');
  }
  parts.push(`<h2>跳过的文件（${d.skipped.length}）</h2>`);
  parts.push(d.skipped.length ? `<table>${d.skipped.map((s) => `<tr><td>${escapeHtml(s.path)}</td><td>${escapeHtml(s.reason)}</td></tr>`).join('')}</table>` : '<p>没有</p>');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${cspSource};">
<title>语料库报告</title><style>
body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:0 1.5em 2em;max-width:60em}
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid var(--vscode-panel-border)}
.row{display:flex;align-items:center;gap:.6em;margin:.15em 0}.label{flex:0 0 12em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{flex:1;background:var(--vscode-editorWidget-background);height:.8em}.bar span{display:block;height:100%;background:var(--vscode-charts-blue,#3794ff)}
.num{flex:0 0 13em;text-align:right;opacity:.8;white-space:nowrap}.chips span{display:inline-block;margin:.2em .4em;padding:.1em .5em;border:1px solid var(--vscode-panel-border);border-radius:1em}
table{border-collapse:collapse}td{border-bottom:1px solid var(--vscode-panel-border);padding:.2em .8em}
</style></head><body><h1>语料库报告：${escapeHtml(title)}</h1>${parts.join('\n')}</body></html>`;
}
