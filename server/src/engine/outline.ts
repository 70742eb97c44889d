// The outline of a draft (版头 / 主体 with its heading tree / 附件 / 版记) and its folding ranges,
// in engine terms; the server maps them to LSP DocumentSymbol and FoldingRange.

import type { Element, ElementKind, Range } from './types';
import type { Container, ParsedDocument } from './structure';
import { headingElement } from './structure';

export interface OutlineNode {
  name: string;
  detail?: string;
  /** What the node is: a group of elements, an element, or a heading. */
  kind: 'group' | ElementKind;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

export const ELEMENT_LABELS: Record<ElementKind, string> = {
  'copy-number': '份号',
  secrecy: '密级和保密期限',
  urgency: '紧急程度',
  'issuer-mark': '发文机关标志',
  'doc-number': '发文字号',
  signer: '签发人',
  title: '标题',
  addressee: '主送机关',
  body: '正文',
  heading: '标题层次',
  'attachment-note': '附件说明',
  'issuer-signature': '发文机关署名',
  date: '成文日期',
  note: '附注',
  attachment: '附件',
  'copy-to': '抄送机关',
  'print-info': '印发机关和印发日期',
};

function leaf(el: Element): OutlineNode {
  const short = el.text.length > 40 ? el.text.slice(0, 40) + '…' : el.text;
  return { name: ELEMENT_LABELS[el.kind], detail: short, kind: el.kind, range: el.range, selectionRange: el.range, children: [] };
}

function span(nodes: { range: Range }[]): Range {
  let start = nodes[0].range.start;
  let end = nodes[0].range.end;
  for (const n of nodes) {
    if (n.range.start.line < start.line || (n.range.start.line === start.line && n.range.start.character < start.character)) start = n.range.start;
    if (n.range.end.line > end.line || (n.range.end.line === end.line && n.range.end.character > end.character)) end = n.range.end;
  }
  return { start, end };
}

/** Headings nested by level; each heading's range runs to the line before the next heading of the same or a higher level. */
function headingTree(doc: ParsedDocument, c: Container): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: { level: number; node: OutlineNode }[] = [];
  const endOf = (idx: number): number => {
    const level = c.headings[idx].marker.level;
    for (let j = idx + 1; j < c.headings.length; j++) if (c.headings[j].marker.level <= level) return prevContentLine(doc, c.headings[j].line - 1, c.headings[idx].line);
    return prevContentLine(doc, c.endLine, c.headings[idx].line);
  };
  c.headings.forEach((h, idx) => {
    const el = headingElement(doc.lines, h);
    const endLine = endOf(idx);
    const node: OutlineNode = {
      name: el.text,
      detail: ['', '一级', '二级', '三级', '四级'][h.marker.level] + '标题',
      kind: 'heading',
      range: { start: el.range.start, end: { line: endLine, character: doc.lines[endLine].end } },
      selectionRange: el.range,
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.marker.level) stack.pop();
    if (stack.length) stack[stack.length - 1].node.children.push(node);
    else roots.push(node);
    stack.push({ level: h.marker.level, node });
  });
  return roots;
}

function prevContentLine(doc: ParsedDocument, from: number, floor: number): number {
  let l = from;
  while (l > floor && doc.lines[l].blank) l--;
  return l;
}

export function outline(doc: ParsedDocument): OutlineNode[] {
  const groups: OutlineNode[] = [];
  const head = doc.headElements.filter((e) => !doc.title || e.range.start.line < doc.title.range.start.line).map(leaf);
  if (head.length) {
    const r = span(head);
    groups.push({ name: '版头', kind: 'group', range: r, selectionRange: r, children: head });
  }
  const main: OutlineNode[] = [];
  if (doc.title) main.push(leaf(doc.title));
  for (const e of doc.headElements) if (doc.title && e.range.start.line > doc.title.range.start.line) main.push(leaf(e));
  if (doc.addressee) main.push(leaf(doc.addressee));
  if (doc.bodyElement && doc.body) {
    const b = leaf(doc.bodyElement);
    b.detail = `${doc.body.endLine - doc.body.startLine + 1} 行`;
    b.children = headingTree(doc, doc.body);
    main.push(b);
  }
  if (doc.attachmentNote) main.push(leaf(doc.attachmentNote.element));
  for (const s of doc.signature) main.push(leaf(s));
  if (doc.date) main.push(leaf(doc.date));
  for (const n of doc.notes) main.push(leaf(n));
  if (main.length) {
    const r = span(main);
    groups.push({ name: '主体', detail: doc.type === '未知' ? undefined : doc.subtype ? `${doc.type}（${doc.subtype}）` : doc.type, kind: 'group', range: r, selectionRange: r, children: main });
  }
  doc.attachments.forEach((a, i) => {
    const children: OutlineNode[] = [];
    if (a.title) children.push(leaf(a.title));
    children.push(...headingTree(doc, a.container));
    groups.push({
      name: `附件${doc.attachments.length > 1 || a.labelLine !== undefined ? a.labelNumber ?? i + 1 : ''}`,
      detail: a.title?.text,
      kind: 'attachment',
      range: a.element.range,
      selectionRange: a.title?.range ?? a.element.range,
      children,
    });
  });
  const banji = [...doc.copyTo, ...doc.printInfo].map(leaf);
  if (banji.length) {
    const r = span(banji);
    groups.push({ name: '版记', kind: 'group', range: r, selectionRange: r, children: banji });
  }
  return groups;
}

export interface Fold {
  startLine: number;
  endLine: number;
}

/** Folding by heading section, by attachment and by 版头/版记 group. */
export function foldingRanges(doc: ParsedDocument): Fold[] {
  const folds: Fold[] = [];
  const walk = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      if (n.range.end.line > n.range.start.line && (n.kind === 'heading' || n.kind === 'group' || n.kind === 'attachment')) {
        folds.push({ startLine: n.range.start.line, endLine: n.range.end.line });
      }
      walk(n.children);
    }
  };
  walk(outline(doc));
  return folds;
}
