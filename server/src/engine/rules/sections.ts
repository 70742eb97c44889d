// missing-section: a section that documents of this kind nearly always have is absent. Expected
// sections come from built-in profiles of the common kinds (方案, 规划) and, where the
// corpus is large enough to say so, from the learned structure profile of the document's type.

import type { Finding, Range } from '../types';
import type { Container, ParsedDocument } from '../structure';
import type { CorpusModel } from '../corpus/model';
import { normalizeHeading } from '../corpus/model';
import { finding } from './catalogue';

interface SectionGroup {
  /** What to call the section in the message. */
  name: string;
  /** Any level-1 heading containing one of these satisfies the group. */
  any: string[];
}

interface Profile {
  kind: string;
  applies: RegExp;
  groups: SectionGroup[];
}

const PURPOSE: SectionGroup = { name: '指导思想或总体要求', any: ['指导思想', '总体要求', '总体目标', '工作目标', '目标任务', '基本原则', '重大意义', '主要目标'] };
const TASKS: SectionGroup = { name: '主要任务或工作安排', any: ['任务', '措施', '内容', '安排', '步骤', '重点', '举措', '工作', '学习', '宣传', '开展', '推进', '推动', '加强', '做好'] };
const SAFEGUARDS: SectionGroup = { name: '保障措施或工作要求', any: ['保障', '组织领导', '组织实施', '组织协调', '加强组织', '工作要求', '有关要求', '具体要求', '纪律', '督导', '督查', '考核'] };

const BUILT_IN: Profile[] = [
  { kind: '方案', applies: /方案$/, groups: [TASKS, SAFEGUARDS] },
  { kind: '规划', applies: /规划(（[^）]*）)?$/, groups: [PURPOSE, TASKS, SAFEGUARDS] },
];

function level1(doc: ParsedDocument, c: Container): string[] {
  return c.headings.filter((h) => h.marker.level === 1).map((h) => normalizeHeading(h.marker.title));
}

function check(title: string, titleRange: Range, heads: string[], out: Finding[], learned: { heading: string; share: number }[]): void {
  // Only structured documents: with fewer than three sections there is no structure to judge.
  if (heads.length < 3) return;
  const core = title.replace(/[（(][^（）()]*[）)]$/, '').replace(/》?的?(通知|函)$/, '');
  for (const p of BUILT_IN) {
    if (!p.applies.test(core)) continue;
    for (const g of p.groups) {
      if (heads.some((h) => g.any.some((w) => h.includes(w)))) continue;
      out.push(finding('missing-section', titleRange, `${p.kind}一般包含“${g.name}”部分，本文的一级标题中没有（内置结构）`));
    }
  }
  for (const s of learned) {
    if (heads.some((h) => h.includes(s.heading) || s.heading.includes(h))) continue;
    out.push(finding('missing-section', titleRange, `语料中 ${Math.round(s.share * 100)}% 的同类公文有“${s.heading}”部分，本文没有`));
  }
}

export function missingSection(doc: ParsedDocument, model: CorpusModel | undefined, out: Finding[]): void {
  const profile = model?.types[doc.type];
  const learned = profile && profile.documents >= 10 ? profile.sections.filter((s) => s.share >= 0.6) : [];
  if (doc.title && doc.body) check(doc.title.text, doc.title.range, level1(doc, doc.body), out, learned);
  for (const a of doc.attachments) if (a.title) check(a.title.text, a.title.range, level1(doc, a.container), out, []);
}
