// Format of single elements: 发文字号, 成文日期/印发日期, 标题, 主送机关.

import type { Finding } from '../types';
import type { ParsedDocument } from '../structure';
import { parseDocNumber } from '../docNumber';
import { describeDateProblems, parseDate, predatesCurrentStandard, TRAILING_DATE } from '../dates';
import { finding, lineSpan } from './catalogue';

export function docNumberFormat(doc: ParsedDocument, out: Finding[]): void {
  for (const el of doc.headElements) {
    if (el.kind !== 'doc-number') continue;
    const info = parseDocNumber(el.text);
    if (!info || info.problems.length === 0) continue;
    const msg = `发文字号格式不规范：${info.problems.join('；')}。` + (info.expected ? `应为“${info.expected}”` : '应为“机关代字〔年份〕序号号”，如“国办发〔2023〕12号”');
    out.push(finding('doc-number-format', el.range, msg, info.expected ? { range: el.range, newText: info.expected } : undefined));
  }
}

export function dateFormat(doc: ParsedDocument, out: Finding[]): void {
  if (doc.date && doc.dateInfo) {
    const info = doc.dateInfo;
    if (info.problems.length > 0 && !(info.problems.includes('chinese-numerals') && predatesCurrentStandard(info) && !info.problems.includes('invalid'))) {
      const msg = `成文日期格式不规范：${describeDateProblems(info)}。` + (info.expected ? `应为“${info.expected}”` : '应写作“2023年3月5日”的形式');
      out.push(finding('date-format', doc.date.range, msg, info.expected ? { range: doc.date.range, newText: info.expected } : undefined));
    }
  }
  for (const el of doc.printInfo) {
    const line = doc.lines[el.range.start.line];
    const withoutSuffix = line.text.slice(0, line.end).replace(/\s*印发$/, '');
    const m = TRAILING_DATE.exec(withoutSuffix);
    if (!m) continue;
    const info = parseDate(m[0]);
    if (!info || info.problems.length === 0) continue;
    if (info.problems.includes('chinese-numerals') && predatesCurrentStandard(info) && !info.problems.includes('invalid')) continue;
    const range = lineSpan(el.range.start.line, m.index, m.index + m[0].length);
    const msg = `印发日期格式不规范：${describeDateProblems(info)}。` + (info.expected ? `应为“${info.expected}”` : '应写作“2023年3月5日”的形式');
    out.push(finding('date-format', range, msg, info.expected ? { range, newText: info.expected } : undefined));
  }
}


export function titleFormat(doc: ParsedDocument, out: Finding[]): void {
  const t = doc.title;
  if (!t || doc.type === '简报' || doc.type === '未知') return;
  const text = t.text;
  const lastLine = t.range.end.line;
  const L = doc.lines[lastLine];
  // Trailing punctuation: the fix deletes it.
  const trail = /[。．.，,；;！!？?：:]+$/.exec(L.content);
  if (trail) {
    const s = L.start + trail.index;
    const range = lineSpan(lastLine, s, L.end);
    out.push(finding('title-format', range, `标题末尾不加标点符号“${trail[0]}”`, { range, newText: '' }));
  }
  // Punctuation other than 《》“”、（） inside the title.
  for (const ln of doc.titleLines) {
    const line = doc.lines[ln];
    const limit = ln === lastLine && trail ? line.start + trail.index : line.end;
    let depth = 0; // punctuation inside 《》“”（） belongs to a quoted name, which keeps its own
    for (let i = line.start; i < limit; i++) {
      const ch = line.text[i];
      if ('《“（(〈‘'.includes(ch)) depth++;
      else if ('》”）)〉’'.includes(ch)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && /[，,。；;：:！!？?]/.test(ch)) {
        out.push(finding('title-format', lineSpan(ln, i, i + 1), `标题中一般不用标点“${ch}”，除书名号、引号、顿号、括号外应避免使用`));
      }
    }
  }
  const core = text.replace(/[。．.，,；;！!？?：:\s]+$/, '');
  const nested = /的(通知|报告|请示|意见|函|批复)的(通知|报告|请示|意见|函|批复)$/.exec(core);
  if (nested) {
    out.push(finding('title-format', t.range, `标题文种重叠：“${nested[0]}”，应只保留一个文种`));
  }
  if (/请示报告$/.test(core)) {
    out.push(finding('title-format', t.range, '“请示报告”不是法定文种：请示与报告应分开行文，请选择“请示”或“报告”'));
  }
  const zhuanfa = core.match(/转发/g);
  if (zhuanfa && zhuanfa.length >= 2) {
    out.push(finding('title-format', t.range, '标题中“转发”层层嵌套，宜只保留一个“转发”，转发被转发文件的原标题'));
  }
  if (!/关于/.test(core) && !['命令', '公报', '公告', '通告', '纪要', '决议', '议案'].includes(doc.type) && !/转发|批转|印发/.test(core) && core.length > 6) {
    out.push(finding('title-format', t.range, `标题一般由“发文机关＋关于＋事由＋的＋文种”组成，此标题缺少“关于…的”`, undefined, 'information'));
  }
}

const UPWARD: ReadonlySet<string> = new Set(['请示']);

export function addresseeFormat(doc: ParsedDocument, out: Finding[]): void {
  const a = doc.addressee;
  if (!a) return;
  const L = doc.lines[a.range.start.line];
  if (a.range.start.character === L.start && L.content.endsWith(':')) {
    const range = lineSpan(a.range.start.line, L.end - 1, L.end);
    out.push(finding('addressee-format', range, '主送机关后应使用全角冒号“：”', { range, newText: '：' }));
  }
  if (UPWARD.has(doc.type) && /[、，,]/.test(a.text)) {
    out.push(finding('addressee-format', a.range, `${doc.type}应当一文一主送，只写一个主送机关；需要同时送其他机关的，用抄送`));
  }
}
