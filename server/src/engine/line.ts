// Line-local analysis: everything that can be known from one line's text alone. The result is
// cached by line text (see document.ts), so after an edit only the changed lines are re-analysed.

import type { HeadingLevel } from './types';
import { chineseNumeralValue, isCjk, leadingIndent, trailingEnd, toChineseNumeral } from './text';
import { isTraditionalCode, repairPinyinResidue } from './corpus/normalize';

export interface HeadingMarker {
  level: HeadingLevel;
  number: number;
  /** Offsets of the marker in the line (including its punctuation). */
  start: number;
  end: number;
  marker: string;
  /** The standard form of this marker (GB/T 9704 7.3.3), e.g. 一、 （一） 1. （1）. */
  expected: string;
  /** The heading's title: the text after the marker up to the first full stop, for the outline. */
  title: string;
}

/** A line-local finding; the document pass turns offsets into ranges and may drop it by context. */
export interface LocalFinding {
  rule: 'punctuation-halfwidth' | 'duplicate-punctuation' | 'pinyin-residue';
  message: string;
  start: number;
  end: number;
  fixText?: string;
}

export interface BracketIssue {
  /** The bracket character and its offset. */
  char: string;
  offset: number;
  /** 'unclosed': an opener with no closer on the line; 'unmatched': a closer with no opener. */
  kind: 'unclosed' | 'unmatched';
}

export interface LineInfo {
  text: string;
  /** Offsets of the content without indentation and trailing blanks. */
  start: number;
  end: number;
  content: string;
  blank: boolean;
  heading?: HeadingMarker;
  local: LocalFinding[];
  brackets: BracketIssue[];
  /** Han characters on the line, and offsets of those the traditional → simplified converter changes. */
  han: number;
  traditional: number[];
}

export function standardMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1: return `${toChineseNumeral(n)}、`;
    case 2: return `（${toChineseNumeral(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

const CN = '[一二三四五六七八九十]{1,3}';
const NUM = '(?:[1-9]\\d?|[１-９][０-９]?)';
// Order matters: the non-standard forms that contain a standard prefix (（一）、) come first.
const MARKERS: { re: RegExp; level: HeadingLevel; cn: boolean; standard: boolean }[] = [
  { re: new RegExp(`^[（(](${CN})[）)][、.．，,]`), level: 2, cn: true, standard: false },
  { re: new RegExp(`^（(${CN})）`), level: 2, cn: true, standard: true },
  { re: new RegExp(`^[（(](${CN})[）)]`), level: 2, cn: true, standard: false },
  { re: new RegExp(`^(${CN})、`), level: 1, cn: true, standard: true },
  { re: new RegExp(`^(${CN})[.．，,](?![一二三四五六七八九十\\d])`), level: 1, cn: true, standard: false },
  { re: new RegExp(`^[（(](${NUM})[）)][、.．，,](?!\\d)`), level: 4, cn: false, standard: false },
  { re: new RegExp(`^（(${NUM})）`), level: 4, cn: false, standard: true },
  { re: new RegExp(`^[（(](${NUM})[）)]`), level: 4, cn: false, standard: false },
  { re: new RegExp(`^(${NUM})[.．](?![\\d０-９.．])`), level: 3, cn: false, standard: true },
  { re: new RegExp(`^(${NUM})、`), level: 3, cn: false, standard: false },
];

function headingTitle(rest: string): string {
  const m = /^[^。！？；：:]*/.exec(rest);
  let t = (m ? m[0] : rest).trim();
  if (t.length > 40) t = t.slice(0, 40) + '…';
  return t;
}

export function detectHeading(content: string, contentStart: number): HeadingMarker | undefined {
  for (const { re, level, cn, standard } of MARKERS) {
    const m = re.exec(content);
    if (!m) continue;
    const raw = m[1].replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
    const n = cn ? chineseNumeralValue(raw) : parseInt(raw, 10);
    if (n === undefined || n <= 0) return undefined;
    const expected = standardMarker(level, n);
    const marker = m[0];
    // (A full-width ． after an Arabic number is the same mark typed in full width: MARKERS accept it as standard.)
    return {
      level,
      number: n,
      start: contentStart,
      end: contentStart + marker.length,
      marker,
      expected: standard ? marker : expected,
      title: headingTitle(content.slice(marker.length)),
    };
  }
  return undefined;
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const URL_OR_MAIL = /(?:https?:\/\/|ftp:\/\/|www\.)[\w\-.~:/?#[\]@!$&'()*+,;=%]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]:\\[^\s，。]*/g;

function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function prevNonSpace(s: string, i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (s[j] !== ' ') return s[j];
  return undefined;
}
function nextNonSpace(s: string, i: number): string | undefined {
  for (let j = i + 1; j < s.length; j++) if (s[j] !== ' ') return s[j];
  return undefined;
}

/** Half-width , ; : ? ! ( ) and straight quotes used inside Chinese text. */
function halfwidthPunctuation(text: string, from: number, to: number, out: LocalFinding[]): void {
  if (!/[,;:?!()"']/.test(text)) return;
  const excluded: [number, number][] = [];
  URL_OR_MAIL.lastIndex = 0;
  for (let m; (m = URL_OR_MAIL.exec(text)); ) excluded.push([m.index, m.index + m[0].length]);
  let dquotes = 0;
  let squotes = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (!(ch in HALF_TO_FULL) && ch !== '"' && ch !== "'") continue;
    if (excluded.some(([a, b]) => i >= a && i < b)) continue;
    const prev = prevNonSpace(text, i);
    const next = nextNonSpace(text, i);
    if ((ch === ',' || ch === ':') && isAsciiDigit(text[i - 1]) && isAsciiDigit(text[i + 1])) continue;
    let full: string;
    if (ch === '"') {
      full = dquotes % 2 === 0 ? '“' : '”';
      dquotes++;
    } else if (ch === "'") {
      full = squotes % 2 === 0 ? '‘' : '’';
      squotes++;
      // An apostrophe between Latin letters (it's, O'Brien) is English, not a Chinese quote.
      if (/[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
    } else {
      full = HALF_TO_FULL[ch];
    }
    let chinese: boolean;
    if (ch === '(') {
      // Parentheses count as Chinese when they follow Chinese text or enclose some.
      const close = text.indexOf(')', i + 1);
      const inner = close > i ? text.slice(i + 1, close) : text.slice(i + 1, i + 20);
      // (GB 3095-2012) after Chinese text is doubtful; (南麓) is not.
      chinese = /\p{Script=Han}/u.test(inner) || (close < 0 && isCjk(prev));
    } else if (ch === ')') {
      const open = text.lastIndexOf('(', i - 1);
      const inner = open >= 0 ? text.slice(open + 1, i) : '';
      chinese = open >= 0 ? /\p{Script=Han}/u.test(inner) : isCjk(prev) && isCjk(next);
    } else {
      chinese = isCjk(prev) || isCjk(next);
    }
    if (!chinese) continue;
    out.push({
      rule: 'punctuation-halfwidth',
      message: `中文文本中使用了半角标点“${ch}”，应使用全角“${full}”`,
      start: i,
      end: i + 1,
      fixText: full,
    });
  }
}

const DUPLICATE = /([。，、；：])\1+/g;
function duplicatePunctuation(text: string, out: LocalFinding[]): void {
  DUPLICATE.lastIndex = 0;
  for (let m; (m = DUPLICATE.exec(text)); ) {
    out.push({
      rule: 'duplicate-punctuation',
      message: `标点“${m[1]}”重复了 ${m[0].length} 次，应只保留一个`,
      start: m.index,
      end: m.index + m[0].length,
      fixText: m[1],
    });
  }
}

const OPENERS: Record<string, string> = { '（': '）', '(': '）', '《': '》', '〈': '〉', '“': '”', '‘': '’', '〔': '〕', '【': '】' };
const CLOSER_FAMILY: Record<string, string> = { '）': '（', ')': '（', '》': '《', '〉': '〈', '”': '“', '’': '‘', '〕': '〔', '】': '【' };

/** Paired punctuation on one line; cross-line pairs are reconciled by the document pass. */
function bracketIssues(text: string, from: number, to: number): BracketIssue[] {
  const stack: { char: string; family: string; offset: number }[] = [];
  const issues: BracketIssue[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch in OPENERS) {
      // A half-width "(" in an ASCII context (e.g. "f(x)") is not Chinese punctuation.
      if (ch === '(' && !isCjk(text[i - 1]) && !/\p{Script=Han}/u.test(text.slice(i + 1, i + 30))) continue;
      stack.push({ char: ch, family: ch === '(' ? '（' : ch, offset: i });
    } else if (ch in CLOSER_FAMILY) {
      if (ch === ')' && !stack.some((s) => s.family === '（')) {
        if (!isCjk(text[i - 1])) continue;
      }
      // An apostrophe-like ’ between Latin letters is not a closing quote.
      if (ch === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
      const family = CLOSER_FAMILY[ch];
      let k = stack.length - 1;
      while (k >= 0 && stack[k].family !== family) k--;
      if (k < 0) {
        issues.push({ char: ch, offset: i, kind: 'unmatched' });
      } else {
        for (let j = stack.length - 1; j > k; j--) issues.push({ char: stack[j].char, offset: stack[j].offset, kind: 'unclosed' });
        stack.length = k;
      }
    }
  }
  for (const s of stack) issues.push({ char: s.char, offset: s.offset, kind: 'unclosed' });
  return issues.sort((a, b) => a.offset - b.offset);
}

const PINYIN_PRECHECK = /\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]/u;

/** 學(xué)習(xí): a reading left behind a character when a page with 注音 was copied. */
function pinyinResidue(text: string, out: LocalFinding[]): void {
  if (!PINYIN_PRECHECK.test(text)) return;
  const r = repairPinyinResidue(text, { offsets: true });
  for (const span of r.offsets ?? []) {
    out.push({
      rule: 'pinyin-residue',
      message: `“${text[span.start - 1]}”后残留拼音注音“${text.slice(span.start, span.end)}”，应删除`,
      start: span.start,
      end: span.end,
      fixText: '',
    });
  }
}

export function analyzeLine(text: string): LineInfo {
  const start = leadingIndent(text);
  const end = Math.max(start, trailingEnd(text));
  const content = text.slice(start, end);
  const blank = content.length === 0;
  const local: LocalFinding[] = [];
  let heading: HeadingMarker | undefined;
  let brackets: BracketIssue[] = [];
  let han = 0;
  const traditional: number[] = [];
  if (!blank) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x3400 && c <= 0xfaff && /\p{Script=Han}/u.test(text[i])) {
        han++;
        if (isTraditionalCode(c)) traditional.push(i);
      }
    }
    pinyinResidue(text, local);
    heading = detectHeading(content, start);
    halfwidthPunctuation(text, start, end, local);
    duplicatePunctuation(text, local);
    brackets = bracketIssues(text, start, end);
    const residue = local.filter((f) => f.rule === 'pinyin-residue');
    if (residue.length) {
      // The parentheses of a pinyin residue go with it when it is deleted: not also half-width punctuation.
      for (let i = local.length - 1; i >= 0; i--) {
        const f = local[i];
        if (f.rule === 'punctuation-halfwidth' && residue.some((r) => f.start >= r.start && f.end <= r.end)) local.splice(i, 1);
      }
    }
    if (heading && heading.expected !== heading.marker) {
      // A non-standard marker such as (一) is reported once, by heading-marker, not also as punctuation.
      const h = heading;
      for (let i = local.length - 1; i >= 0; i--) if (local[i].start >= h.start && local[i].end <= h.end) local.splice(i, 1);
      brackets = brackets.filter((b) => b.offset < h.start || b.offset >= h.end);
    }
  }
  return { text, start, end, content, blank, heading, local, brackets, han, traditional };
}

export { OPENERS, CLOSER_FAMILY };
