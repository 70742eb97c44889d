// The rule catalogue of ../shared/RULES.md: ids, sources, default severities, the clause behind each.

import type { Finding, Fix, Range, RuleId, Severity } from '../types';

export type RuleSource = 'regulation' | 'standard' | 'practice' | 'corpus';

export interface RuleInfo {
  id: RuleId;
  source: RuleSource;
  severity: Severity;
  /** The clause or article behind the rule, shown in hovers later. */
  basis: string;
}

const R = (id: RuleId, source: RuleSource, severity: Severity, basis: string): RuleInfo => ({ id, source, severity, basis });

export const RULES: Record<RuleId, RuleInfo> = {
  'doc-number-format': R('doc-number-format', 'standard', 'error', 'GB/T 9704-2012 7.2.5'),
  'date-format': R('date-format', 'standard', 'error', 'GB/T 9704-2012 7.3.5.4'),
  'date-consistency': R('date-consistency', 'practice', 'warning', '起草惯例'),
  'missing-element': R('missing-element', 'regulation', 'warning', '《党政机关公文处理工作条例》第九条；GB/T 9704-2012 7.3'),
  'missing-section': R('missing-section', 'corpus', 'information', '语料库'),
  'heading-sequence': R('heading-sequence', 'standard', 'warning', 'GB/T 9704-2012 7.3.3'),
  'heading-marker': R('heading-marker', 'standard', 'warning', 'GB/T 9704-2012 7.3.3'),
  'heading-level': R('heading-level', 'standard', 'information', 'GB/T 9704-2012 7.3.3'),
  'title-format': R('title-format', 'regulation', 'warning', '《党政机关公文处理工作条例》第八条、第九条'),
  'addressee-format': R('addressee-format', 'standard', 'warning', 'GB/T 9704-2012 7.3.2；《党政机关公文处理工作条例》第十五条'),
  'closing-formula': R('closing-formula', 'regulation', 'warning', '《党政机关公文处理工作条例》第十五条'),
  'attachment-format': R('attachment-format', 'standard', 'warning', 'GB/T 9704-2012 7.3.4、7.3.7'),
  'copy-to-format': R('copy-to-format', 'standard', 'warning', 'GB/T 9704-2012 7.4.2'),
  'punctuation-halfwidth': R('punctuation-halfwidth', 'practice', 'warning', 'GB/T 15834《标点符号用法》'),
  'bracket-balance': R('bracket-balance', 'practice', 'error', 'GB/T 15834《标点符号用法》'),
  'duplicate-punctuation': R('duplicate-punctuation', 'practice', 'warning', 'GB/T 15834《标点符号用法》'),
  'mixed-script': R('mixed-script', 'practice', 'warning', '《通用规范汉字表》'),
  'pinyin-residue': R('pinyin-residue', 'practice', 'warning', '起草惯例'),
  'phrase-variant': R('phrase-variant', 'corpus', 'warning', '语料库'),
  'term-preferred': R('term-preferred', 'practice', 'warning', '规范用词表'),
};

export function finding(rule: RuleId, range: Range, message: string, fix?: Fix, severity?: Severity): Finding {
  const f: Finding = { rule, severity: severity ?? RULES[rule].severity, message, range };
  if (fix) f.fix = fix;
  return f;
}

export function lineSpan(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
