import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { learnModel, parseModel, serializeModel, validateModel, ModelError, MODEL_VERSION } from '../../server/src/engine/corpus/model';
import { downWeight, nearDuplicateClusters } from '../../server/src/engine/corpus/dedupe';
import { GOOD_NOTICE, REQUEST_DRAFT, SEEDS_DIR } from '../fixtures/drafts';
import { lintText } from '../../server/src/engine';

const seeds = () => readdirSync(SEEDS_DIR).sort().map((f) => ({ source: `seeds/${f}`, text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));

test('learning the seeds: phrases with counts, documents, types, quoting and real examples', () => {
  const m = learnModel(seeds(), { minCount: 2 });
  assert.equal(m.stats.documents, 5);
  assert.equal(m.stats.traditionalConverted, 2);
  assert.equal(m.stats.pinyinRepairs, 169 + 55);
  const p = m.phrases.find((x) => x.text === '学习宣传贯彻')!;
  assert.ok(p, 'learned 学习宣传贯彻');
  assert.ok(p.docs >= 3 && p.count >= 10);
  assert.ok(p.examples.length >= 1 && p.examples.every((e) => e.sentence.includes('学习宣传贯彻') && e.source.startsWith('seeds/')));
  const q = m.phrases.find((x) => x.text === '两个确立')!;
  assert.ok(q && q.quoted >= 0.9, `两个确立 quoted ${q?.quoted}`);
  assert.ok(m.formulations.some((f) => f.text === '两个确立' && f.quoted));
  assert.equal((p.types['简报'] ?? 0) + (p.types['通知'] ?? 0), p.docs);
});

test('structure profile per type from real and fixture documents', () => {
  const m = learnModel([
    { source: 'a.gw', text: GOOD_NOTICE },
    { source: 'b.gw', text: GOOD_NOTICE.replace('压实安全生产责任', '落实安全责任') },
    { source: 'c.gw', text: REQUEST_DRAFT },
  ], { minCount: 2 });
  const notice = m.types['通知']!;
  assert.equal(notice.documents, 2);
  assert.equal(notice.elements['doc-number'], 1);
  assert.equal(notice.elements['attachment-note'], 1);
  assert.deepEqual(notice.sections.map((s) => s.heading).sort(), ['加强宣传教育', '开展隐患排查']);
  assert.deepEqual(notice.addressees, [{ text: '各市州教育局，厅直属各单位', count: 2 }]);
  assert.deepEqual(notice.closings[0], { text: '特此通知。', count: 2 });
  assert.equal(notice.meanAttachments, 2);
  assert.equal(m.types['请示']!.documents, 1);
});

test('model round trip, and corrupt or foreign files are rejected with a reason', () => {
  const m = learnModel(seeds(), { minCount: 2 });
  const back = parseModel(serializeModel(m));
  assert.deepEqual(back, m);
  assert.throws(() => parseModel('{not json'), (e: Error) => e instanceof ModelError && /不是有效的 JSON/.test(e.message));
  assert.throws(() => parseModel('{"format":"other"}'), /不是公文语料模型文件/);
  assert.throws(() => validateModel({ ...m, version: MODEL_VERSION + 1 }), /需要重新学习/);
  assert.throws(() => validateModel({ ...m, phrases: [{ text: 3 }] }), /短语表第 1 项/);
  assert.throws(() => validateModel(null), ModelError);
});

test('near-duplicate documents are clustered and down-weighted; distinct ones are not', () => {
  const letter = (city: string, n: number) => `关于对强化监督发现问题进行督办的函（${city}）\n${city}人民政府：\n我部工作组在你市发现${n}个突出环境问题，现予督办。请你市督促相关单位限期整治，依法查处，举一反三，并在三十个工作日内将整改情况报送我部。\n生态环境部办公厅\n2020年1月${n}日`;
  const texts = ['甲市', '乙市', '丙市', '丁市', '戊市', '己市'].map((c, i) => letter(c, i + 2));
  texts.push(GOOD_NOTICE, REQUEST_DRAFT);
  const { representative, size } = nearDuplicateClusters(texts);
  assert.equal(new Set(representative.slice(0, 6)).size, 1, 'the six letters are one cluster');
  assert.equal(size[0], 6);
  assert.notEqual(representative[6], representative[0]);
  assert.notEqual(representative[7], representative[6]);
  const w = downWeight(texts);
  // A cluster of 6 keeps ceil(1 + ln 6) = 3 documents.
  assert.equal(w.duplicateDocuments, 3);
  assert.equal(w.texts.length, 5);
});

test('phrase-variant: a quoted near miss of a formulation the corpus quotes the same way', () => {
  const model = learnModel(seeds(), { minCount: 2 });
  const draft = (line: string) => ['关于学习贯彻会议精神的通知', '各单位：', line, '市委办公室', '2023年3月5日'].join('\n');
  const pv = (line: string) => lintText(draft(line), { model }).filter((f) => f.rule === 'phrase-variant');
  const hit = pv('　　要深刻领悟“两个确定”的决定性意义。');
  assert.equal(hit.length, 1);
  assert.match(hit[0].message, /“两个确定”.*“两个确立”（出现 \d+ 次）/);
  assert.equal(hit[0].fix!.newText, '两个确立');
  assert.deepEqual([hit[0].range.start.character, hit[0].range.end.character], [8, 12]);
  assert.equal(pv('　　要深刻领悟“两个确立”的决定性意义。').length, 0);
  assert.equal(pv('　　要深刻领悟两个确定的意义。').length, 0, 'only quoted spans are compared');
  assert.equal(lintText(draft('　　要深刻领悟“两个确定”的决定性意义。')).filter((f) => f.rule === 'phrase-variant').length, 0, 'no model, no corpus rule');
});
