// 成文日期 and 印发日期 (GB/T 9704-2012 7.3.5.4): Arabic numerals, year in full, month and day not
// zero-padded: 2023年3月5日. This module recognises the forms drafts really contain and says how
// each departs from the standard.

import { asciiDigits, chineseNumeralValue } from './text';

export type DateProblem = 'chinese-numerals' | 'zero-padded' | 'iso' | 'dotted' | 'two-digit-year' | 'lost-characters' | 'invalid';

export interface DateInfo {
  /** The matched text as it stands in the line. */
  text: string;
  year?: number;
  month?: number;
  day?: number;
  problems: DateProblem[];
  /** The standard form, when it can be known for certain. */
  expected?: string;
}

const CN_NUM = '[〇○零Ｏ一二三四五六七八九十]';
const DATE_CN = new RegExp(`^(${CN_NUM}{2,4})\\s*年\\s*(${CN_NUM}{1,3})\\s*月\\s*(${CN_NUM}{1,3})\\s*日$`);
const DATE_AR = /^(\d{2,4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const DATE_SEP = /^(\d{4})\s*([-/.．])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const DATE_LOST = /^(\d{7,8})日?$/;

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

export function formatDate(y: number, m: number, d: number): string {
  return `${y}年${m}月${d}日`;
}

/** Recognise a whole string as a date. Returns undefined when it is not a date at all. */
export function parseDate(raw: string): DateInfo | undefined {
  const s = asciiDigits(raw.trim());
  let m: RegExpExecArray | null;
  if ((m = DATE_AR.exec(s))) {
    const problems: DateProblem[] = [];
    let y = parseInt(m[1], 10);
    const mo = parseInt(m[2], 10);
    const d = parseInt(m[3], 10);
    if (m[1].length === 2 || m[1].length === 3) problems.push('two-digit-year');
    if ((m[2].length === 2 && m[2][0] === '0') || (m[3].length === 2 && m[3][0] === '0')) problems.push('zero-padded');
    if (/\s/.test(s)) problems.push('zero-padded');
    const valid = isValidDate(m[1].length === 4 ? y : 2000 + y, mo, d);
    if (!valid) problems.push('invalid');
    if (m[1].length !== 4) return { text: raw, month: mo, day: d, problems };
    return { text: raw, year: y, month: mo, day: d, problems: dedupe(problems), expected: valid ? formatDate(y, mo, d) : undefined };
  }
  if ((m = DATE_CN.exec(s))) {
    const y = chineseNumeralValue(m[1]);
    const mo = chineseNumeralValue(m[2]);
    const d = chineseNumeralValue(m[3]);
    if (y === undefined || mo === undefined || d === undefined) return undefined;
    const problems: DateProblem[] = ['chinese-numerals'];
    if (m[1].length !== 4) problems.push('two-digit-year');
    const valid = m[1].length === 4 && isValidDate(y, mo, d);
    if (!valid) problems.push('invalid');
    return { text: raw, year: m[1].length === 4 ? y : undefined, month: mo, day: d, problems, expected: valid ? formatDate(y, mo, d) : undefined };
  }
  if ((m = DATE_SEP.exec(s))) {
    const y = parseInt(m[1], 10);
    const mo = parseInt(m[3], 10);
    const d = parseInt(m[4], 10);
    const problems: DateProblem[] = [m[2] === '-' || m[2] === '/' ? 'iso' : 'dotted'];
    const valid = isValidDate(y, mo, d);
    if (!valid) problems.push('invalid');
    return { text: raw, year: y, month: mo, day: d, problems, expected: valid ? formatDate(y, mo, d) : undefined };
  }
  if ((m = DATE_LOST.exec(s))) {
    const digits = m[1];
    const y = parseInt(digits.slice(0, 4), 10);
    if (y < 1949 || y > 2100) return undefined;
    const rest = digits.slice(4);
    // Every way the remaining digits can be month + day; a fix only when exactly one is a real date.
    const candidates: string[] = [];
    for (let k = 1; k < rest.length; k++) {
      const ms = rest.slice(0, k);
      const ds = rest.slice(k);
      if (ms.length > 2 || ds.length > 2) continue;
      const mo = parseInt(ms, 10);
      const d = parseInt(ds, 10);
      if (isValidDate(y, mo, d)) candidates.push(formatDate(y, mo, d));
    }
    return { text: raw, year: y, problems: ['lost-characters'], expected: candidates.length === 1 ? candidates[0] : undefined };
  }
  return undefined;
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The year of the standard GB/T 9704-2012 came into force (2012-07-01); archives older than it followed GB/T 9704-1999. */
export function predatesCurrentStandard(info: DateInfo): boolean {
  if (info.year === undefined) return false;
  if (info.year < 2012) return true;
  return info.year === 2012 && (info.month ?? 12) < 7;
}

export function describeDateProblems(info: DateInfo): string {
  const parts: string[] = [];
  for (const p of info.problems) {
    switch (p) {
      case 'chinese-numerals': parts.push('应使用阿拉伯数字'); break;
      case 'zero-padded': parts.push('月、日不编虚位（不补0、不加空格）'); break;
      case 'iso': parts.push('不用“-”“/”分隔，应写明“年”“月”“日”'); break;
      case 'dotted': parts.push('不用“.”分隔，应写明“年”“月”“日”'); break;
      case 'two-digit-year': parts.push('年份应写全四位'); break;
      case 'lost-characters': parts.push('缺少“年”“月”“日”字'); break;
      case 'invalid': parts.push('不是有效的日期'); break;
    }
  }
  return parts.join('，');
}

/** A date at the end of a line (signature and date on one line, or …日印发). */
export const TRAILING_DATE = new RegExp(
  `((?:\\d{4}|[０-９]{4}|${CN_NUM}{4})\\s*年\\s*(?:\\d{1,2}|[０-９]{1,2}|${CN_NUM}{1,3})\\s*月\\s*(?:\\d{1,2}|[０-９]{1,2}|${CN_NUM}{1,3})\\s*日|\\d{4}[-/.．]\\d{1,2}[-/.．]\\d{1,2}|\\d{7,8}日?)$`,
);
