// Heading numbering (GB/T 9704-2012 7.3.3): 一、 （一） 1. （1）, in sequence within each parent,
// each level under its parent. Checked separately in the body and in each attached document.

import type { Finding, HeadingLevel } from '../types';
import type { Container, ParsedDocument } from '../structure';
import { standardMarker } from '../line';
import { finding, lineSpan } from './catalogue';

const LEVEL_NAMES = ['', '一级标题', '二级标题', '三级标题', '四级标题'];
const LEVEL_EXAMPLES = ['', '一、', '（一）', '1.', '（1）'];

function containers(doc: ParsedDocument): Container[] {
  const cs: Container[] = [];
  if (doc.body) cs.push(doc.body);
  for (const a of doc.attachments) cs.push(a.container);
  return cs;
}

export function headingMarker(doc: ParsedDocument, out: Finding[]): void {
  for (const c of containers(doc)) {
    for (const h of c.headings) {
      const m = h.marker;
      if (m.marker === m.expected) continue;
      const range = lineSpan(h.line, m.start, m.end);
      out.push(finding('heading-marker', range, `${LEVEL_NAMES[m.level]}序号“${m.marker}”不规范，应为“${m.expected}”`, { range, newText: m.expected }));
    }
  }
}

export function headingSequence(doc: ParsedDocument, out: Finding[]): void {
  for (const c of containers(doc)) {
    // last[level] = last number seen at that level under the current parent; reset when a parent appears.
    const last: number[] = [0, 0, 0, 0, 0];
    for (const h of c.headings) {
      const { level, number } = h.marker;
      const prev = last[level];
      if (prev > 0 && number !== prev + 1 && mergedInto(doc, c, h.line, level as HeadingLevel, prev + 1)) {
        // The expected heading, or a parent heading that restarts the count, stands inside an earlier
        // line whose line break was lost: the numbering itself is not wrong.
      } else if (prev > 0 && number !== 1 && number !== prev + 1) {
        const expected = prev + 1;
        const expectedMarker = standardMarker(level as HeadingLevel, expected);
        const what = number === prev ? '重复' : number > prev ? '跳号' : '倒序';
        const range = lineSpan(h.line, h.marker.start, h.marker.end);
        out.push(finding('heading-sequence', range,
          `${LEVEL_NAMES[level]}序号${what}：上一个是第${prev}个，此处应为“${expectedMarker}”`,
          { range, newText: expectedMarker }));
      }
      last[level] = number;
      for (let l = level + 1; l <= 4; l++) last[l] = 0;
    }
  }
}

/** Whether the marker of heading `n` appears inside the text between the previous heading and `line`. */
function mergedInto(doc: ParsedDocument, c: Container, line: number, level: HeadingLevel, n: number): boolean {
  const marker = standardMarker(level, n);
  const parents = level === 1 ? undefined : new RegExp(level === 2 ? '[一二三四五六七八九十]{1,3}、' : level === 3 ? '（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、' : '\\d{1,2}[.．](?!\\d)|（[一二三四五六七八九十]{1,3}）|[一二三四五六七八九十]{1,3}、');
  let from = c.startLine;
  for (const h of c.headings) if (h.line < line && h.marker.level <= level) from = h.line;
  for (let i = from; i < line; i++) {
    const L = doc.lines[i];
    const inner = L.text.slice(i === from ? (L.heading ? L.heading.end : L.start) : L.start + 1, L.end);
    if (inner.includes(marker) || (parents && parents.test(inner))) return true;
  }
  return false;
}

export function headingLevel(doc: ParsedDocument, out: Finding[]): void {
  for (const c of containers(doc)) {
    const seen = [false, false, false, false, false];
    for (const h of c.headings) {
      const { level } = h.marker;
      // （一） needs an 一、 above it; （1） needs a 1. above it. 一、 straight to 1. is allowed.
      const parent = level === 2 ? 1 : level === 4 ? 3 : 0;
      if (parent && !seen[parent]) {
        out.push(finding('heading-level', lineSpan(h.line, h.marker.start, h.marker.end),
          `${LEVEL_NAMES[level]}“${h.marker.marker}”前没有${LEVEL_NAMES[parent]}（${LEVEL_EXAMPLES[parent]}），层次不完整`));
        seen[parent] = true; // report a run of orphaned headings once, at its first heading
      }
      seen[level] = true;
      for (let l = level + 1; l <= 4; l++) seen[l] = false;
      if (parent) seen[parent] = true;
    }
  }
}
