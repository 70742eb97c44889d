// A draft held as analysed lines. Edits replace only the lines they touch, and line analysis is
// memoised by line text, so re-checking after a keystroke re-analyses one line plus the cheap
// document-level pass over cached line results.

import type { Finding, Range } from './types';
import { analyzeLine, type LineInfo } from './line';
import { splitLines } from './text';
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
  private infos: LineInfo[];
  private parsedCache?: ParsedDocument;

  constructor(text: string, private readonly cache: LineCache = sharedCache) {
    this.texts = splitLines(text);
    this.infos = this.texts.map((t) => this.cache.get(t));
  }

  get lineCount(): number {
    return this.texts.length;
  }

  getText(eol = '\n'): string {
    return this.texts.join(eol);
  }

  setText(text: string): void {
    this.texts = splitLines(text);
    this.infos = this.texts.map((t) => this.cache.get(t));
    this.parsedCache = undefined;
  }

  /** Apply an LSP-style edit (range in the current text, UTF-16 positions). */
  applyEdit(range: Range, newText: string): void {
    const n = this.texts.length;
    const sl = Math.min(range.start.line, n - 1);
    const el = Math.min(range.end.line, n - 1);
    const startLine = this.texts[sl];
    const endLine = this.texts[el];
    const sc = range.start.line > n - 1 ? startLine.length : Math.min(range.start.character, startLine.length);
    const ec = range.end.line > n - 1 ? endLine.length : Math.min(range.end.character, endLine.length);
    let merged = startLine.slice(0, sc) + newText + endLine.slice(ec);
    let removeTo = el;
    // A \r at the end of the edit and \n at the start of the next line form one line break.
    if (merged.endsWith('\r') && removeTo + 1 < n) {
      merged += '\n' + this.texts[removeTo + 1];
      removeTo++;
    }
    const replacement = splitLines(merged);
    this.texts.splice(sl, removeTo - sl + 1, ...replacement);
    this.infos.splice(sl, removeTo - sl + 1, ...replacement.map((t) => this.cache.get(t)));
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
