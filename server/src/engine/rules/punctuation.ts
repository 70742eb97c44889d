// Punctuation rules: half-width marks in Chinese text, repeated marks, and unbalanced pairs.
// The per-line work is done once per distinct line (line.ts); here it is placed in context.

import type { Finding } from '../types';
import type { ParsedDocument } from '../structure';
import type { BracketIssue } from '../line';
import { OPENERS, CLOSER_FAMILY } from '../line';
import { finding, lineSpan } from './catalogue';
import { simplify } from '../corpus/normalize';

/** Lines whose punctuation another rule already owns (发文字号, 成文日期) or that are page chrome. */
function skippedLines(doc: ParsedDocument): Set<number> {
  const skip = new Set<number>(doc.boilerplate);
  for (const e of doc.headElements) if (e.kind === 'doc-number') skip.add(e.range.start.line);
  if (doc.date) skip.add(doc.date.range.start.line);
  return skip;
}

export function localPunctuation(doc: ParsedDocument, out: Finding[]): void {
  const skip = skippedLines(doc);
  // The half-width colon ending the 主送机关 line is reported once, by addressee-format.
  const a = doc.addressee;
  const addresseeColon = a && doc.lines[a.range.start.line].content.endsWith(':') ? { line: a.range.start.line, at: doc.lines[a.range.start.line].end - 1 } : undefined;
  doc.lines.forEach((L, line) => {
    if (L.local.length === 0 || skip.has(line)) return;
    for (const f of L.local) {
      if (addresseeColon && line === addresseeColon.line && f.start === addresseeColon.at && f.rule === 'punctuation-halfwidth') continue;
      const range = lineSpan(line, f.start, f.end);
      out.push(finding(f.rule, range, f.message, f.fixText !== undefined ? { range, newText: f.fixText } : undefined));
    }
  });
}

/**
 * Traditional characters in a simplified-Chinese document. A document that is mostly traditional
 * (more than 5% of its Han characters) is a traditional document, not a mixed one: nothing is reported.
 */
/**
 * Characters the converter changes although simplified text legitimately uses them: names and
 * terms (乾隆 乾县, 二噁英, 昇 濛 in personal names, 於 and 鍾 as surnames, 著 in 著名, 藉 in 慰藉).
 */
const STILL_USED_IN_SIMPLIFIED = '乾噁昇濛於鍾著藉瞭甦夥慼堃喆';

export function mixedScript(doc: ParsedDocument, out: Finding[]): void {
  let han = 0;
  let trad = 0;
  for (const L of doc.lines) {
    han += L.han;
    trad += L.traditional.length;
  }
  if (trad === 0 || trad / han > 0.05) return;
  const skip = skippedLines(doc);
  doc.lines.forEach((L, line) => {
    if (!L.traditional.length || skip.has(line)) return;
    // Convert the whole line so that the replacement is phrase-aware (乾隆 keeps 乾, 乾燥 → 干燥).
    const converted = simplify(L.text);
    for (const i of L.traditional) {
      const ch = L.text[i];
      if (STILL_USED_IN_SIMPLIFIED.includes(ch)) continue;
      const expected = converted.length === L.text.length ? converted[i] : simplify(ch);
      // A replacement outside the BMP is a rare character (鮈 → 𬶋) that fonts and habit keep as is.
      if (expected === ch || expected.length !== 1) continue;
      const range = lineSpan(line, i, i + 1);
      out.push(finding('mixed-script', range, `简体文本中混入繁体字“${L.text[i]}”，应为“${expected}”`, { range, newText: expected }));
    }
  });
}

function closerOf(opener: string): string {
  return OPENERS[opener];
}

export function bracketBalance(doc: ParsedDocument, out: Finding[]): void {
  const skip = skippedLines(doc);
  // Pairs may legitimately span lines (a title broken over lines, a paragraph break restored inside
  // a quotation): an opener left open at the end of one line is matched with an unmatched closer
  // at the start of one of the next few lines.
  const issues = new Map<number, BracketIssue[]>();
  doc.lines.forEach((L, line) => {
    if (L.brackets.length && !skip.has(line)) issues.set(line, L.brackets.slice());
  });
  const lineNos = [...issues.keys()].sort((a, b) => a - b);
  for (const line of lineNos) {
    const list = issues.get(line)!;
    for (const open of list.filter((b) => b.kind === 'unclosed')) {
      const family = open.char === '(' ? '（' : open.char;
      for (let next = line + 1; next <= line + 4 && next < doc.lines.length; next++) {
        const nl = issues.get(next);
        const idx = nl ? nl.findIndex((b) => b.kind === 'unmatched' && CLOSER_FAMILY[b.char] === family) : -1;
        if (nl && idx >= 0) {
          nl.splice(idx, 1);
          list.splice(list.indexOf(open), 1);
          break;
        }
        if (!doc.lines[next].blank && !doc.titleLines.includes(next) && !doc.titleLines.includes(line)) {
          // Only a continuation line with an unmatched closer counts; a line that closes nothing ends the search.
          if (!nl) break;
        }
      }
    }
  }
  for (const line of lineNos) {
    for (const b of issues.get(line)!) {
      const range = lineSpan(line, b.offset, b.offset + 1);
      const msg = b.kind === 'unclosed'
        ? `“${b.char}”没有配对的“${closerOf(b.char)}”`
        : `“${b.char}”前面没有与之配对的“${CLOSER_FAMILY[b.char]}”`;
      out.push(finding('bracket-balance', range, msg));
    }
  }
}
