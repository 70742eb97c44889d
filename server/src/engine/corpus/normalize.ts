// Text normalisation before corpus learning: repair pinyin residue, convert traditional
// characters to simplified, drop web-page chrome lines, fold full-width letters and digits.
// Pure functions over strings; the two dictionaries (pinyin-pro, opencc-js) load lazily on first
// need, so simplified documents without residue never pay for them.
//
// Order matters (normalizeForLearning): pinyin repair runs before conversion, because a reading
// is confirmed against the character it follows and `學(xué)` must become `學` before it can
// become `学`; otherwise phrase counts split (党 vs 黨) and runs are broken by `(xué)`.

// ---------------------------------------------------------------------------------------------
// Lazy dictionaries

type PinyinFn = (word: string, options: { multiple: true; type: 'array'; toneSandhi: false }) => string[];
type ConvertFn = (text: string) => string;

let pinyinFn: PinyinFn | undefined;
let converterFn: ConvertFn | undefined;

function getPinyin(): PinyinFn {
  // require() inside the function: Node and esbuild both evaluate the module on first call only.
  pinyinFn ??= (require('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn;
}

/** The opencc-js traditional → mainland simplified converter, created once. */
function getConverter(): ConvertFn {
  converterFn ??= (require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): ConvertFn }).Converter({ from: 't', to: 'cn' });
  return converterFn;
}

// ---------------------------------------------------------------------------------------------
// Pinyin residue

export interface RemovedSpan {
  /** UTF-16 offsets in the input text of a removed `(reading)`, parentheses included. */
  start: number;
  end: number;
}

export interface PinyinRepair {
  text: string;
  /** Readings removed. */
  repairs: number;
  /** Parenthesised pinyin-like words after a Han character that the dictionary did not confirm (left alone). */
  rejected: number;
  /** Only with `{ offsets: true }`: the removed spans, in input order. */
  offsets?: RemovedSpan[];
}

// A parenthesised lower-case pinyin syllable: letters with tone marks, ü/ê, decomposed tone marks
// (U+0300–U+036F), the IPA-style ɑ/ɡ some pinyin fonts use, and full-width letters (folded later,
// so they must be repaired now for normalisation to be idempotent). ASCII or full-width parentheses.
const PINYIN_CANDIDATE = /[(（]([a-zａ-ｚāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêếềḿńňǹɑɡ\u0300-\u036f]{1,8})[)）]/g;
const HAN = /^\p{Script=Han}$/u;

// 一 and 不 change tone in context (yí gè, bú yào); pinyin-pro applies that only to words, so a
// single-character lookup would reject a correct in-context reading.
const SANDHI: Record<string, string[]> = { 一: ['yí', 'yì'], 不: ['bú'] };

const readingsCache = new Map<string, ReadonlySet<string>>();

function readingsOf(ch: string): ReadonlySet<string> {
  let set = readingsCache.get(ch);
  if (set) return set;
  const list = getPinyin()(ch, { multiple: true, type: 'array', toneSandhi: false });
  // pinyin-pro returns the character itself when it has no reading for it.
  set = new Set(list.filter((r) => r !== ch).concat(SANDHI[ch] ?? []));
  readingsCache.set(ch, set);
  return set;
}

function normalizeReading(raw: string): string {
  let r = raw;
  if (/[ａ-ｚ]/.test(r)) r = r.replace(/[ａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/[ɑɡ]/.test(r)) r = r.replace(/ɑ/g, 'a').replace(/ɡ/g, 'g');
  if (/[\u0300-\u036f]/.test(r)) r = r.normalize('NFC');
  return r;
}

/** Is `reading` one of the dictionary's readings of `ch` (tone marks compared exactly)? */
function confirms(ch: string, reading: string): boolean {
  if (readingsOf(ch).has(reading)) return true;
  // pinyin-pro's traditional entries are sometimes thinner than the simplified ones (們 mén only,
  // 们 men/mén): also accept the readings of the character's simplified form.
  const simplified = getConverter()(ch);
  return simplified !== ch && [...simplified].length === 1 && readingsOf(simplified).has(reading);
}

function codePointBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const lo = text.charCodeAt(index - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && index >= 2) {
    const hi = text.charCodeAt(index - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(index - 2, index);
  }
  return text[index - 1];
}

/**
 * Strip parenthesised pinyin readings that follow a Han character (`學(xué)習(xí)` → `學習`), but only
 * where pinyin-pro confirms the reading, tone marks included, for that character (any of its
 * readings: polyphones, the neutral tone it lists, 一/不 sandhi). `北京(Beijing)`, `單位(萬元)`,
 * `附件(一)`, toneless `學(xue)` stay. Repeated residue (`學(xué)(xué)`) is removed in one pass.
 */
export function repairPinyinResidue(text: string, options: { offsets?: boolean } = {}): PinyinRepair {
  const result: PinyinRepair = { text, repairs: 0, rejected: 0 };
  if (options.offsets) result.offsets = [];
  if (text.indexOf('(') < 0 && text.indexOf('（') < 0) return result;
  const parts: string[] = [];
  let copied = 0; // end of the text already copied to parts
  let lastRemovedEnd = -1;
  let lastHan = '';
  PINYIN_CANDIDATE.lastIndex = 0;
  for (let m; (m = PINYIN_CANDIDATE.exec(text)); ) {
    // The character the reading annotates: the one before it, or, right after a removed reading,
    // the character that one annotated.
    const ch = m.index === lastRemovedEnd ? lastHan : codePointBefore(text, m.index);
    if (ch === undefined || !HAN.test(ch)) continue;
    if (!confirms(ch, normalizeReading(m[1]))) {
      result.rejected++;
      continue;
    }
    const end = m.index + m[0].length;
    parts.push(text.slice(copied, m.index));
    copied = end;
    lastRemovedEnd = end;
    lastHan = ch;
    result.repairs++;
    result.offsets?.push({ start: m.index, end });
  }
  if (result.repairs > 0) {
    parts.push(text.slice(copied));
    result.text = parts.join('');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Traditional → simplified

export interface Simplification {
  text: string;
  converted: boolean;
  /** Share of Han characters that the converter changes one by one (0 when there are none). */
  ratio: number;
}

/** Convert when more than this share of Han characters would change. */
export const TRADITIONAL_THRESHOLD = 0.05;

// Per BMP code unit: 0 not yet known, 1 unchanged by the converter, 2 changed.
const bmpState = new Uint8Array(0x10000);
const astralChanges = new Map<number, boolean>();

function changesBmp(code: number): boolean {
  let s = bmpState[code];
  if (s === 0) {
    const ch = String.fromCharCode(code);
    s = getConverter()(ch) === ch ? 1 : 2;
    bmpState[code] = s;
  }
  return s === 2;
}

function changesAstral(cp: number): boolean {
  let s = astralChanges.get(cp);
  if (s === undefined) {
    const ch = String.fromCodePoint(cp);
    s = getConverter()(ch) !== ch;
    astralChanges.set(cp, s);
  }
  return s;
}

/** Whether the converter changes this UTF-16 code unit (BMP Han characters only). */
export function isTraditionalCode(code: number): boolean {
  return ((code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) && changesBmp(code);
}

/** Traditional → simplified for a short span (phrase-aware where the span gives context). */
export function simplify(text: string): string {
  return getConverter()(text);
}

/**
 * Share of Han characters (CJK unified ideographs, extensions and compatibility ideographs) that
 * the traditional → simplified converter would change, character by character.
 */
export function traditionalRatio(text: string): number {
  let han = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if ((c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) {
      han++;
      if (changesBmp(c)) changed++;
    } else if (c >= 0xd840 && c <= 0xd8bf && i + 1 < text.length) {
      // Supplementary ideographic planes (U+20000–U+3FFFF).
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        han++;
        if (changesAstral(((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000)) changed++;
        i++;
      }
    }
  }
  return han === 0 ? 0 : changed / han;
}

/**
 * Traditional → mainland simplified (opencc-js `t2cn`, phrase-aware), only when more than
 * `threshold` (default 5%) of the Han characters would change: a simplified document keeps its
 * occasional traditional-looking name character (刘朦濛). `measure` is the text the ratio is taken
 * on (default: `text` itself).
 */
export function toSimplified(text: string, options: { threshold?: number; measure?: string } = {}): Simplification {
  const ratio = traditionalRatio(options.measure ?? text);
  if (!(ratio > (options.threshold ?? TRADITIONAL_THRESHOLD))) return { text, converted: false, ratio };
  return { text: getConverter()(text), converted: true, ratio };
}

// ---------------------------------------------------------------------------------------------
// Web page chrome

export interface BoilerplateRemoval {
  text: string;
  removedLines: number;
}

/** Lines longer than this (after trimming) are never chrome. */
const MAX_CHROME_LINE = 100;

// Cheap gate: a short line with none of these is kept without running the patterns below.
const TRIGGER = /首页|位置|分享|打印|关闭|收藏|版权|copyright|©|icp|公网安备|来源|作者|编辑|责编|发布|上传|时间|日期|访问|浏览|阅读|点击|字体|字号|相关|返回|上一|下一|纠错|扫一扫|索引号|主题分类/i;
// Sentence punctuation: chrome lines are not sentences.
const SENTENCE = /[，。；！？]/;

const BREADCRUMB = /^(?:(?:当前|现在|您的|您现在的|您当前的|您所在的|所在)位置\s*[:：]|(?:网站)?首页\s*(?:>|＞|»|›|→|\/|-+>))/;
const SHARE = /^分享到?\s*[:：]?(?:\s*(?:微信|朋友圈|微博|新浪微博|腾讯微博|QQ|QQ空间|qq|qq空间|豆瓣|人人网|更多)\s*)*$/;
const COPYRIGHT = /^(?:版权所有|copyright|©|\(c\)\s*\d{4})|版权所有\s*[:：©(（]|copyright\s*(?:©|\(c\))?\s*\d{4}/i;
const ICP = /icp\s*[备证]|icp备案/i;
const POLICE = /公网安备/;
const FONT_SIZE = /字[体号]\s*[:：]?\s*[【\[（(]?\s*大\s*[】\]）)]?\s*[【\[（(]?\s*中\s*[】\]）)]?\s*[【\[（(]?\s*小/;
const PREV_NEXT = /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)\s*[:：]/;
// Visit counters anywhere in a short line: 访问人数:72, 浏览次数：1,234.
const COUNTER = /(?:访问人数|访问次数|访问量|浏览次数|浏览量|阅读次数|阅读数|阅读量|点击数|点击次数|点击量|点击率)\s*[:：]?\s*[\d,]+/;
// Metadata fields as they appear on article pages. 时间/日期 alone also start real lines of a
// 会议通知 (时间：2023年3月10日上午9:00), so those two count only with a numeric date or next to
// another field.
const META_KEYS = '信息来源|文章来源|稿件来源|消息来源|来源|作者|责任编辑|责编|编辑|审核|发布者|发布人|发布机构|发布时间|发布日期|发表时间|发布于|上传时间|上传人员|上传者|上传人|更新时间|访问人数|访问次数|浏览次数|阅读次数|点击数|点击次数|索引号|主题分类|时间|日期';
const META_START = new RegExp(`^[【\\[（(]?\\s*(${META_KEYS})\\s*[:：]`);
const META_ANY = new RegExp(`(?:^|\\s)(?:${META_KEYS})\\s*[:：]`, 'g');
const NUMERIC_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/;
const PUBLISHED_AT = /^发布于\s*\d{4}/;
// A line made only of page buttons (at least one real button word, not just 大 中 小).
const BUTTON_WORDS = /打印本页|打印此页|打印文章|打印页面|打印|关闭窗口|关闭本页|关闭页面|关闭|分享到|分享|收藏本页|加入收藏|收藏|返回顶部|返回首页|返回列表|返回|相关链接|相关阅读|相关文章|相关新闻|我要纠错|纠错|扫一扫在手机打开当前页|扫一扫|字体|字号/g;
const BUTTON_FILLER = /[\s【】\[\]（）()|｜/·•、:：大中小默认]/g;
const DELIMITED_BUTTON = /(?:^|[\s【\[（(|｜])(?:打印本页|打印|关闭窗口|关闭|分享到|分享|收藏)(?=$|[\s】\]）)|｜:：])/g;
const ANY_DATE = /\d{4}\s*[-/.年]\s*\d{1,2}/;

function isMetadataLine(t: string): boolean {
  const m = META_START.exec(t);
  if (!m) return PUBLISHED_AT.test(t);
  const key = m[1];
  if (key !== '时间' && key !== '日期') return true;
  const value = t.slice(m[0].length).trim();
  if (NUMERIC_DATE.test(value)) return true;
  // Another field later in the line: 时间：2022年11月07日 来源：新华网.
  META_ANY.lastIndex = m[0].length;
  return META_ANY.test(t);
}

function isButtonLine(t: string): boolean {
  if (t.length > 40) return false;
  const rest = t.replace(BUTTON_WORDS, '');
  return rest.length < t.length && rest.replace(BUTTON_FILLER, '') === '';
}

function isButtonsWithMeta(t: string): boolean {
  if (t.length > 60) return false;
  const buttons = t.match(DELIMITED_BUTTON)?.length ?? 0;
  return buttons >= 2 || (buttons === 1 && ANY_DATE.test(t));
}

/** Is this one line web-page chrome (short, and made of navigation, buttons, counters, metadata or footer)? */
export function isBoilerplateLine(line: string): boolean {
  if (line.length > MAX_CHROME_LINE * 2) return false;
  const t = foldWidth(line).replace(/\s+/g, ' ').trim();
  if (t === '' || t.length > MAX_CHROME_LINE || !TRIGGER.test(t)) return false;
  if (BREADCRUMB.test(t) || PREV_NEXT.test(t) || FONT_SIZE.test(t)) return true;
  if (ICP.test(t) || POLICE.test(t)) return t.length <= 80;
  if (SENTENCE.test(t)) return /^(?:版权所有|copyright|©)/i.test(t) && t.length <= 80;
  return SHARE.test(t) || COPYRIGHT.test(t) || COUNTER.test(t) || isMetadataLine(t) || isButtonLine(t) || isButtonsWithMeta(t);
}

/**
 * Drop web-page chrome lines: breadcrumbs (`首页>>…`), share/print/close buttons, `【字体：大 中 小】`,
 * copyright, ICP and 公网安备 numbers, visit counters and article metadata (`来源:`, `作者:`,
 * `发布于`, `上传时间:`, `时间:2022-11-07`). Only short lines without sentence punctuation qualify,
 * so a 公文 sentence that mentions 打印 or 来源 stays. Kept lines keep their line separators.
 */
export function stripBoilerplate(text: string): BoilerplateRemoval {
  const parts: string[] = [];
  let removedLines = 0;
  let copied = 0;
  let start = 0;
  while (start <= text.length) {
    let end = start;
    // Find the end of the line (\n, \r\n or \r) without splitting the whole text up front.
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
    }
    let next = end;
    if (end < text.length) next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (end - start <= MAX_CHROME_LINE * 2 && end > start && isBoilerplateLine(text.slice(start, end))) {
      parts.push(text.slice(copied, start));
      copied = next;
      removedLines++;
    }
    if (end >= text.length) break;
    start = next;
  }
  if (removedLines === 0) return { text, removedLines };
  parts.push(text.slice(copied));
  return { text: parts.join(''), removedLines };
}

// ---------------------------------------------------------------------------------------------
// Width

const WIDE = /[\u00a0\u3000０-９Ａ-Ｚａ-ｚ]/;
const WIDE_G = /[\u00a0\u3000０-９Ａ-Ｚａ-ｚ]/g;

function narrow(c: string): string {
  const code = c.charCodeAt(0);
  return code === 0x3000 || code === 0xa0 ? ' ' : String.fromCharCode(code - 0xfee0);
}

/**
 * Fold full-width letters and digits (Ａ-Ｚ ａ-ｚ ０-９) to ASCII and the ideographic space (and
 * no-break space) to a plain space, so `２０２３` and `2023` count as one. Chinese punctuation
 * (，。：；（）“”《》) and every other character stay as they are.
 */
export function foldWidth(text: string): string {
  return WIDE.test(text) ? text.replace(WIDE_G, narrow) : text;
}

// ---------------------------------------------------------------------------------------------
// Pipeline

export interface NormalizeStats {
  pinyinRepairs: number;
  converted: boolean;
  removedLines: number;
  /** The traditional-character ratio the conversion decision was taken on. */
  traditionalRatio: number;
}

export interface Normalized {
  text: string;
  stats: NormalizeStats;
}

/**
 * Normalise a document for learning: pinyin repair, then traditional → simplified, then chrome
 * removal, then width folding. Idempotent: normalising the result again changes nothing (the
 * conversion decision is measured on the text without its chrome lines, i.e. on what the next
 * pass would see).
 */
export function normalizeForLearning(text: string): Normalized {
  const repaired = repairPinyinResidue(text);
  // Measure the traditional share on the body, not on chrome lines the next step removes anyway.
  const body = stripBoilerplate(repaired.text);
  const simplified = toSimplified(repaired.text, { measure: body.text });
  const stripped = simplified.converted ? stripBoilerplate(simplified.text) : body;
  return {
    text: foldWidth(stripped.text),
    stats: {
      pinyinRepairs: repaired.repairs,
      converted: simplified.converted,
      removedLines: stripped.removedLines,
      traditionalRatio: simplified.ratio,
    },
  };
}
