// Engine-wide types. Positions follow LSP exactly (0-based lines, UTF-16 code units) so the
// adapters never convert, but nothing here depends on LSP or VS Code.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A single text replacement that repairs a finding. Only offered when the repair is certain. */
export interface Fix {
  range: Range;
  newText: string;
}

export type RuleId =
  | 'doc-number-format'
  | 'date-format'
  | 'date-consistency'
  | 'missing-element'
  | 'missing-section'
  | 'heading-sequence'
  | 'heading-marker'
  | 'heading-level'
  | 'title-format'
  | 'addressee-format'
  | 'closing-formula'
  | 'attachment-format'
  | 'copy-to-format'
  | 'punctuation-halfwidth'
  | 'bracket-balance'
  | 'duplicate-punctuation'
  | 'mixed-script'
  | 'pinyin-residue'
  | 'phrase-variant'
  | 'term-preferred';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
}

/** Element kinds of GB/T 9704-2012 §7, named as in RULES.md. */
export type ElementKind =
  | 'copy-number'
  | 'secrecy'
  | 'urgency'
  | 'issuer-mark'
  | 'doc-number'
  | 'signer'
  | 'title'
  | 'addressee'
  | 'body'
  | 'heading'
  | 'attachment-note'
  | 'issuer-signature'
  | 'date'
  | 'note'
  | 'attachment'
  | 'copy-to'
  | 'print-info';

/** The 15 types of 条例 第八条, plus 简报 for news-style reports and 未知. */
export type DocType =
  | '决议'
  | '决定'
  | '命令'
  | '公报'
  | '公告'
  | '通告'
  | '意见'
  | '通知'
  | '通报'
  | '报告'
  | '请示'
  | '批复'
  | '议案'
  | '函'
  | '纪要'
  | '简报'
  | '未知';

export type NoticeSubtype = '印发' | '转发' | '批转' | '会议' | '任免';

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Element {
  kind: ElementKind;
  /** The element's text, lines joined without their indentation (multi-line titles are joined). */
  text: string;
  range: Range;
  /** Headings only. */
  level?: HeadingLevel;
  number?: number;
  /** Attachments only: the attached document's own title and its headings. */
  title?: string;
  children?: Element[];
}
