// The parser and rules over all of ../shared/corpus: robustness, element frequencies, type
// recognition against the manifest, and the false-alarm rate on published documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { corpusReport, CORPUS_DIR, perTenThousand } from '../../bench/corpusReport';

test('the whole shared corpus parses; element frequencies, type accuracy and false-alarm rate', (t) => {
  assert.ok(existsSync(CORPUS_DIR), `语料目录不存在：${CORPUS_DIR}`);
  const r = corpusReport();
  assert.ok(r.files >= 1000, `only ${r.files} files`);
  const freq = Object.fromEntries(Object.entries(r.elementCounts).map(([k, n]) => [k, `${((n / r.files) * 100).toFixed(1)}%`]));
  t.diagnostic(`files=${r.files} chars=${r.chars} element frequency ${JSON.stringify(freq)}`);
  const typeAccuracy = r.typeCorrect / r.typeChecked;
  t.diagnostic(`type accuracy ${(typeAccuracy * 100).toFixed(1)}% (${r.typeCorrect}/${r.typeChecked})`);
  const rate = perTenThousand(r);
  const withoutHalfwidth = ((r.publicFindings - (r.byRule['punctuation-halfwidth'] ?? 0)) / r.publicChars) * 10000;
  t.diagnostic(`public error+warning per 10k chars: ${rate.toFixed(2)} (without punctuation-halfwidth ${withoutHalfwidth.toFixed(2)}); by rule ${JSON.stringify(r.byRule)}`);
  // Every published document has a body; nearly all have a title, 署名 and date.
  assert.ok(r.elementCounts.body! >= r.files - 1);
  assert.ok(r.elementCounts.title! / r.files > 0.9);
  assert.ok(r.elementCounts.date! / r.files > 0.9);
  assert.ok(typeAccuracy > 0.95, `type accuracy ${typeAccuracy}`);
  // The false-alarm budget: structure rules stay quiet on published documents.
  assert.ok(withoutHalfwidth < 2, `structure findings per 10k chars: ${withoutHalfwidth}`);
});
