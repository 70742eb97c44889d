// A draft held as analysed lines. Edits replace only the lines they touch, and line analysis is
// memoised by line text, so re-checking after a keystroke re-analyses one line plus the cheap
// document-level pass over cached line results.

import type { Finding, Position, Range } from './types';
import { analyzeLine, type LineInfo } from './line';
import { splitLinesWithEols } from './text';
import { parseStructure, type ParsedDocument } from './structure';
import { lintParsed, type LintOptions } from './lint';

/** Lines longer than this are analysed only in part: a 10 MB single-line file must not stall the server. */
export const MAX_ANALYSED_LINE = 20000;

const CACHE_LIMIT = 50000;

export class LineCache {
  private map = new Map<string, LineInfo>();
  hits = 0;
  misses = 0;
  get(text: string): LineInfo {
    let info = this.map.get(text);
    if (info) {
      this.hits++;
      return info;
    }
    this.misses++;
    info = analyzeLine(text.length > MAX_ANALYSED_LINE ? text.slice(0, MAX_ANALYSED_LINE) : text);
    if (text.length > MAX_ANALYSED_LINE) info = { ...info, text };
    if (this.map.size >= CACHE_LIMIT) this.map.clear();
    this.map.set(text, info);
    return info;
  }
}

const sharedCache = new LineCache();

export class Draft {
  private texts: string[];
  /** The line separator after each line ('' after the last): needed to re-split edited text exactly. */
  private eols: string[];
  private infos: LineInfo[];
  private parsedCache?: ParsedDocument;

  constructor(text: string, private readonly cache: LineCache = sharedCache) {
    ({ lines: this.texts, eols: this.eols } = splitLinesWithEols(text));
    this.infos = this.texts.map((t) => this.cache.get(t));
  }

  get lineCount(): number {
    return this.texts.length;
  }

  getText(): string {
    let s = '';
    for (let i = 0; i < this.texts.length; i++) s += this.texts[i] + this.eols[i];
    return s;
  }

  setText(text: string): void {
    ({ lines: this.texts, eols: this.eols } = splitLinesWithEols(text));
    this.infos = this.texts.map((t) => this.cache.get(t));
    this.parsedCache = undefined;
  }

  /** Apply an LSP-style edit (range in the current text, UTF-16 positions). */
  applyEdit(range: Range, newText: string): void {
    const n = this.texts.length;
    const clamp = (p: Position): [number, number] => (p.line > n - 1 ? [n - 1, this.texts[n - 1].length] : [p.line, Math.min(p.character, this.texts[p.line].length)]);
    const [sl, sc] = clamp(range.start);
    const [el, ec] = clamp(range.end);
    // Re-split a region one line wider than the edit on each side, separators included, so that a
    // \r and a \n brought together (or apart) by the edit become the right line breaks.
    const a = Math.max(0, sl - 1);
    const b = Math.min(n - 1, el + 1);
    let region = '';
    let editStart = 0;
    let editEnd = 0;
    for (let i = a; i <= b; i++) {
      if (i === sl) editStart = region.length + sc;
      if (i === el) editEnd = region.length + ec;
      region += this.texts[i] + this.eols[i];
    }
    const edited = region.slice(0, editStart) + newText + region.slice(Math.max(editStart, editEnd));
    const { lines, eols } = splitLinesWithEols(edited);
    if (this.eols[b] !== '') {
      // The region ended with a separator: the empty piece after it is the start of line b + 1.
      lines.pop();
      eols.pop();
    }
    this.texts.splice(a, b - a + 1, ...lines);
    this.eols.splice(a, b - a + 1, ...eols);
    this.infos.splice(a, b - a + 1, ...lines.map((t) => this.cache.get(t)));
    this.parsedCache = undefined;
  }

  get parsed(): ParsedDocument {
    if (!this.parsedCache) this.parsedCache = parseStructure(this.infos);
    return this.parsedCache;
  }

  lint(options?: LintOptions): Finding[] {
    return lintParsed(this.parsed, options);
  }
}

export function parseText(text: string): ParsedDocument {
  return new Draft(text).parsed;
}

export function lintText(text: string, options?: LintOptions): Finding[] {
  return new Draft(text).lint(options);
}
