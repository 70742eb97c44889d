// Runs the rules over a parsed document. Each rule is a plain function; the order here is the
// order findings are reported in when they share a position.

import type { Finding, RuleId } from './types';
import type { ParsedDocument } from './structure';
import { addresseeFormat, dateFormat, docNumberFormat, titleFormat } from './rules/elementFormat';
import { headingLevel, headingMarker, headingSequence } from './rules/headings';
import { bracketBalance, localPunctuation, mixedScript } from './rules/punctuation';
import { attachmentFormat, closingFormula, missingElement } from './rules/elements';
import { phraseVariant } from './rules/corpus';
import { missingSection } from './rules/sections';
import type { CorpusModel } from './corpus/model';

/** Corpus models in order of preference (the user's corpus first, then the default). */
export type RuleFn = (doc: ParsedDocument, out: Finding[], models: readonly CorpusModel[]) => void;

/** phrase-variant for each model; a near miss two models both report is kept once (the first). */
function phraseVariantAll(doc: ParsedDocument, out: Finding[], models: readonly CorpusModel[]): void {
  const before = out.length;
  for (const m of models) phraseVariant(doc, m, out);
  const seen = new Set<string>();
  for (let i = before; i < out.length; i++) {
    const k = `${out[i].range.start.line}:${out[i].range.start.character}`;
    if (seen.has(k)) out.splice(i--, 1);
    else seen.add(k);
  }
}

export const STRUCTURE_RULES: [RuleId[], RuleFn][] = [
  [['doc-number-format'], docNumberFormat],
  [['date-format'], dateFormat],
  [['title-format'], titleFormat],
  [['addressee-format'], addresseeFormat],
  [['heading-marker'], headingMarker],
  [['heading-sequence'], headingSequence],
  [['heading-level'], headingLevel],
  [['missing-element'], missingElement],
  [['closing-formula'], closingFormula],
  [['attachment-format'], attachmentFormat],
  [['punctuation-halfwidth', 'duplicate-punctuation', 'pinyin-residue'], localPunctuation],
  [['mixed-script'], mixedScript],
  [['bracket-balance'], bracketBalance],
  [['phrase-variant'], phraseVariantAll],
  [['missing-section'], (doc, out, models) => missingSection(doc, models[0], out)],
];

export interface LintOptions {
  /** Rules switched off (by id). */
  disabled?: ReadonlySet<RuleId>;
  /** The corpus model for the corpus rules (phrase-variant …); without one they stay silent. */
  model?: CorpusModel;
  /** Several models (the user's corpus and the default): corpus rules consult each. */
  models?: CorpusModel[];
}

export function lintParsed(doc: ParsedDocument, options: LintOptions = {}): Finding[] {
  const out: Finding[] = [];
  const models = options.models ?? (options.model ? [options.model] : []);
  for (const [ids, fn] of STRUCTURE_RULES) {
    if (options.disabled && ids.every((id) => options.disabled!.has(id))) continue;
    fn(doc, out, models);
  }
  const kept = options.disabled ? out.filter((f) => !options.disabled!.has(f.rule)) : out;
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return kept;
}
