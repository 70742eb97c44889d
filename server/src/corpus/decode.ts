// Text-encoding detection for corpus files: detect, never assume.
//
// Order (cheap and certain first):
//  1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//  2. NUL bytes: UTF-16 without BOM if one byte order reads as common text (the parity of the NULs
//     decides when both do), otherwise a binary file;
//  3. strict UTF-8, if it reads as text (no run of control characters). Valid UTF-8 is almost never
//     anything else, except a few characters of GBK that happen to form valid UTF-8 ("一" is D2 BB,
//     UTF-8 for Cyrillic "һ"): a short text that reads as non-Latin letters is offered to step 5;
//  4. UTF-16 without BOM and without ASCII (pure CJK, 16+ characters: one byte order is all common
//     text, the other is not);
//  5. GB18030 (a superset of GBK and GB2312) or Big5: the candidates that decode strictly to common
//     text; when both do, chardet's frequency-of-common-characters confidence decides (on a tie, which
//     chardet gives below about 10 double-byte characters, GB18030 unless the bytes look like Big5).
// chardet alone gets short texts wrong (Shift_JIS or ISO-8859-x for 4–8 Chinese characters in GB18030)
// and never finds UTF-16 without a BOM, so it is only asked to choose between GB18030 and Big5.
// Measured by bench/ingest.ts: every corpus document re-encoded (UTF-8, GB18030 simplified and
// traditional, Big5, UTF-16LE/BE without BOM) decodes to exactly its text.

import { analyse } from 'chardet';
import { unzipSync } from 'fflate';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** How much of a file the heuristics look at (the whole file is still decoded strictly). */
const SAMPLE_BYTES = 64 * 1024;
/** chardet runs some 25 recognisers (about 2 MB/s): it sees only the start; 4 KB is ~2,000 characters. */
const CHARDET_SAMPLE_BYTES = 4096;
/** UTF-16 without BOM and without any ASCII character is only recognised from this many characters. */
const MIN_UTF16_UNITS_WITHOUT_NUL = 16;

export const REASON_EMPTY = '文件为空';
export const REASON_BINARY = '二进制文件';
export const REASON_UNKNOWN_ENCODING = '无法识别的编码';

function strictDecode(buf: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

/**
 * Code points that ordinary Chinese (or English) text is made of: whitespace, printable ASCII,
 * Latin-1, general punctuation, symbols (①, ■, →), CJK punctuation, kana, bopomofo, enclosed CJK,
 * CJK ideographs (BMP and, through surrogates, the supplementary planes), compatibility ideographs,
 * vertical and full-width forms. Not: controls, Hangul, private use, U+FFFD.
 */
export function isCommonTextCode(c: number): boolean {
  if (c < 0x80) return c >= 0x20 ? c !== 0x7f : c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
  if (c < 0xa0) return false;
  if (c <= 0x24f) return true; // Latin-1 supplement, Latin extended A/B (pinyin tone marks)
  if (c >= 0x2000 && c <= 0x2bff) return true;
  if (c >= 0x3000 && c <= 0x4dbf) return true;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true; // paired surrogates (a strict decoder keeps only pairs)
  if (c >= 0xf900 && c <= 0xfaff) return true;
  if (c >= 0xfe30 && c <= 0xfe4f) return true;
  if (c >= 0xff00 && c <= 0xffef) return true;
  // Greek and Cyrillic letters and the two bopomofo tone marks that GB2312 contains
  return (c >= 0x0391 && c <= 0x03c9) || (c >= 0x0401 && c <= 0x0451) || c === 0x02c7 || c === 0x02c9;
}

/** Share of UTF-16 code units of `text` that are common text (1 for an empty string). */
function plausibility(text: string): number {
  if (text.length === 0) return 1;
  let good = 0;
  for (let i = 0; i < text.length; i++) if (isCommonTextCode(text.charCodeAt(i))) good++;
  return good / text.length;
}

/** Script block of a non-ASCII code point below U+0800 (two-byte UTF-8), or -1 above. */
function twoByteBlock(c: number): number {
  if (c >= 0x800) return -1;
  if (c < 0xa0) return 8; // C1 controls
  if (c < 0x250) return 0; // Latin-1, Latin extended
  if (c < 0x370) return 1; // IPA, spacing modifiers, combining marks
  if (c < 0x400) return 2; // Greek
  if (c < 0x530) return 3; // Cyrillic
  if (c < 0x590) return 4; // Armenian
  if (c < 0x600) return 5; // Hebrew
  if (c < 0x700) return 6; // Arabic
  return 7; // Syriac, Thaana, N'Ko …
}

function isCjkLike(c: number): boolean {
  return (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) || c === 0xb7 || c === 0xd7 || c === 0xf7 || c === 0xb0;
}

/**
 * Could this valid UTF-8 text be a few GBK/Big5 characters that happen to be valid UTF-8? Only if it
 * has at most 16 non-ASCII characters, fewer than half of them CJK-like, and they read as letters of
 * some script other than Latin that are either one or two, or mixed from several scripts (Russian or
 * Greek words are letters of one script; "café" is Latin and is never reconsidered).
 */
function maybeMisreadLegacy(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  const blocks = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (++nonAscii > 16) return false;
    if (isCjkLike(c)) cjk++;
    blocks.add(twoByteBlock(c));
  }
  if (nonAscii === 0 || cjk * 2 >= nonAscii) return false;
  if (blocks.size === 1 && blocks.has(0)) return false;
  return nonAscii <= 2 || blocks.size > 1;
}

function allNonAsciiCjkLike(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && !isCjkLike(c)) return false;
  }
  return true;
}

/**
 * UTF-16 without a BOM. With NUL bytes (any ASCII character, e.g. a line break, has one), their
 * parity decides the byte order; without, the order whose code units are nearly all common text
 * while the other's are not. Returns null when it does not look like UTF-16.
 */
export function guessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = sample.length - (sample.length % 2);
  if (n < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) if (sample[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const body = sample.subarray(0, n);
  if (evenNul + oddNul > 0) {
    // ASCII in UTF-16LE is "a\0": NULs on odd offsets. But the other byte order can also read as
    // common text (LE "a\0" read as BE is U+6100, a CJK ideograph), and a few CJK characters put NULs
    // on the other parity (U+4E00 is 00 4E in LE): so the order must read as common text, and when
    // both do, the parity with more NULs decides.
    const le = plausibility(new TextDecoder('utf-16le').decode(body)) >= 0.9;
    const be = plausibility(new TextDecoder('utf-16be').decode(body)) >= 0.9;
    if (le && be) return oddNul >= evenNul ? 'utf-16le' : 'utf-16be';
    return le ? 'utf-16le' : be ? 'utf-16be' : null;
  }
  // No ASCII at all: only a longer text tells (a few Big5 or GBK characters can read as CJK in UTF-16).
  if (n < 2 * MIN_UTF16_UNITS_WITHOUT_NUL) return null;
  const le = plausibility(new TextDecoder('utf-16le').decode(body));
  const be = plausibility(new TextDecoder('utf-16be').decode(body));
  if (le >= 0.98 && be < 0.8) return 'utf-16le';
  if (be >= 0.98 && le < 0.8) return 'utf-16be';
  return null;
}

/**
 * Tie-break when chardet cannot tell (too few double-byte characters): Big5 only if no lead byte is
 * in 0x81–0xA0 (GBK's extension rows, which standard Big5 does not use) and at least a third of the
 * characters have a trail byte in 0x40–0x7E (about 40% of Big5 characters do, no GB2312 character does).
 */
function looksLikeBig5(buf: Uint8Array): boolean {
  let pairs = 0;
  let lowTrail = 0;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    if (b <= 0xa0) return false;
    const t = buf[i + 1];
    if (t === undefined) break;
    pairs++;
    if (t >= 0x40 && t <= 0x7e) lowTrail++;
    i++;
  }
  return pairs > 0 && lowTrail * 3 >= pairs;
}

/** GB18030 or Big5 for a buffer that is not UTF-8; null if neither decodes to plausible text. */
export function decodeLegacyChinese(buf: Uint8Array): { text: string; encoding: 'gb18030' | 'big5' } | null {
  // GB18030 maps almost every byte pair to something; random bytes, or the other encoding's bytes,
  // often come out as private-use characters and controls. Real text is nearly all common characters:
  // a candidate must be 98% common characters, or 90% if neither is (Big5-HKSCS pinyin letters with
  // tone marks decode to private-use characters: 6% of a traditional seed page).
  const decoded = (['gb18030', 'big5'] as const).map((encoding) => {
    const text = strictDecode(buf, encoding);
    return { encoding, text: text ?? '', score: text === null ? -1 : plausibility(text.slice(0, SAMPLE_BYTES)) };
  });
  let candidates = decoded.filter((d) => d.score >= 0.98);
  if (candidates.length === 0) candidates = decoded.filter((d) => d.score >= 0.9);
  if (candidates.length === 2) {
    const sample = buf.subarray(0, CHARDET_SAMPLE_BYTES);
    const matches = analyse(sample);
    const conf = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
    const g = conf('GB18030');
    const b = conf('Big5');
    candidates = [b > g || (b === g && looksLikeBig5(sample)) ? candidates[1] : candidates[0]];
  }
  return candidates.length ? { text: candidates[0].text, encoding: candidates[0].encoding } : null;
}

/**
 * Decode a text file's bytes. The text keeps its line breaks as they were (\r\n is not touched here).
 * Encodings reported: utf-8, utf-8-bom, utf-16le-bom, utf-16be-bom, utf-16le, utf-16be, gb18030, big5.
 */
export function decodeText(buf: Uint8Array): DecodeResult {
  if (buf.length === 0) return { ok: false, reason: REASON_EMPTY };
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = strictDecode(buf.subarray(3), 'utf-8');
    return text === null ? { ok: false, reason: '有 UTF-8 的 BOM，但内容不是有效的 UTF-8' } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  for (const [b0, b1, encoding] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (buf.length >= 2 && buf[0] === b0 && buf[1] === b1) {
      const body = buf.subarray(2, buf.length - (buf.length % 2));
      const text = strictDecode(body, encoding);
      if (text === null || plausibility(text.slice(0, SAMPLE_BYTES)) < 0.9) return { ok: false, reason: `有 ${encoding.toUpperCase()} 的 BOM，但内容不是有效的 ${encoding.toUpperCase()} 文本` };
      return { ok: true, text, encoding: `${encoding}-bom` };
    }
  }
  const sample = buf.subarray(0, SAMPLE_BYTES);
  if (buf.includes(0)) {
    const order = guessUtf16(sample);
    if (order) {
      const text = strictDecode(buf.subarray(0, buf.length - (buf.length % 2)), order);
      if (text !== null) return { ok: true, text, encoding: order };
    }
    return { ok: false, reason: REASON_BINARY };
  }
  const utf8 = strictDecode(buf, 'utf-8');
  if (utf8 !== null) {
    // A handful of GBK characters can be valid UTF-8 by chance (12% of single characters, 2% of
    // pairs, 0.1% of 4-character snippets of the corpus); they then read as IPA, Greek, Cyrillic …
    // letters. Only then is GB18030/Big5 considered, and taken only if that reading is all CJK.
    if (maybeMisreadLegacy(utf8)) {
      const legacy = decodeLegacyChinese(buf);
      if (legacy && allNonAsciiCjkLike(legacy.text)) return { ok: true, ...legacy };
    }
    if (plausibility(utf8.slice(0, SAMPLE_BYTES)) < 0.9) {
      // valid UTF-8 full of control characters: UTF-16 of a non-CJK script, or binary data
      const order = guessUtf16(sample);
      const text = order && strictDecode(buf.subarray(0, buf.length - (buf.length % 2)), order);
      return order && text ? { ok: true, text, encoding: order } : { ok: false, reason: REASON_BINARY };
    }
    return { ok: true, text: utf8, encoding: 'utf-8' };
  }
  const order = guessUtf16(sample);
  if (order) {
    const text = strictDecode(buf.subarray(0, buf.length - (buf.length % 2)), order);
    if (text !== null) return { ok: true, text, encoding: order };
  }
  const legacy = decodeLegacyChinese(buf);
  if (legacy) return { ok: true, ...legacy };
  return { ok: false, reason: REASON_UNKNOWN_ENCODING };
}

// ---------------------------------------------------------------------------------------------
// .docx: the main document part (found through _rels/.rels, usually word/document.xml) is read with
// fflate's unzipSync (only that entry is inflated) and its paragraphs become lines: <w:p> ends a
// line, <w:t> runs are joined, <w:tab/> is a tab, <w:br/> and <w:cr/> break the line, table cells
// give one line per paragraph in document order, and the VML fallback copy of a text box
// (<mc:Fallback>) is skipped so its text is not read twice. Deleted text (<w:delText>) and field
// codes (<w:instrText>) are not <w:t> and stay out.

export type DocxResult = { ok: true; text: string; paragraphs: number } | { ok: false; reason: string };

const DOCX_PREFIX = '无法解析的 .docx：';

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:(lt)|(gt)|(amp)|(quot)|(apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (m, lt, gt, amp, quot, apos, dec, hex) => {
    if (lt) return '<';
    if (gt) return '>';
    if (amp) return '&';
    if (quot) return '"';
    if (apos) return "'";
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** Lines (one per paragraph or manual line break) of a WordprocessingML document part. */
export function documentXmlLines(xml: string): string[] {
  const lines: string[] = [];
  let cur = '';
  let inText = 0;
  let inRun = 0;
  let inTabStops = 0; // <w:tabs> holds tab-stop definitions, also named <w:tab>
  let skip = 0; // inside <mc:Fallback>
  // the WordprocessingML prefix is almost always w:, but any prefix bound to its namespace counts
  const ns = /\bxmlns:([\w.-]+)="(?:http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main)"/.exec(xml.slice(0, 8192));
  const w = `${ns?.[1] ?? 'w'}:`;
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (let m: RegExpExecArray | null; (m = re.exec(xml)); ) {
    const [, cdata, close, name, , selfClose, chars] = m;
    if (chars !== undefined || cdata !== undefined) {
      if (inText > 0 && skip === 0) cur += cdata ?? unescapeXml(chars);
      continue;
    }
    if (name === undefined) continue; // comment, declaration, processing instruction
    if (name === 'mc:Fallback') {
      if (!selfClose) skip += close ? -1 : 1;
      continue;
    }
    if (skip > 0) continue;
    switch (name.startsWith(w) ? `w:${name.slice(w.length)}` : '') {
      case 'w:p':
        if (close) {
          lines.push(cur);
          cur = '';
        } else if (selfClose) lines.push('');
        else if (cur !== '') {
          // a paragraph inside a paragraph (text box): the outer text so far is its own line
          lines.push(cur);
          cur = '';
        }
        break;
      case 'w:t':
        if (!selfClose) inText += close ? -1 : 1;
        break;
      case 'w:r':
        if (!selfClose) inRun += close ? -1 : 1;
        break;
      case 'w:tabs':
        if (!selfClose) inTabStops += close ? -1 : 1;
        break;
      case 'w:tab':
      case 'w:ptab':
        if (inRun > 0 && inTabStops === 0 && !close) cur += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (inRun > 0 && !close) {
          lines.push(cur);
          cur = '';
        }
        break;
      case 'w:noBreakHyphen':
        if (inRun > 0 && !close) cur += '-';
        break;
    }
  }
  if (cur !== '') lines.push(cur);
  return lines;
}

function zipError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/invalid zip|unexpected EOF|invalid (block|length|distance)|bad|unknown compression/i.test(msg)) return `${DOCX_PREFIX}文件已损坏（${msg}）`;
  return `${DOCX_PREFIX}${msg}`;
}

/**
 * Text of a .docx file, paragraphs as lines. Never throws: a corrupt, encrypted or old-format file
 * gives a reason. `maxXmlBytes` bounds the inflated document part (a zip bomb is a skip).
 */
export function docxText(buf: Uint8Array, maxXmlBytes = 256 * 1024 * 1024): DocxResult {
  if (buf.length === 0) return { ok: false, reason: REASON_EMPTY };
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    return { ok: false, reason: `${DOCX_PREFIX}这是旧版 Word（.doc）文件或加密的文档` };
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) return { ok: false, reason: `${DOCX_PREFIX}不是 ZIP 格式` };
  let main = 'word/document.xml';
  try {
    const rels = unzipSync(buf, { filter: (f) => f.name === '_rels/.rels' && f.originalSize < 1024 * 1024 })['_rels/.rels'];
    if (rels) {
      const xml = new TextDecoder().decode(rels);
      for (const r of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
        if (!/Type="[^"]*\/officeDocument"/.test(r)) continue;
        const target = /Target="([^"]+)"/.exec(r)?.[1];
        if (target) main = unescapeXml(target).replace(/^\/+/, '');
      }
    }
  } catch (e) {
    return { ok: false, reason: zipError(e) };
  }
  let tooBig = 0;
  let part: Uint8Array | undefined;
  try {
    part = unzipSync(buf, {
      filter: (f) => {
        if (f.name !== main) return false;
        if (f.originalSize > maxXmlBytes) {
          tooBig = f.originalSize;
          return false;
        }
        return true;
      },
    })[main];
  } catch (e) {
    return { ok: false, reason: zipError(e) };
  }
  if (tooBig) return { ok: false, reason: `${DOCX_PREFIX}正文部分过大（解压后 ${(tooBig / 1048576).toFixed(1)} MB）` };
  if (!part) return { ok: false, reason: `${DOCX_PREFIX}缺少正文部分 ${main}` };
  let xml: string;
  if (part[0] === 0xff && part[1] === 0xfe) xml = new TextDecoder('utf-16le').decode(part);
  else if (part[0] === 0xfe && part[1] === 0xff) xml = new TextDecoder('utf-16be').decode(part);
  else xml = new TextDecoder('utf-8').decode(part);
  if (!/<(?:[\w.-]+:)?body\b/.test(xml)) return { ok: false, reason: `${DOCX_PREFIX}${main} 不是 Word 正文` };
  const lines = documentXmlLines(xml);
  const text = lines.join('\n');
  return { ok: true, text, paragraphs: lines.length };
}
