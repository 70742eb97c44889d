// 发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 〔年份〕 + 序号 + 号, e.g. 国办发〔2023〕12号.
// The year is in full and in 六角括号 〔〕; the number has no leading zeros and no 第.

import { asciiDigits } from './text';

export interface DocNumberInfo {
  text: string;
  agencyCode: string;
  year: string;
  serial: string;
  problems: string[];
  /** The standard form, when it can be known for certain. */
  expected?: string;
}

const OPEN = '〔\\[（(【［﹝〈<';
const CLOSE = '〕\\]）)】］﹞〉>';
const DOC_NUMBER = new RegExp(
  `^([\\p{Script=Han}A-Za-z]{1,14}?)\\s*([${OPEN}]?)\\s*(\\d{4}|\\d{2})\\s*([${CLOSE}]?)\\s*(第?)\\s*(\\d{1,5})\\s*(号?)$`,
  'u',
);

/** Recognise a string as a 发文字号 (possibly malformed). Undefined when it does not look like one. */
export function parseDocNumber(raw: string): DocNumberInfo | undefined {
  const s = asciiDigits(raw.trim());
  const m = DOC_NUMBER.exec(s);
  if (!m) return undefined;
  const [, agencyCode, open, year, close, di, serial, hao] = m;
  const bracketed = open !== '' || close !== '';
  // Without brackets and 号 it is only a damaged 发文字号 when a four-digit year stands right after the code.
  if (!bracketed && hao === '') {
    if (year.length !== 4 || !/^(19|20)/.test(year)) return undefined;
    if (!/[发字函办号电文令呈复]$/.test(agencyCode)) return undefined;
  }
  if (!bracketed && year.length === 2 && hao !== '') return undefined; // 某某12号: a counter, not a 字号
  const problems: string[] = [];
  if (open !== '〔' || close !== '〕') {
    problems.push(bracketed ? '年份应使用六角括号“〔〕”' : '缺少六角括号“〔〕”');
  }
  if (year.length !== 4) problems.push('年份应写全四位');
  if (di) problems.push('序号前不加“第”');
  if (serial.length > 1 && serial.startsWith('0')) problems.push('序号不编虚位（不加“0”）');
  if (!hao) problems.push('序号后应加“号”');
  const certain = year.length === 4;
  const expected = certain ? `${agencyCode}〔${year}〕${String(parseInt(serial, 10))}号` : undefined;
  if (expected && problems.length === 0 && expected !== s) problems.push('字号中不应有空格');
  return { text: raw.trim(), agencyCode, year, serial, problems, expected };
}
