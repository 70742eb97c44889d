import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minePhrases } from '../../server/src/engine/corpus/phrases';
import { normalizeForLearning } from '../../server/src/engine/corpus/normalize';
import { SEEDS_DIR } from '../fixtures/drafts';

test('from the five seeds alone it finds the key formulations, without being told', () => {
  const texts = readdirSync(SEEDS_DIR).sort().map((f) => normalizeForLearning(readFileSync(join(SEEDS_DIR, f), 'utf8')).text);
  const found = minePhrases(texts, { minCount: 2 });
  const rank = (w: string) => found.findIndex((p) => p.text === w);
  for (const w of ['学习宣传贯彻', '党的二十大精神', '首要政治任务', '两个确立', '四个意识']) assert.ok(rank(w) >= 0, `${w} not found`);
  assert.ok(rank('党的二十大精神') < 5 && rank('学习宣传贯彻') < 20, `ranks ${rank('党的二十大精神')} ${rank('学习宣传贯彻')}`);
  // Fragments of a longer unit (十九届六中全 is always followed by 会) are not phrases.
  assert.equal(rank('十九届六中全'), -1);
  assert.equal(rank('党的十九届六中全'), -1);
  const p = found[rank('党的二十大精神')];
  assert.ok(p.count >= 40 && p.cohesion > 2.5 && p.leftEntropy > 0.5 && p.rightEntropy > 0.5);
});

test('a unit used in varied contexts is found; chance co-occurrences in random text are not', () => {
  // Deterministic pseudo-random Han text with a planted phrase in varied surroundings.
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pool = '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈';
  const pick = (n: number) => Array.from({ length: n }, () => pool[Math.floor(rnd() * pool.length)]).join('');
  const texts: string[] = [];
  for (let i = 0; i < 300; i++) texts.push(`${pick(3 + (i % 5))}高质量发展${pick(4)}，${pick(12)}。`);
  const found = minePhrases(texts, { minCount: 3 });
  assert.ok(found.some((p) => p.text === '高质量发展'), 'planted phrase missing');
  assert.ok(!found.some((p) => p.text.length >= 2 && !'高质量发展'.includes(p.text) && p.count > 20), JSON.stringify(found.slice(0, 5)));
  assert.ok(!found.some((p) => p.text === '质量发展' || p.text === '高质量发'), 'fragments of the planted phrase');
});

test('deterministic, and quiet on empty or non-Chinese input', () => {
  const texts = ['学习宣传贯彻党的二十大精神。', '认真学习宣传贯彻党的二十大精神，', '深入学习宣传贯彻党的二十大精神！'];
  assert.deepEqual(minePhrases(texts, { minCount: 2 }), minePhrases(texts, { minCount: 2 }));
  assert.deepEqual(minePhrases([]), []);
  assert.deepEqual(minePhrases(['', 'abc def 123', '。，、']), []);
});
