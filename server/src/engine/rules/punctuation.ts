// Punctuation rules: half-width marks in Chinese text, repeated marks, and unbalanced pairs.
// The per-line work is done once per distinct line (line.ts); here it is placed in context.

import type { Finding } from '../types';
import type { ParsedDocument } from '../structure';
import type { BracketIssue } from '../line';
import { OPENERS, CLOSER_FAMILY } from '../line';
import { finding, lineSpan } from './catalogue';

/** Lines whose punctuation another rule already owns (发文字号, 成文日期) or that are page chrome. */
function skippedLines(doc: ParsedDocument): Set<number> {
  const skip = new Set<number>(doc.boilerplate);
  for (const e of doc.headElements) if (e.kind === 'doc-number') skip.add(e.range.start.line);
  if (doc.date) skip.add(doc.date.range.start.line);
  return skip;
}

export function localPunctuation(doc: ParsedDocument, out: Finding[]): void {
  const skip = skippedLines(doc);
  doc.lines.forEach((L, line) => {
    if (L.local.length === 0 || skip.has(line)) return;
    for (const f of L.local) {
      const range = lineSpan(line, f.start, f.end);
      out.push(finding(f.rule, range, f.message, f.fixText !== undefined ? { range, newText: f.fixText } : undefined));
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
