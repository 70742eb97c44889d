// The structure engine: from analysed lines to the elements of a 公文 (GB/T 9704-2012 §7;
// 条例 第九条). It works on real, messy text: web boilerplate, titles split over lines, 版头
// before or after the title, damaged 发文字号 and dates, attachments with or without labels.

import type { DocType, Element, ElementKind, NoticeSubtype, Range } from './types';
import type { HeadingMarker, LineInfo } from './line';
import { parseDocNumber } from './docNumber';
import { parseDate, TRAILING_DATE, type DateInfo } from './dates';
import { isBoilerplateLine } from './corpus/normalize';

export interface HeadingRef {
  line: number;
  marker: HeadingMarker;
}

/** A run of text with its own heading tree: the main body or one attached document. */
export interface Container {
  startLine: number;
  endLine: number;
  headings: HeadingRef[];
}

export interface AttachmentNoteItem {
  line: number;
  /** Offsets of the whole item (number marker included) on its first line. */
  start: number;
  end: number;
  /** The number marker as written (1. 1、 （1） …), if any. */
  marker?: string;
  markerNumber?: number;
  /** The attachment's name, without marker; wrapped continuation lines appended. */
  name: string;
  /** Offsets of the name on the item's last line, for the trailing-punctuation check. */
  nameEndLine: number;
  nameEnd: number;
}

export interface AttachmentPart {
  labelLine?: number;
  labelNumber?: number;
  title?: Element;
  container: Container;
  element: Element;
}

export interface ParsedDocument {
  lines: LineInfo[];
  type: DocType;
  subtype?: NoticeSubtype;
  /** All elements in document order (headings included), as `gongwen parse` prints them. */
  elements: Element[];
  title?: Element;
  titleLines: number[];
  /** True when 版头 elements (发文机关标志 or 发文字号 above the title) are present. */
  hasHead: boolean;
  headElements: Element[];
  addressee?: Element;
  body?: Container;
  bodyElement?: Element;
  attachmentNote?: { element: Element; items: AttachmentNoteItem[] };
  signature: Element[];
  date?: Element;
  dateInfo?: DateInfo;
  notes: Element[];
  attachments: AttachmentPart[];
  copyTo: Element[];
  printInfo: Element[];
  /** Lines of web page chrome (首页>>, 分享到, 来源: …) that are not part of the document. */
  boilerplate: Set<number>;
}

const WENZHONG = '(?:决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|复函|函|纪要)';
const TITLE_END = new RegExp(`${WENZHONG}$`);
const CLOSING_OPENERS = /^(特此|此复|专此|以上|现予|现将|请|望|经|为|根据|按照)/;
const COPY_NUMBER = /^[0-9０-９]{6}$/;
const SECRECY = /^(绝密|机密|秘密)(\s*★.*)?$/;
const URGENCY = /^(特急|加急|特提|平急)$/;
const SIGNER = /^签\s*发\s*人\s*[:：]/;
const SIGNER_INLINE = /签\s*发\s*人\s*[:：]/;
const ATTACHMENT_NOTE = /^附\s*件\s*[:：]/;
const ATTACHMENT_LABEL = /^附\s*件\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[:：]?\s*$/;
const ATTACHMENT_LABEL_WITH_TITLE = /^附\s*件\s*([0-9０-９]+)\s*[:：]\s*(\S.*)$/;
const COPY_TO = /^(抄\s*送|抄\s*报|分\s*送)\s*[:：]?/;
const NOTE = /^[（(][^（）()]{2,}[）)]$/;
const NEWS_CUES = /会议(强调|指出|要求|认为|决定|提出)|连日来|近日|日前|记者|通讯员|报道|召开.{0,20}会议|据悉|本报讯|讯（|讯\(/;
const ITEM_MARKER = /^(?:(\d{1,2})\s*[.．、:：]|[（(](\d{1,2})[）)][、.．]?)\s*/;

function lineRange(lines: LineInfo[], first: number, last: number): Range {
  return { start: { line: first, character: lines[first].start }, end: { line: last, character: lines[last].end } };
}

function makeElement(lines: LineInfo[], kind: ElementKind, first: number, last: number, text?: string): Element {
  const joined = text ?? collectText(lines, first, last);
  return { kind, text: joined, range: lineRange(lines, first, last) };
}

function collectText(lines: LineInfo[], first: number, last: number): string {
  const parts: string[] = [];
  for (let i = first; i <= last; i++) if (!lines[i].blank) parts.push(lines[i].content);
  return parts.join('');
}

/** A short line with no sentence punctuation: an organ's name (署名, 发文机关标志, 主送 lists). */
export function isOrgLike(content: string): boolean {
  if (content.length < 2 || content.length > 40) return false;
  if (/[。，,；;：:！!？?、“”《》]/.test(content)) return false;
  if (/\d{4}/.test(content)) return false;
  if (CLOSING_OPENERS.test(content)) return false;
  return /\p{Script=Han}/u.test(content);
}

function docTypeOfTitle(title: string): { type: DocType; subtype?: NoticeSubtype } | undefined {
  // A trailing parenthetical names a recipient or a variant (…的函(天津)), not the 文种.
  const t = stripTitleTail(title);
  const m = TITLE_END.exec(t);
  if (!m) return undefined;
  let w = m[0];
  if (w === '复函') w = '函';
  if (w === '令') w = '命令';
  const type = w as DocType;
  if (type !== '通知') return { type };
  let subtype: NoticeSubtype | undefined;
  if (/批转/.test(t)) subtype = '批转';
  else if (/转发/.test(t)) subtype = '转发';
  else if (/(印发|颁发|发布)/.test(t)) subtype = '印发';
  else if (/(召开|举办|举行|参加).{0,40}(会议|会|座谈|培训|论坛)|会议的通知$/.test(t)) subtype = '会议';
  else if (/(任免|任职|免职|聘任|职务)/.test(t)) subtype = '任免';
  return subtype ? { type, subtype } : { type };
}

function stripTitleTail(title: string): string {
  return title.replace(/[\s。．.，,；;！!？?]+$/, '').replace(/[（(][^（）()]{1,12}[）)]$/, '');
}

export function parseStructure(lines: LineInfo[]): ParsedDocument {
  const boilerplate = new Set<number>();
  const cl: number[] = []; // content lines: non-blank, not boilerplate
  for (let i = 0; i < lines.length; i++) {
    const L = lines[i];
    if (L.blank) continue;
    if (isBoilerplateLine(L.content)) {
      boilerplate.add(i);
      continue;
    }
    cl.push(i);
  }
  const doc: ParsedDocument = {
    lines, type: '未知', elements: [], titleLines: [], hasHead: false, headElements: [], signature: [], notes: [],
    attachments: [], copyTo: [], printInfo: [], boilerplate,
  };
  if (cl.length === 0) return doc;
  const content = (ci: number) => lines[cl[ci]].content;

  // --- 发文字号 and title candidates near the top ---------------------------------------------
  const docNumberAt = (ci: number): { text: string; signerAt?: number } | undefined => {
    let c = content(ci);
    if (c.length > 60) return undefined;
    let signerAt: number | undefined;
    const s = SIGNER_INLINE.exec(c);
    if (s && s.index > 0) {
      signerAt = s.index;
      c = c.slice(0, s.index).trim();
    }
    if (c.length > 30) return undefined;
    return parseDocNumber(c) ? { text: c, signerAt } : undefined;
  };
  let docNumberCi = -1;
  for (let ci = 0; ci < Math.min(cl.length, 15); ci++) {
    if (docNumberAt(ci)) {
      docNumberCi = ci;
      break;
    }
  }

  const titleSpanAt = (ci: number): number | undefined => {
    // Returns the last content index of a title starting at ci, or undefined.
    let joined = '';
    for (let k = ci; k < Math.min(cl.length, ci + 4); k++) {
      if (k > ci && cl[k] - cl[k - 1] > 3) return undefined; // too far apart to be one title
      const L = lines[cl[k]];
      const c = L.content;
      if (c.length > 80 || L.heading) return undefined;
      if (/[：:；;，,]$/.test(c)) return undefined;
      if (/。./.test(c)) return undefined;
      if (k === ci && /文件$/.test(c) && ci + 1 < cl.length) return undefined;
      if (k === ci && (CLOSING_OPENERS.test(c) || SECRECY.test(c) || URGENCY.test(c) || COPY_NUMBER.test(c))) return undefined;
      if (docNumberAt(k) || SIGNER.test(c)) return undefined;
      joined += c;
      if (joined.length > 160) return undefined;
      const stripped = stripTitleTail(joined);
      if (TITLE_END.test(stripped)) {
        if (/关于|转发|批转|印发/.test(stripped) || stripped.length <= 30) return k;
        return undefined;
      }
      if (/[。！？]$/.test(c)) return undefined;
    }
    return undefined;
  };

  let titleCi = -1;
  let titleEndCi = -1;
  if (docNumberCi >= 0) {
    for (let ci = docNumberCi + 1; ci < Math.min(cl.length, docNumberCi + 5); ci++) {
      const e = titleSpanAt(ci);
      if (e !== undefined) {
        titleCi = ci;
        titleEndCi = e;
        break;
      }
    }
    if (titleCi < 0) {
      for (let ci = Math.max(0, docNumberCi - 5); ci < docNumberCi; ci++) {
        const e = titleSpanAt(ci);
        if (e !== undefined && e < docNumberCi) {
          titleCi = ci;
          titleEndCi = e;
          break;
        }
      }
    }
  }
  if (titleCi < 0) {
    for (let ci = 0; ci < Math.min(cl.length, 8); ci++) {
      const e = titleSpanAt(ci);
      if (e !== undefined) {
        titleCi = ci;
        titleEndCi = e;
        break;
      }
    }
  }

  // --- 版头 ---------------------------------------------------------------------------------
  // 版头 is what stands above the title; without a title, what stands down to the 发文字号.
  const headEnd = titleCi >= 0 ? titleCi : docNumberCi >= 0 ? docNumberCi + 1 : 0;
  let anchorCi = -1; // the last content line of 版头 + title
  const head: Element[] = [];
  for (let ci = 0; ci < headEnd; ci++) {
    const li = cl[ci];
    const L = lines[li];
    const c = L.content;
    if (ci === docNumberCi || (docNumberCi < 0 && docNumberAt(ci))) {
      const dn = docNumberAt(ci)!;
      head.push({ kind: 'doc-number', text: dn.text, range: { start: { line: li, character: L.start }, end: { line: li, character: L.start + dn.text.length } } });
      if (dn.signerAt !== undefined) {
        head.push({ kind: 'signer', text: c.slice(dn.signerAt).trim(), range: { start: { line: li, character: L.start + dn.signerAt }, end: { line: li, character: L.end } } });
      }
      anchorCi = ci;
    } else if (COPY_NUMBER.test(c)) head.push(makeElement(lines, 'copy-number', li, li));
    else if (SECRECY.test(c)) head.push(makeElement(lines, 'secrecy', li, li));
    else if (URGENCY.test(c)) head.push(makeElement(lines, 'urgency', li, li));
    else if (SIGNER.test(c)) {
      head.push(makeElement(lines, 'signer', li, li));
      anchorCi = ci;
    } else if (/文件$/.test(c) || (isOrgLike(c) && (ci + 1 === docNumberCi || ci + 1 === titleCi))) {
      head.push(makeElement(lines, 'issuer-mark', li, li));
    }
  }
  doc.headElements = head;
  doc.hasHead = head.some((e) => e.kind === 'issuer-mark' || e.kind === 'doc-number');

  // --- 标题 ---------------------------------------------------------------------------------
  if (titleCi >= 0) {
    const first = cl[titleCi];
    const last = cl[titleEndCi];
    doc.title = makeElement(lines, 'title', first, last);
    for (let ci = titleCi; ci <= titleEndCi; ci++) doc.titleLines.push(cl[ci]);
    anchorCi = Math.max(anchorCi, titleEndCi);
    const t = docTypeOfTitle(doc.title.text);
    if (t) {
      doc.type = t.type;
      if (t.subtype) doc.subtype = t.subtype;
    }
    // A 发文字号 printed under the title (web copies of published documents).
    if (docNumberCi > titleEndCi && docNumberCi <= titleEndCi + 3) {
      const li = cl[docNumberCi];
      const dn = docNumberAt(docNumberCi)!;
      const L = lines[li];
      head.push({ kind: 'doc-number', text: dn.text, range: { start: { line: li, character: L.start }, end: { line: li, character: L.start + dn.text.length } } });
      anchorCi = docNumberCi;
    }
  }

  // --- 主送机关 -------------------------------------------------------------------------------
  let bodyStartCi = anchorCi + 1;
  let bodyStartChar: number | undefined;
  for (let ci = anchorCi + 1; ci < Math.min(cl.length, anchorCi + 3); ci++) {
    const L = lines[cl[ci]];
    const c = L.content;
    if (L.heading || c.length > 200 || /[。！？]/.test(c)) continue;
    if (/[：:]$/.test(c) && !ATTACHMENT_NOTE.test(c) && !COPY_TO.test(c)) {
      doc.addressee = makeElement(lines, 'addressee', cl[ci], cl[ci], c.replace(/[：:]$/, ''));
      bodyStartCi = ci + 1;
      break;
    }
    if (titleCi >= 0) break; // only the line right after the title (or a signer line) may be the addressee
  }
  if (titleCi < 0 && !doc.addressee) {
    // 答复 letters to deputies start "某某代表：您提出的…".
    const first = cl[0];
    const L = lines[first];
    const m = /^([\p{Script=Han}·、0-9]{2,30}?)[：:]/u.exec(L.content);
    if (m && /您|你/.test(L.content.slice(m[0].length, m[0].length + 12))) {
      doc.addressee = { kind: 'addressee', text: m[1], range: { start: { line: first, character: L.start }, end: { line: first, character: L.start + m[0].length } } };
      doc.type = '函';
      bodyStartCi = 0;
      bodyStartChar = L.start + m[0].length;
    }
  }
  if (doc.type === '未知' && !doc.addressee && docNumberCi < 0) {
    let cues = 0;
    for (let ci = 0; ci < Math.min(cl.length, 12); ci++) if (NEWS_CUES.test(content(ci))) cues++;
    if (cues > 0 || boilerplate.size > 0) {
      doc.type = '简报';
      if (!doc.title) {
        for (let ci = 0; ci < Math.min(cl.length, 4); ci++) {
          const c = content(ci);
          if (c.length <= 50 && !/[。，,]/.test(c) && !/\s{1,}\S+\s/.test(c)) {
            doc.title = makeElement(lines, 'title', cl[ci], cl[ci]);
            doc.titleLines.push(cl[ci]);
            bodyStartCi = ci + 1;
            break;
          }
        }
      }
    }
  }
  if (bodyStartCi < 0) bodyStartCi = 0;

  // --- 落款: 署名 and 成文日期 -------------------------------------------------------------------
  let dateCi = -1;
  let signatureFirstCi = -1;
  for (let ci = bodyStartCi; ci < cl.length; ci++) {
    if (bodyStartChar !== undefined && ci === bodyStartCi) continue;
    const li = cl[ci];
    const L = lines[li];
    const c = L.content;
    if (c.length > 60 || L.heading || /印发$/.test(c)) continue;
    const whole = parseDate(c);
    if (whole) {
      doc.date = makeElement(lines, 'date', li, li);
      doc.dateInfo = whole;
      dateCi = ci;
      break;
    }
    const m = TRAILING_DATE.exec(c);
    if (m && m.index > 0) {
      const prefix = c.slice(0, m.index).trim();
      const info = parseDate(m[0]);
      if (info && isOrgLike(prefix) && !TITLE_END.test(prefix)) {
        const dateStart = L.start + m.index;
        doc.signature.push({ kind: 'issuer-signature', text: prefix, range: { start: { line: li, character: L.start }, end: { line: li, character: L.start + prefix.length } } });
        doc.date = { kind: 'date', text: m[0], range: { start: { line: li, character: dateStart }, end: { line: li, character: L.end } } };
        doc.dateInfo = info;
        dateCi = ci;
        signatureFirstCi = ci;
        break;
      }
    }
  }
  if (dateCi < 0) findEmbeddedClosing(doc, cl, bodyStartCi);
  if (dateCi >= 0 && signatureFirstCi < 0) {
    signatureFirstCi = dateCi;
    for (let ci = dateCi - 1; ci >= bodyStartCi && dateCi - ci <= 4; ci--) {
      const L = lines[cl[ci]];
      if (L.heading || !isOrgLike(L.content) || ATTACHMENT_NOTE.test(L.content) || TITLE_END.test(L.content)) break;
      if (ci === bodyStartCi && bodyStartChar !== undefined) break;
      signatureFirstCi = ci;
    }
    for (let ci = signatureFirstCi; ci < dateCi; ci++) doc.signature.push(makeElement(lines, 'issuer-signature', cl[ci], cl[ci]));
  }

  // --- 版记 and 附注 ------------------------------------------------------------------------------
  const afterDate = dateCi >= 0 ? dateCi + 1 : cl.length;
  const banjiCis = new Set<number>();
  const scanFrom = dateCi >= 0 ? dateCi + 1 : bodyStartCi;
  for (let ci = scanFrom; ci < cl.length; ci++) {
    const li = cl[ci];
    const c = lines[li].content;
    if (c.length > 300) continue;
    if (COPY_TO.test(c)) {
      doc.copyTo.push(makeElement(lines, 'copy-to', li, li));
      banjiCis.add(ci);
    } else if (/印发$/.test(c) && c.length <= 60 && TRAILING_DATE.test(c.replace(/\s*印发$/, ''))) {
      doc.printInfo.push(makeElement(lines, 'print-info', li, li));
      banjiCis.add(ci);
    }
  }
  let notesEnd = afterDate;
  for (let ci = afterDate; ci < Math.min(cl.length, afterDate + 2); ci++) {
    const li = cl[ci];
    if (NOTE.test(lines[li].content)) {
      doc.notes.push(makeElement(lines, 'note', li, li));
      notesEnd = ci + 1;
    } else break;
  }

  // --- 附件说明 -----------------------------------------------------------------------------------
  const mainEndCi = dateCi >= 0 ? signatureFirstCi : firstBanji(banjiCis, bodyStartCi, cl.length);
  let noteCi = -1;
  for (let ci = mainEndCi - 1; ci >= bodyStartCi && mainEndCi - ci <= 30; ci--) {
    if (ATTACHMENT_NOTE.test(content(ci))) {
      noteCi = ci;
      break;
    }
  }
  if (noteCi >= 0) {
    const items: AttachmentNoteItem[] = [];
    const firstLine = lines[cl[noteCi]];
    const colon = /^附\s*件\s*[:：]\s*/.exec(firstLine.content)!;
    const pushItem = (li: number, offset: number, text: string) => {
      // Items whose line breaks were lost ("1.甲名单2.乙名单") are split at the next expected number.
      const first = ITEM_MARKER.exec(text);
      if (first && first[1]) {
        const next = String(parseInt(first[1], 10) + 1);
        const at = text.indexOf(next + '.', first[0].length + 1);
        const atFull = text.indexOf(next + '．', first[0].length + 1);
        const cut = at > 0 ? at : atFull;
        if (cut > 0 && !/\d/.test(text[cut - 1])) {
          pushOne(li, offset, text.slice(0, cut), offset + cut);
          pushItem(li, offset + cut, text.slice(cut));
          return;
        }
      }
      pushOne(li, offset, text, lines[li].end);
    };
    const pushOne = (li: number, offset: number, text: string, end: number) => {
      const mk = ITEM_MARKER.exec(text);
      const name = mk ? text.slice(mk[0].length) : text;
      items.push({
        line: li, start: offset, end, marker: mk ? mk[0].trim() : undefined,
        markerNumber: mk ? parseInt(mk[1] ?? mk[2], 10) : undefined, name, nameEndLine: li, nameEnd: end,
      });
    };
    const rest = firstLine.content.slice(colon[0].length);
    if (rest) pushItem(cl[noteCi], firstLine.start + colon[0].length, rest);
    let lastCi = noteCi;
    for (let ci = noteCi + 1; ci < mainEndCi; ci++) {
      const L = lines[cl[ci]];
      if (L.content.length > 100 || /。$/.test(L.content)) break;
      if (ITEM_MARKER.test(L.content) || items.length === 0) pushItem(cl[ci], L.start, L.content);
      else {
        const prev = items[items.length - 1];
        prev.name += L.content;
        prev.nameEndLine = cl[ci];
        prev.nameEnd = L.end;
      }
      lastCi = ci;
    }
    const element = makeElement(lines, 'attachment-note', cl[noteCi], cl[lastCi]);
    doc.attachmentNote = { element, items };
  }

  // --- 正文 -------------------------------------------------------------------------------------
  const bodyEndCi = (noteCi >= 0 ? noteCi : mainEndCi) - 1;
  if (bodyStartCi <= bodyEndCi && bodyStartCi < cl.length) {
    const first = cl[bodyStartCi];
    const last = cl[bodyEndCi];
    doc.body = { startLine: first, endLine: last, headings: collectHeadings(lines, first, last, boilerplate) };
    const el = makeElement(lines, 'body', first, last);
    if (bodyStartChar !== undefined) {
      el.range.start.character = bodyStartChar;
      el.text = el.text.slice(bodyStartChar - lines[first].start);
    }
    doc.bodyElement = el;
  }

  // --- 附件 (attached documents) -----------------------------------------------------------------
  if (dateCi >= 0) {
    let part: { labelCi?: number; labelNumber?: number; cis: number[] } | undefined;
    const parts: NonNullable<typeof part>[] = [];
    for (let ci = notesEnd; ci < cl.length; ci++) {
      if (banjiCis.has(ci)) continue;
      const c = content(ci);
      const label = ATTACHMENT_LABEL.exec(c);
      if (label) {
        part = { labelCi: ci, labelNumber: label[1] ? parseInt(label[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)), 10) || undefined : undefined, cis: [] };
        parts.push(part);
        continue;
      }
      if (!part) {
        part = { cis: [] };
        parts.push(part);
      }
      part.cis.push(ci);
    }
    let n = 0;
    for (const p of parts) {
      if (p.cis.length === 0 && p.labelCi === undefined) continue;
      n++;
      let title: Element | undefined;
      let bodyFrom = 0;
      if (p.cis.length > 0) {
        const tl = cl[p.cis[0]];
        const L = lines[tl];
        const labelled = ATTACHMENT_LABEL_WITH_TITLE.exec(L.content);
        if (!L.heading && L.content.length <= 80 && !/[。；;]$/.test(L.content)) {
          title = makeElement(lines, 'title', tl, tl, labelled ? labelled[2] : L.content);
          bodyFrom = 1;
        }
      }
      const firstLine = p.labelCi !== undefined ? cl[p.labelCi] : cl[p.cis[0]];
      const lastLine = p.cis.length ? cl[p.cis[p.cis.length - 1]] : firstLine;
      const cStart = p.cis.length > bodyFrom ? cl[p.cis[bodyFrom]] : lastLine + 1;
      const container: Container = { startLine: cStart, endLine: lastLine, headings: cStart <= lastLine ? collectHeadings(lines, cStart, lastLine, boilerplate, banjiLines(cl, banjiCis)) : [] };
      const element = makeElement(lines, 'attachment', firstLine, lastLine, title?.text ?? collectText(lines, firstLine, firstLine));
      if (title) element.title = title.text;
      element.children = container.headings.map((h) => headingElement(lines, h));
      doc.attachments.push({ labelLine: p.labelCi !== undefined ? cl[p.labelCi] : undefined, labelNumber: p.labelNumber ?? n, title, container, element });
    }
  }

  // --- elements in document order ------------------------------------------------------------
  const els: Element[] = [...head];
  if (doc.title) els.push(doc.title);
  if (doc.addressee) els.push(doc.addressee);
  if (doc.bodyElement) els.push(doc.bodyElement);
  if (doc.body) for (const h of doc.body.headings) els.push(headingElement(lines, h));
  if (doc.attachmentNote) els.push(doc.attachmentNote.element);
  els.push(...doc.signature);
  if (doc.date) els.push(doc.date);
  els.push(...doc.notes);
  for (const a of doc.attachments) els.push(a.element);
  els.push(...doc.copyTo, ...doc.printInfo);
  els.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  doc.elements = els;
  return doc;
}

const EMBEDDED_CLOSING = /([\p{Script=Han}]{2,30}?(?:部|厅|局|委|院|会|府|室|办|处|中心|小组|社|馆|所|站|队))(\d{4}年\d{1,2}月\d{1,2}日)(?!印发)/u;

/**
 * Text whose line breaks were lost ("…名单生态环境部2022年11月18日生态环境部办公厅…印发") still has its
 * 署名 and 成文日期; find them inside a line so the document is not reported as lacking them.
 */
function findEmbeddedClosing(doc: ParsedDocument, cl: number[], fromCi: number): void {
  for (let ci = cl.length - 1; ci >= fromCi && ci >= 0; ci--) {
    const li = cl[ci];
    const L = doc.lines[li];
    const m = EMBEDDED_CLOSING.exec(L.content);
    if (!m) continue;
    const orgStart = L.start + m.index;
    const dateStart = orgStart + m[1].length;
    doc.signature.push({ kind: 'issuer-signature', text: m[1], range: { start: { line: li, character: orgStart }, end: { line: li, character: dateStart } } });
    doc.date = { kind: 'date', text: m[2], range: { start: { line: li, character: dateStart }, end: { line: li, character: dateStart + m[2].length } } };
    doc.dateInfo = parseDate(m[2]);
    return;
  }
}

function firstBanji(banji: Set<number>, from: number, end: number): number {
  for (let ci = from; ci < end; ci++) if (banji.has(ci)) return ci;
  return end;
}

function banjiLines(cl: number[], banji: Set<number>): Set<number> {
  return new Set([...banji].map((ci) => cl[ci]));
}

function collectHeadings(lines: LineInfo[], first: number, last: number, skipA: Set<number>, skipB?: Set<number>): HeadingRef[] {
  const out: HeadingRef[] = [];
  for (let i = first; i <= last; i++) {
    const h = lines[i].heading;
    if (h && !skipA.has(i) && !(skipB && skipB.has(i))) out.push({ line: i, marker: h });
  }
  return out;
}

export function headingElement(lines: LineInfo[], h: HeadingRef): Element {
  const L = lines[h.line];
  return {
    kind: 'heading',
    level: h.marker.level,
    number: h.marker.number,
    text: h.marker.marker + h.marker.title,
    range: { start: { line: h.line, character: L.start }, end: { line: h.line, character: L.end } },
  };
}
