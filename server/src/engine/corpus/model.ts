// The corpus model: what was learned from a set of documents (phrases and terms with their
// frequencies, document types and examples; fixed formulations; the structure profile of each
// document type), as a versioned, validated JSON object. Learning here is pure computation on
// texts; reading files, caching and workers belong to the Node side (server/src/corpus).

import type { DocType, ElementKind } from '../types';
import { parseText } from '../document';
import { normalizeForLearning } from './normalize';
import { downWeight } from './dedupe';
import { minePhrases } from './phrases';

export const MODEL_FORMAT = 'gongwen-corpus-model';
export const MODEL_VERSION = 1;

export interface PhraseEntry {
  text: string;
  /** Occurrences in the corpus (after down-weighting repeated material). */
  count: number;
  /** Documents containing it. */
  docs: number;
  /** Documents per type containing it. */
  types: Partial<Record<DocType, number>>;
  /** Share of occurrences written inside “…”: a formulation that is quoted when used. */
  quoted: number;
  examples: { sentence: string; source: string }[];
}

export interface Formulation {
  text: string;
  count: number;
  /** Usually written inside “…” (两个确立): a near miss is only flagged inside quotes too. */
  quoted: boolean;
}

export interface Ranked {
  text: string;
  count: number;
}

export interface TypeProfile {
  documents: number;
  /** Share of documents of this type that have each element. */
  elements: Partial<Record<ElementKind, number>>;
  /** Level-1 section headings (numbering stripped) and the share of documents that have them. */
  sections: { heading: string; share: number }[];
  openings: Ranked[];
  closings: Ranked[];
  addressees: Ranked[];
  issuers: Ranked[];
  /** Share of documents with a 附件说明, and the mean number of attachments listed there. */
  attachmentNotes: number;
  meanAttachments: number;
}

export interface CorpusModel {
  format: typeof MODEL_FORMAT;
  version: number;
  createdAt: string;
  stats: { documents: number; chars: number; duplicateDocuments: number; droppedParagraphs: number; traditionalConverted: number; pinyinRepairs: number };
  phrases: PhraseEntry[];
  /** Fixed formulations (提法): written the same way throughout, so near misses are suspicious. */
  formulations: Formulation[];
  types: Partial<Record<DocType, TypeProfile>>;
}

export interface LearnInput {
  /** Where the text came from (a path, shown with examples). */
  source: string;
  text: string;
}

export interface LearnOptions {
  maxPhrases?: number;
  examplesPerPhrase?: number;
  minCount?: number;
}

const SENTENCE_END = /[。！？；\n]/;

/** Learn a model from documents. */
export function learnModel(inputs: LearnInput[], options: LearnOptions = {}): CorpusModel {
  const maxPhrases = options.maxPhrases ?? 8000;
  const examplesPerPhrase = options.examplesPerPhrase ?? 2;
  let chars = 0;
  let traditionalConverted = 0;
  let pinyinRepairs = 0;
  const docs = inputs.map((d) => {
    const n = normalizeForLearning(d.text);
    chars += d.text.length;
    if (n.stats.converted) traditionalConverted++;
    pinyinRepairs += n.stats.pinyinRepairs;
    return { source: d.source, text: n.text };
  });
  const weighted = downWeight(docs.map((d) => d.text));
  const minCount = options.minCount ?? Math.max(2, Math.min(30, Math.round(chars / 1e6) + 2));
  const mined = minePhrases(weighted.texts, { minCount }).slice(0, maxPhrases);

  // One pass per document over a character trie of the mined phrases: document frequency,
  // types, quoting and example sentences.
  const trie = buildTrie(mined.map((p) => p.text));
  const entries: PhraseEntry[] = mined.map((p) => ({ text: p.text, count: p.count, docs: 0, types: {}, quoted: 0, examples: [] }));
  const quotedCount = new Int32Array(entries.length);
  const seenCount = new Int32Array(entries.length);
  const parsed = docs.map((d) => parseText(d.text));
  docs.forEach((d, di) => {
    const type = parsed[di].type;
    const inDoc = new Set<number>();
    const t = d.text;
    for (let i = 0; i < t.length; i++) {
      let node = trie.root;
      for (let j = i; j < t.length && j - i < 12; j++) {
        const next = node.next.get(t.charCodeAt(j));
        if (!next) break;
        node = next;
        if (node.phrase < 0) continue;
        const k = node.phrase;
        seenCount[k]++;
        if (t[i - 1] === '“' && t[j + 1] === '”') quotedCount[k]++;
        if (!inDoc.has(k)) {
          inDoc.add(k);
          const e = entries[k];
          e.docs++;
          e.types[type] = (e.types[type] ?? 0) + 1;
          if (e.examples.length < examplesPerPhrase) {
            const sentence = sentenceAround(t, i, j + 1);
            if (sentence.length >= e.text.length + 4 && !e.examples.some((x) => x.sentence === sentence)) e.examples.push({ sentence, source: d.source });
          }
        }
      }
    }
  });
  entries.forEach((e, k) => (e.quoted = seenCount[k] ? Math.round((quotedCount[k] / seenCount[k]) * 100) / 100 : 0));
  // Quoted formulations (“两个确立”) and long fixed expressions used across many documents.
  const formulations: Formulation[] = entries
    .filter((e) => e.docs >= 2 && ((e.quoted >= 0.5 && e.text.length >= 3) || (e.text.length >= 6 && e.docs >= 10)))
    .map((e) => ({ text: e.text, count: e.count, quoted: e.quoted >= 0.5 }));
  // Quoted spans are 提法 by the writers' own marking, even when too rare for the miner's threshold
  // in a large corpus (“两个确立” in a few documents among thousands).
  const known = new Set(formulations.map((f) => f.text));
  for (const q of quotedSpans(docs.map((d) => d.text))) if (!known.has(q.text)) formulations.push({ text: q.text, count: q.count, quoted: true });

  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: new Date().toISOString(),
    stats: { documents: docs.length, chars, duplicateDocuments: weighted.duplicateDocuments, droppedParagraphs: weighted.droppedParagraphs, traditionalConverted, pinyinRepairs },
    phrases: entries,
    formulations,
    types: typeProfiles(parsed),
  };
}

/** Han-only spans inside “…” written the same way in at least two documents. */
function quotedSpans(texts: string[]): Ranked[] {
  const count = new Map<string, number>();
  const docs = new Map<string, number>();
  for (const t of texts) {
    const seen = new Set<string>();
    for (const m of t.matchAll(/“(\p{Script=Han}{3,12})”/gu)) {
      count.set(m[1], (count.get(m[1]) ?? 0) + 1);
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        docs.set(m[1], (docs.get(m[1]) ?? 0) + 1);
      }
    }
  }
  return [...count].filter(([w, n]) => n >= 2 && docs.get(w)! >= 2).map(([text, n]) => ({ text, count: n })).sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
}

interface TrieNode {
  next: Map<number, TrieNode>;
  phrase: number;
}

function buildTrie(words: string[]): { root: TrieNode } {
  const root: TrieNode = { next: new Map(), phrase: -1 };
  words.forEach((w, k) => {
    let node = root;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map(), phrase: -1 };
        node.next.set(c, n);
      }
      node = n;
    }
    node.phrase = k;
  });
  return { root };
}

function sentenceAround(t: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(t[a - 1]) && start - a < 80) a--;
  let b = end;
  while (b < t.length && !SENTENCE_END.test(t[b]) && b - end < 80) b++;
  if (b < t.length && /[。！？]/.test(t[b])) b++;
  return t.slice(a, b).trim();
}

function top(counts: Map<string, number>, n: number): Ranked[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([text, count]) => ({ text, count }));
}

function bump(m: Map<string, number>, k: string | undefined): void {
  if (k) m.set(k, (m.get(k) ?? 0) + 1);
}

/** A section heading without its number and trailing sentence: 一、加强组织领导。… → 加强组织领导 */
export function normalizeHeading(title: string): string {
  return title.replace(/[。：:；].*$/, '').replace(/\s+/g, '').slice(0, 20);
}

function typeProfiles(parsed: ReturnType<typeof parseText>[]): Partial<Record<DocType, TypeProfile>> {
  const groups = new Map<DocType, ReturnType<typeof parseText>[]>();
  for (const p of parsed) {
    if (p.type === '未知') continue;
    const g = groups.get(p.type) ?? [];
    g.push(p);
    groups.set(p.type, g);
  }
  const out: Partial<Record<DocType, TypeProfile>> = {};
  for (const [type, docs] of groups) {
    const elements = new Map<string, number>();
    const sections = new Map<string, number>();
    const openings = new Map<string, number>();
    const closings = new Map<string, number>();
    const addressees = new Map<string, number>();
    const issuers = new Map<string, number>();
    let notes = 0;
    let attachmentsListed = 0;
    for (const d of docs) {
      for (const k of new Set(d.elements.map((e) => e.kind))) bump(elements, k);
      const heads = new Set((d.body?.headings ?? []).filter((h) => h.marker.level === 1).map((h) => normalizeHeading(h.marker.title)).filter((h) => h.length >= 2));
      for (const h of heads) bump(sections, h);
      if (d.body) {
        const paras = d.lines.slice(d.body.startLine, d.body.endLine + 1).filter((l) => !l.blank && !l.heading);
        if (paras.length) {
          bump(openings, firstSentence(paras[0].content));
          bump(closings, lastSentence(paras[paras.length - 1].content));
        }
      }
      bump(addressees, d.addressee?.text);
      bump(issuers, d.signature.map((s) => s.text).join('、') || undefined);
      if (d.attachmentNote) {
        notes++;
        attachmentsListed += d.attachmentNote.items.length;
      }
    }
    const share = (n: number) => Math.round((n / docs.length) * 1000) / 1000;
    out[type] = {
      documents: docs.length,
      elements: Object.fromEntries([...elements].map(([k, n]) => [k, share(n)])),
      sections: top(sections, 30).filter((s) => s.count >= 2).map((s) => ({ heading: s.text, share: share(s.count) })),
      openings: top(openings, 10).filter((s) => s.count >= 2),
      closings: top(closings, 10).filter((s) => s.count >= 2),
      addressees: top(addressees, 20).filter((s) => s.count >= 2),
      issuers: top(issuers, 20).filter((s) => s.count >= 2),
      attachmentNotes: share(notes),
      meanAttachments: notes ? Math.round((attachmentsListed / notes) * 100) / 100 : 0,
    };
  }
  return out;
}

function firstSentence(p: string): string {
  const m = /^[^。！？]*[。！？]?/.exec(p);
  return (m ? m[0] : p).slice(0, 60);
}

function lastSentence(p: string): string {
  const parts = p.split(/(?<=[。！？])/).filter((s) => s.trim());
  return (parts[parts.length - 1] ?? p).trim().slice(0, 60);
}

// --- validation -------------------------------------------------------------------------------

export class ModelError extends Error {}

/** Check a parsed JSON value is a model this version can use; throws ModelError with a Chinese reason. */
export function validateModel(value: unknown): CorpusModel {
  const fail = (why: string): never => {
    throw new ModelError(why);
  };
  if (!value || typeof value !== 'object') fail('模型文件不是 JSON 对象');
  const m = value as Record<string, unknown>;
  if (m.format !== MODEL_FORMAT) fail('不是公文语料模型文件（format 字段不符）');
  if (m.version !== MODEL_VERSION) fail(`模型版本 ${String(m.version)} 与当前版本 ${MODEL_VERSION} 不符，需要重新学习`);
  if (typeof m.createdAt !== 'string') fail('模型缺少 createdAt');
  const stats = m.stats as Record<string, unknown> | undefined;
  if (!stats || typeof stats.documents !== 'number' || typeof stats.chars !== 'number') fail('模型缺少统计信息');
  if (!Array.isArray(m.phrases)) fail('模型缺少短语表');
  for (const [i, p] of (m.phrases as unknown[]).entries()) {
    const e = p as Record<string, unknown>;
    if (!e || typeof e.text !== 'string' || !e.text || typeof e.count !== 'number' || typeof e.docs !== 'number' || typeof e.quoted !== 'number' || typeof e.types !== 'object' || !Array.isArray(e.examples)) {
      fail(`短语表第 ${i + 1} 项格式不正确`);
    }
  }
  if (!Array.isArray(m.formulations) || !(m.formulations as Record<string, unknown>[]).every((f) => f && typeof f.text === 'string' && typeof f.count === 'number' && typeof f.quoted === 'boolean')) fail('模型的固定提法表格式不正确');
  if (!m.types || typeof m.types !== 'object') fail('模型缺少文种结构统计');
  for (const [type, prof] of Object.entries(m.types as Record<string, unknown>)) {
    const p = prof as Record<string, unknown>;
    if (!p || typeof p.documents !== 'number' || typeof p.elements !== 'object' || !Array.isArray(p.sections)) fail(`文种“${type}”的结构统计格式不正确`);
  }
  return value as CorpusModel;
}

export function serializeModel(model: CorpusModel): string {
  return JSON.stringify(model);
}

export function parseModel(json: string): CorpusModel {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new ModelError(`模型文件不是有效的 JSON：${(e as Error).message}`);
  }
  return validateModel(value);
}
