// Text utilities shared by the parser and the rules: line splitting that keeps LSP positions,
// character classes, and Chinese numerals.

/** Split into lines on \r\n, \r or \n (as LSP does). The terminators are not part of the lines. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Split into lines and the separator after each line ('' after the last). */
export function splitLinesWithEols(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m; (m = re.exec(text)); ) {
    lines.push(text.slice(start, m.index));
    eols.push(m[0]);
    start = m.index + m[0].length;
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols };
}

const HAN = /\p{Script=Han}/u;
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && HAN.test(ch);
}

/** Han characters and full-width CJK punctuation: the "Chinese text" context for punctuation rules. */
export function isCjk(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  return (
    HAN.test(ch) ||
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0xff01 && c <= 0xff60) || // full-width forms
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
  );
}

/** Indentation used in drafts: full-width spaces, half-width spaces, tabs, no-break spaces. */
export function isIndentChar(ch: string): boolean {
  return ch === '\u3000' || ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\ufeff';
}

export function leadingIndent(line: string): number {
  let i = 0;
  while (i < line.length && isIndentChar(line[i])) i++;
  return i;
}

export function trailingEnd(line: string): number {
  let j = line.length;
  while (j > 0 && isIndentChar(line[j - 1])) j--;
  return j;
}

const CN_DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, 'Ｏ': 0, 'O': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5,
  '六': 6, '七': 7, '八': 8, '九': 9, '两': 2,
};

/** Value of a Chinese numeral up to 9999 (一 … 九十九, 一百二十, 二〇二三 read digit by digit). */
export function chineseNumeralValue(s: string): number | undefined {
  if (s === '') return undefined;
  // Digit-by-digit form (years: 二〇二三).
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (current === 0 ? 1 : current) * unit;
      current = 0;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return undefined;
      current = d;
    }
  }
  return total + current;
}

const CN_SMALL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers). */
export function toChineseNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_SMALL[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_SMALL[tens]) + '十' + CN_SMALL[ones];
}

/** Full-width digits to ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}
