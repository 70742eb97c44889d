// Rules that draw on the corpus model.

import type { Finding } from '../types';
import type { ParsedDocument } from '../structure';
import type { CorpusModel, Formulation } from '../corpus/model';
import { finding, lineSpan } from './catalogue';

interface FormulationIndex {
  /** "两个?立"-style keys (one position masked) → the formulation. */
  masked: Map<string, Formulation>;
  known: Set<string>;
  lengths: Set<number>;
}

const indexes = new WeakMap<CorpusModel, FormulationIndex>();

function indexOf(model: CorpusModel): FormulationIndex {
  let ix = indexes.get(model);
  if (ix) return ix;
  ix = { masked: new Map(), known: new Set(model.phrases.map((p) => p.text)), lengths: new Set() };
  for (const f of model.formulations) {
    if (!f.quoted) continue;
    ix.known.add(f.text);
    ix.lengths.add(f.text.length);
    for (let k = 0; k < f.text.length; k++) {
      const key = f.text.slice(0, k) + '\u0000' + f.text.slice(k + 1);
      const prev = ix.masked.get(key);
      // Two formulations one character apart (十三五/十四五) cannot tell a near miss from the other.
      if (prev && prev.text !== f.text) ix.masked.set(key, { text: '', count: 0, quoted: true });
      else ix.masked.set(key, f);
    }
  }
  indexes.set(model, ix);
  return ix;
}

/**
 * A quoted expression one character away from a formulation the corpus always quotes the same way
 * (“两个确定” for “两个确立”). Only quoted spans are compared: that is where 提法 are written, and
 * it keeps ordinary words that happen to differ by one character out of it.
 */
export function phraseVariant(doc: ParsedDocument, model: CorpusModel | undefined, out: Finding[]): void {
  if (!model || model.formulations.length === 0) return;
  const ix = indexOf(model);
  doc.lines.forEach((L, line) => {
    if (L.blank || !L.text.includes('“') || doc.boilerplate.has(line)) return;
    const re = /“([^“”]{2,16})”/g;
    for (let m; (m = re.exec(L.text)); ) {
      const span = m[1];
      if (!ix.lengths.has(span.length) || ix.known.has(span)) continue;
      for (let k = 0; k < span.length; k++) {
        const f = ix.masked.get(span.slice(0, k) + '\u0000' + span.slice(k + 1));
        if (!f || !f.text) continue;
        const start = m.index + 1;
        const range = lineSpan(line, start, start + span.length);
        out.push(finding('phrase-variant', range,
          `提法“${span}”疑有误：语料中一贯写作“${f.text}”（出现 ${f.count} 次）`, { range, newText: f.text }));
        break;
      }
    }
  });
}
