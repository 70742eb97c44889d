// Whole-document rules: required elements (条例 第九条), the closing request of a 请示
// (条例 第十五条), and the 附件说明 (GB/T 9704-2012 7.3.4).

import type { DocType, Finding, Range } from '../types';
import type { ParsedDocument } from '../structure';
import { finding, lineSpan } from './catalogue';

/** Types that are published rather than addressed: no 主送机关. */
const NO_ADDRESSEE: ReadonlySet<DocType> = new Set(['公告', '通告', '决议', '公报', '纪要', '命令', '决定', '议案']);
const ADDRESSED: ReadonlySet<DocType> = new Set(['通知', '通报', '报告', '请示', '批复', '函', '意见']);
const UPWARD: ReadonlySet<DocType> = new Set(['请示', '报告']);

function docStart(doc: ParsedDocument): Range {
  const first = doc.title ?? doc.elements[0];
  if (first) return { start: first.range.start, end: first.range.start.line === first.range.end.line ? first.range.end : { line: first.range.start.line, character: doc.lines[first.range.start.line].end } };
  return lineSpan(0, 0, 0);
}

export function missingElement(doc: ParsedDocument, out: Finding[]): void {
  const t = doc.type;
  const isGongwen = t !== '简报' && t !== '未知';
  // 答复 letters published without their title (某某代表：您提出的…) are excerpts, not drafts lacking one.
  const isReplyExcerpt = doc.type === '函' && doc.addressee !== undefined && doc.addressee.range.start.line === doc.bodyElement?.range.start.line;
  const hasOfficialParts = !isReplyExcerpt && (doc.hasHead || doc.addressee !== undefined);
  if (!doc.title) {
    if (hasOfficialParts) out.push(finding('missing-element', docStart(doc), '缺少标题：公文标题应为“发文机关＋关于＋事由＋的＋文种”'));
    return;
  }
  if (!isGongwen) return;
  const at = doc.title.range;
  if (ADDRESSED.has(t) && !NO_ADDRESSEE.has(t) && !doc.addressee) {
    out.push(finding('missing-element', at, `${t}应有主送机关：在标题下一行顶格写明主送机关，后加全角冒号`));
  }
  if (!doc.bodyElement || doc.bodyElement.text.trim().length === 0) {
    out.push(finding('missing-element', at, '缺少正文'));
  }
  const end = doc.bodyElement ? lineSpan(doc.bodyElement.range.end.line, doc.lines[doc.bodyElement.range.end.line].start, doc.lines[doc.bodyElement.range.end.line].end) : at;
  if (!doc.date) {
    out.push(finding('missing-element', end, '缺少成文日期：应在正文（或附件说明）之后、发文机关署名之下写明成文日期，如“2023年3月5日”'));
  } else if (doc.signature.length === 0 && t !== '纪要' && t !== '命令' && !signatureMergedAbove(doc)) {
    out.push(finding('missing-element', doc.date.range, '缺少发文机关署名：成文日期之上应署发文机关全称或规范化简称'));
  }
  if (t === '通知' && doc.subtype === '印发' && !/《.+》/.test(doc.title.text)) {
    out.push(finding('missing-element', at, '印发通知的标题应用书名号标明所印发文件的名称，如“关于印发《……》的通知”'));
  }
  if (UPWARD.has(t) && doc.hasHead && !doc.headElements.some((e) => e.kind === 'signer')) {
    const dn = doc.headElements.find((e) => e.kind === 'doc-number') ?? doc.headElements[0];
    out.push(finding('missing-element', dn.range, `上行文（${t}）应在发文字号右侧标注签发人姓名，如“签发人：张三”`));
  }
}

/** The 署名 ran into the end of the line above the date when its line break was lost (…编制说明生态环境部办公厅). */
function signatureMergedAbove(doc: ParsedDocument): boolean {
  const dateLine = doc.date!.range.start.line;
  for (let i = dateLine - 1; i >= 0 && i >= dateLine - 3; i--) {
    const L = doc.lines[i];
    if (L.blank) continue;
    return /(部|厅|局|委员会|委|院|政府|办公室|办公厅|中心|公司|协会|工会|党组|小组|集团|学会|大学)$/.test(L.content);
  }
  return false;
}

const REQUEST = /(妥否|当否|是否妥当|是否可行|请批示|请审批|请批准|请予批准|请予审批|请审示|请核示|请审核|请审定|请予审定|请示如下|请予批复|请批复|请指示|请核准|请予核准|请予以批准|恳请批准|请予支持|请研究|请审阅)/;
const STRONG_REQUEST = /(妥否|当否|请批示|请审批|请批准|请予批准)/;

/** Body paragraphs of the main text, with quoted titles masked so 《…的请示》 citations do not count. */
function bodyParagraphs(doc: ParsedDocument): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  if (!doc.body) return out;
  for (let i = doc.body.startLine; i <= doc.body.endLine; i++) {
    const L = doc.lines[i];
    if (L.blank || doc.boilerplate.has(i)) continue;
    out.push({ line: i, text: L.content.replace(/《[^》]*》|“[^”]*”/g, (m) => '＿'.repeat(m.length)) });
  }
  return out;
}

export function closingFormula(doc: ParsedDocument, out: Finding[]): void {
  const paras = bodyParagraphs(doc);
  if (paras.length === 0) return;
  if (doc.type === '请示') {
    const tail = paras.slice(-3);
    if (!tail.some((p) => REQUEST.test(p.text))) {
      const last = paras[paras.length - 1];
      out.push(finding('closing-formula', lineSpan(last.line, doc.lines[last.line].start, doc.lines[last.line].end),
        '请示的结尾应明确提出请求，如“妥否，请批示。”或“以上请示如无不妥，请批准。”'));
    }
    // 一文一事: separate requests in separate sentences.
    let count = 0;
    let second: { line: number; start: number; end: number } | undefined;
    for (const p of paras) {
      for (const sentence of p.text.split(/[。！？]/)) {
        if (REQUEST.test(sentence)) {
          count++;
          if (count === 2) {
            const idx = doc.lines[p.line].text.indexOf(sentence);
            const m = REQUEST.exec(sentence)!;
            const s = idx + (m.index ?? 0);
            second = { line: p.line, start: s, end: s + m[0].length };
          }
        }
      }
    }
    if (count >= 2 && second && paras.filter((p) => STRONG_REQUEST.test(p.text)).length >= 2) {
      out.push(finding('closing-formula', lineSpan(second.line, second.start, second.end),
        '请示应当一文一事：本文提出了不止一项请求，宜分别行文'));
    }
    return;
  }
  if (doc.type === '报告' || doc.type === '意见' || doc.type === '通报' || doc.type === '通知' || doc.type === '纪要') {
    for (const p of paras.slice(-3)) {
      const m = STRONG_REQUEST.exec(p.text);
      if (m) {
        const L = doc.lines[p.line];
        const s = L.text.indexOf(m[0], L.start);
        out.push(finding('closing-formula', lineSpan(p.line, s, s + m[0].length),
          doc.type === '报告' ? '报告不得夹带请示事项：“' + m[0] + '”是请示的结束语，需要上级批准的事项应另行请示' : `${doc.type}不用请示性结束语“${m[0]}”`));
        break;
      }
    }
  }
}

function normalizeName(s: string): string {
  return s.replace(/[《》〈〉“”\s]/g, '').replace(/[。．.，,；;：:、]+$/, '');
}

export function attachmentFormat(doc: ParsedDocument, out: Finding[]): void {
  const note = doc.attachmentNote;
  // An "item" longer than any attachment name is text whose line breaks were lost: judge nothing in it.
  if (note && note.items.every((it) => it.name.length <= 80)) {
    const items = note.items;
    if (items.length === 1 && items[0].marker) {
      const it = items[0];
      const range = lineSpan(it.line, it.start, it.start + it.marker!.length);
      out.push(finding('attachment-format', range, '只有一个附件时不编序号：应写作“附件：附件名称”', { range, newText: '' }));
    }
    if (items.length > 1) {
      items.forEach((it, i) => {
        const expected = `${i + 1}.`;
        if (!it.marker) {
          out.push(finding('attachment-format', lineSpan(it.line, it.start, it.end), `有多个附件时应标注顺序号，此处应以“${expected}”开头`));
        } else if (!/^\d+[.．]$/.test(it.marker) || it.markerNumber !== i + 1) {
          const range = lineSpan(it.line, it.start, it.start + it.marker.length);
          out.push(finding('attachment-format', range, `附件顺序号“${it.marker}”不规范，应为“${expected}”`, { range, newText: expected }));
        }
      });
    }
    for (const it of items) {
      const L = doc.lines[it.nameEndLine];
      const tail = /[。．.，,；;：:、]+$/.exec(L.text.slice(0, it.nameEnd));
      if (tail) {
        const range = lineSpan(it.nameEndLine, tail.index, it.nameEnd);
        out.push(finding('attachment-format', range, `附件名称后不加标点符号“${tail[0]}”`, { range, newText: '' }));
      }
    }
    // Names should match the attached documents' own titles.
    const titled = doc.attachments.filter((a) => a.title);
    if (titled.length === items.length && items.length > 0) {
      items.forEach((it, i) => {
        const title = titled[i].title!.text;
        const name = normalizeName(it.name);
        if (name && normalizeName(title) !== name && !normalizeName(title).includes(name)) {
          out.push(finding('attachment-format', lineSpan(it.line, it.start, doc.lines[it.line].end),
            `附件说明中的名称“${it.name}”与附件${items.length > 1 ? i + 1 : ''}的标题“${title}”不一致`));
        }
      });
    }
  }
  // 见附件N with no attachment N.
  if (!doc.body) return;
  const count = note ? note.items.length : 0;
  if (!note) return; // without a 附件说明 the attachments may simply not be in this file
  for (let i = doc.body.startLine; i <= doc.body.endLine; i++) {
    const L = doc.lines[i];
    const re = /附件\s*([0-9]{1,2})/g;
    for (let m; (m = re.exec(L.text)); ) {
      const n = parseInt(m[1], 10);
      if (n > count) {
        out.push(finding('attachment-format', lineSpan(i, m.index, m.index + m[0].length), `正文提到“${m[0]}”，但附件说明只列了${count}个附件`));
      }
    }
  }
}
