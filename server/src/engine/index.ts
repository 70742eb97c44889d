// The analysis engine's public surface. No LSP or VS Code here: the server and the CLI adapt it.
export * from './types';
export { Draft, LineCache, parseText, lintText } from './document';
export type { ParsedDocument, Container, AttachmentPart } from './structure';
export { outline, foldingRanges, ELEMENT_LABELS, type OutlineNode, type Fold } from './outline';
export { RULES, type RuleInfo } from './rules/catalogue';
export { lintParsed, type LintOptions } from './lint';
export { parseDate } from './dates';
export { parseDocNumber } from './docNumber';
export { normalizeForLearning, repairPinyinResidue, toSimplified, stripBoilerplate, foldWidth } from './corpus/normalize';
export { minePhrases, type MinedPhrase, type PhraseOptions } from './corpus/phrases';
export { learnModel, parseModel, serializeModel, validateModel, ModelError, MODEL_VERSION, type CorpusModel, type PhraseEntry, type TypeProfile } from './corpus/model';
export { nearDuplicateClusters, downWeight } from './corpus/dedupe';
