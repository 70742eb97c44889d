// Text normalisation before corpus learning: pinyin residue repair, traditional → simplified,
// web-page chrome removal, width folding, and the pipeline over the seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { foldWidth, isBoilerplateLine, normalizeForLearning, repairPinyinResidue, stripBoilerplate, toSimplified } from '../../server/src/engine/corpus/normalize';
import { SEEDS_DIR } from '../fixtures/drafts';

function seed(prefix: string): string {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, `seed ${prefix} missing in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}
const SEEDS = ['000_', '001_', '002_', '003_', '004_'].map((p) => [p, seed(p)] as const);
const RESIDUE = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/;

// ---------------------------------------------------------------------------------------------
// Pinyin residue

test('pinyin residue: 169 repairs in seed 000, 55 in seed 002, none in the simplified seeds, none rejected', () => {
  const counts = Object.fromEntries(SEEDS.map(([p, t]) => [p, repairPinyinResidue(t)]));
  assert.equal(counts['000_'].repairs, 169);
  assert.equal(counts['002_'].repairs, 55);
  for (const p of ['001_', '003_', '004_']) {
    assert.equal(counts[p].repairs, 0, p);
    assert.equal(counts[p].text, SEEDS.find(([q]) => q === p)![1], `${p} unchanged`);
  }
  for (const [p] of SEEDS) assert.equal(counts[p].rejected, 0, p);
  assert.doesNotMatch(counts['000_'].text, RESIDUE);
  assert.doesNotMatch(counts['002_'].text, RESIDUE);
  assert.match(counts['000_'].text, /學習宣傳貫徹黨的二十大精神/);
  assert.match(counts['002_'].text, /繼續攜手前進/);
});

test('pinyin residue: a confirmed reading is stripped, tone marks compared exactly, polyphones accepted', () => {
  const fix = (s: string) => repairPinyinResidue(s).text;
  assert.equal(fix('學(xué)習(xí)'), '學習');
  assert.equal(fix('學（xué）習（xí）'), '學習', 'full-width parentheses');
  assert.equal(fix('學(xué)（xué）習'), '學習', 'repeated residue goes in one pass');
  assert.equal(fix('學(xué)（xí）'), '學（xí）', 'a second reading must fit the same character');
  assert.equal(fix('銀行(háng)和行(xíng)動'), '銀行和行動', 'both readings of 行');
  assert.equal(fix('長(zhǎng)江重(chóng)複'), '長江重複');
  assert.equal(fix('我們(men)的(de)'), '我們的', 'neutral tone: 們 via its simplified form 们, 的 directly');
  assert.equal(fix('一(yí)個不(bú)要'), '一個不要', '一/不 tone sandhi');
  assert.equal(fix('學(xue\u0301)'), '學', 'decomposed tone mark');
  assert.equal(fix('國(ɡuó)'), '國', 'IPA ɡ of pinyin fonts');
  assert.equal(fix('學(ｘｕé)'), '學', 'full-width letters');
  assert.equal(fix('𠮷(jí)'), '𠮷(jí)', 'no reading known for 𠮷: left alone');
});

test('pinyin residue: everything that is not a confirmed reading stays', () => {
  for (const s of [
    '北京(Beijing)',
    '北京(beijing)',
    '單位(萬元)',
    '附件(一)',
    '學(xue)', // toneless: not a reading with tone marks
    '學(xuě)', // wrong tone
    '學(xí)', // another character's reading
    '學 (xué)', // not adjacent
    'abc(xué)',
    '2023(nián)',
    '(xué)',
    '並(a)',
    '物（EVA）',
    '黨章(修正案)',
    '',
  ]) {
    const r = repairPinyinResidue(s);
    assert.equal(r.text, s, s);
    assert.equal(r.repairs, 0, s);
  }
  assert.equal(repairPinyinResidue('學(xí)').rejected, 1);
  assert.equal(repairPinyinResidue('北京(Beijing)').rejected, 0, 'capitalised words are not even candidates');
});

test('pinyin residue: offsets of the removed spans, in input coordinates', () => {
  const input = '河南學(xué)習(xí)網（wǎng）';
  const r = repairPinyinResidue(input, { offsets: true });
  assert.equal(r.text, '河南學習網');
  assert.deepEqual(r.offsets, [{ start: 3, end: 8 }, { start: 9, end: 13 }, { start: 14, end: 20 }]);
  for (const o of r.offsets!) assert.match(input.slice(o.start, o.end), /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔù]+[)）]$/);
  assert.equal(repairPinyinResidue(input).offsets, undefined, 'only on request');
});

// ---------------------------------------------------------------------------------------------
// Traditional → simplified

test('toSimplified: the traditional seeds convert, the simplified ones do not (seed 003 keeps 濛)', () => {
  for (const [p, t] of SEEDS) {
    const r = toSimplified(repairPinyinResidue(t).text);
    if (p === '000_' || p === '002_') {
      assert.ok(r.converted, p);
      assert.ok(r.ratio > 0.25 && r.ratio < 0.6, `${p} ratio ${r.ratio}`);
    } else {
      assert.equal(r.converted, false, p);
      assert.ok(r.ratio < 0.01, `${p} ratio ${r.ratio}`);
      assert.equal(r.text, repairPinyinResidue(t).text, p);
    }
  }
  const s003 = toSimplified(seed('003_'));
  assert.ok(s003.ratio > 0, 'seed 003 has one character the converter would change');
  assert.match(s003.text, /刘朦濛/);
  assert.equal(toSimplified('刘朦濛').text, '刘朦蒙', 'a short text that is mostly 濛 does convert');
});

test('toSimplified: threshold, phrase-aware conversion, texts without Han characters', () => {
  assert.deepEqual(toSimplified('學習貫徹黨的二十大精神'), { text: '学习贯彻党的二十大精神', converted: true, ratio: 5 / 11 });
  assert.equal(toSimplified('乾隆年間，天氣乾燥').text, '乾隆年间，天气干燥', 'phrase-level: 乾隆 keeps 乾');
  assert.deepEqual(toSimplified('abc 123'), { text: 'abc 123', converted: false, ratio: 0 });
  assert.deepEqual(toSimplified(''), { text: '', converted: false, ratio: 0 });
  // 1 of 20 Han characters is exactly 5%: not more than the threshold.
  const mixed = '学'.repeat(19) + '學';
  assert.equal(toSimplified(mixed).converted, false);
  assert.equal(toSimplified(mixed, { threshold: 0.04 }).converted, true);
  assert.equal(toSimplified(mixed, { measure: '學學' }).converted, true, 'ratio taken on `measure`');
});

// ---------------------------------------------------------------------------------------------
// Web page chrome

test('stripBoilerplate: the chrome lines of seeds 001 and 004 go, their body stays', () => {
  const s001 = seed('001_');
  const r1 = stripBoilerplate(s001);
  assert.equal(r1.removedLines, 5);
  for (const gone of ['首页>>科协时政>>宁夏科协要情', '来源:宁夏科协', '版权所有:', '宁ICP备17000876号-4', '宁公网安备']) assert.ok(!r1.text.includes(gone), gone);
  for (const kept of ['自治区科协召开党组扩大会议传达学习党的二十大精神', '10月25日,自治区科协召开党组扩大会议', '地址:宁夏银川市金凤区广场西路宁夏科协']) assert.ok(r1.text.includes(kept), kept);
  assert.match(r1.text, /\(办公室\s+供稿\)/);

  const s004 = seed('004_');
  const r4 = stripBoilerplate(s004);
  assert.equal(r4.removedLines, 1);
  assert.ok(!r4.text.includes('上传时间'));
  assert.ok(!r4.text.includes('访问人数:72'));
  for (const kept of ['各基层工会:', '联系人:张鑫颜', '一、充分认识学习宣传贯彻党的二十大精神的重大意义']) assert.ok(r4.text.includes(kept), kept);
  // Only whole lines go: every kept line is a line of the input.
  const input = new Set(s004.split(/\r\n|\r|\n/));
  for (const l of r4.text.split(/\r\n|\r|\n/)) assert.ok(input.has(l));
});

test('stripBoilerplate: chrome lines recognised', () => {
  for (const line of [
    '首页>>科协时政>>宁夏科协要情',
    '首页 > 新闻中心 > 工作动态',
    '当前位置：首页 > 通知公告',
    '您现在的位置: 首页',
    '分享到:',
    '分享到：微信 微博 QQ空间',
    '打印',
    '关闭',
    '【打印本页】【关闭窗口】',
    '[ 打印 ] [ 关闭 ]',
    '打印本页 | 关闭窗口 | 返回顶部',
    '相关链接',
    '宣传部 2019-08-11 打印 分享',
    '【字体：大 中 小】',
    '字号：【大】【中】【小】 打印',
    '版权所有: 宁夏回族自治区科学技术协会',
    '版权所有：某某市人民政府办公室  主办单位：某某市人民政府',
    'Copyright © 2023 某某网 All Rights Reserved',
    '京ICP备05070218号',
    '宁ICP备17000876号-4',
    '京公网安备 11010202000001号',
    '访问人数:72',
    '浏览次数：1,234',
    '2022-10-27 阅读次数：88',
    '来源:省政协机关',
    '来源：新华网   作者：张三   发布于：2022-10-27',
    '发布于 2022-10-27 10:30',
    '上传时间:2023-05-18    上传人员:总工会     访问人数:72    ',
    '作者：科协办公室',
    '责任编辑：李四',
    '时间:2022-11-07',
    '时间：2022-11-07 10:00:00',
    '时间：2022年11月07日 来源：新华网',
    '发布时间：2022年11月07日',
    '上一篇：关于召开全市安全生产工作会议的通知',
    '下一篇: 无',
    '　　来源：市政府办公室　　',
    '来源：ｘｘ网　访问人数：７２',
  ]) {
    assert.ok(isBoilerplateLine(line), line);
    assert.equal(stripBoilerplate(`正文第一段。\n${line}\n正文第二段。`).text, '正文第一段。\n正文第二段。', line);
  }
});

test('stripBoilerplate: document lines that merely mention 打印, 来源, 时间 … stay', () => {
  for (const line of [
    '　　请各单位于3月10日前将材料打印后报送市教育局。',
    '打印机、复印机等办公设备采购项目',
    '（三）关闭违规企业',
    '三、关闭退出落后产能',
    '　　各地要分享经验做法，互相学习借鉴。',
    '时间：2023年3月10日（星期五）上午9:00',
    '时间：3月10日上午9:00',
    '日期：2023年3月10日',
    '地点：市政府三楼会议室',
    '资金来源：市级财政预算安排。',
    '　　（一）加强版权保护，严厉打击侵权盗版行为。',
    '　　一要加强学习，切实把思想和行动统一到党的二十大精神上来，做到学习、宣传、贯彻、落实、打印、存档全覆盖，确保取得实效。',
    '联系人：张三　联系电话：0471-1234567',
    '附件：2023年度访问学者名单',
    '首要政治任务',
    '大',
    '中 小',
    '关于印发《在全市工会系统和广大职工群众中 开展学习宣传贯彻党的二十大精神 活动方案》的通知',
    '',
    '   ',
  ]) {
    assert.equal(isBoilerplateLine(line), false, line);
    const text = `正文。\n${line}\n正文。`;
    assert.deepEqual(stripBoilerplate(text), { text, removedLines: 0 }, line);
  }
});

test('stripBoilerplate: line separators of kept lines are kept; a removed last line leaves no gap', () => {
  assert.equal(stripBoilerplate('甲\r\n来源：某网\r\n乙\r丙').text, '甲\r\n乙\r丙');
  assert.equal(stripBoilerplate('甲\n打印').text, '甲\n');
  assert.equal(stripBoilerplate('打印\n甲').text, '甲');
  assert.deepEqual(stripBoilerplate('打印\r\n关闭\r\n'), { text: '', removedLines: 2 });
  assert.deepEqual(stripBoilerplate(''), { text: '', removedLines: 0 });
});

// ---------------------------------------------------------------------------------------------
// Width

test('foldWidth: full-width letters, digits and spaces fold; Chinese punctuation does not', () => {
  assert.equal(foldWidth('ＡＢＣｘｙｚ０１２３４５６７８９'), 'ABCxyz0123456789');
  assert.equal(foldWidth('　　各单位：'), '  各单位：');
  assert.equal(foldWidth('２０２３年３月５日'), '2023年3月5日');
  assert.equal(foldWidth('青教发〔２０２３〕８号'), '青教发〔2023〕8号');
  assert.equal(foldWidth('上传时间:2023-05-18\u00a0\u00a0上传人员'), '上传时间:2023-05-18  上传人员', 'no-break space too');
  const punctuation = '，。：；（）“”‘’《》〈〉！？、…—～％＋－＝＠＃＄＆＊［］｛｝〔〕【】';
  assert.equal(foldWidth(punctuation), punctuation);
  const plain = '关于做好2023年安全生产工作的通知';
  assert.equal(foldWidth(plain), plain);
  assert.equal(foldWidth(''), '');
});

// ---------------------------------------------------------------------------------------------
// Pipeline

test('normalizeForLearning: seed 000 becomes simplified, repaired and without chrome', () => {
  const r = normalizeForLearning(seed('000_'));
  assert.deepEqual({ ...r.stats, traditionalRatio: undefined }, { pinyinRepairs: 169, converted: true, removedLines: 4, traditionalRatio: undefined });
  assert.match(r.text, /学习宣传贯彻/);
  assert.match(r.text, /党的二十大精神/);
  assert.match(r.text, /省政协迅速掀起学习贯彻党的二十大精神热潮/);
  assert.doesNotMatch(r.text, RESIDUE);
  assert.doesNotMatch(r.text, /[學習黨]/);
  for (const gone of ['时间:2022-11-07', '来源:省政协机关', '分享到', '相关链接']) assert.ok(!r.text.includes(gone), gone);

  const r2 = normalizeForLearning(seed('002_'));
  assert.equal(r2.stats.pinyinRepairs, 55);
  assert.equal(r2.stats.converted, true);
  assert.match(r2.text, /“不忘合作初心,继续携手前进”主题教育/);
  assert.ok(!r2.text.includes('打印 分享'));
});

test('normalizeForLearning: simplified seeds are only stripped and folded; seed 003 is unchanged', () => {
  const s003 = seed('003_');
  const r3 = normalizeForLearning(s003);
  assert.deepEqual({ ...r3.stats, traditionalRatio: undefined }, { pinyinRepairs: 0, converted: false, removedLines: 0, traditionalRatio: undefined });
  assert.equal(r3.text, foldWidth(s003));
  assert.match(r3.text, /刘朦濛/);
  const r4 = normalizeForLearning(seed('004_'));
  assert.equal(r4.stats.removedLines, 1);
  assert.ok(!r4.text.includes('\u00a0'));
  assert.ok(r4.text.includes('各基层工会:'));
});

test('normalizeForLearning: repair runs before conversion, so readings never split a phrase', () => {
  assert.equal(normalizeForLearning('學(xué)習(xí)貫徹黨(dǎng)的二十大精神').text, '学习贯彻党的二十大精神');
  assert.equal(normalizeForLearning('區(qū)縣(xiàn)政協(xié)').text, '区县政协');
});

test('normalizeForLearning is idempotent on the seeds and on generated text', () => {
  for (const [p, t] of SEEDS) {
    const once = normalizeForLearning(t);
    const twice = normalizeForLearning(once.text);
    assert.equal(twice.text, once.text, p);
    assert.deepEqual({ ...twice.stats, traditionalRatio: 0 }, { pinyinRepairs: 0, converted: false, removedLines: 0, traditionalRatio: 0 }, p);
  }
  const PIECES = ['學', '习', '(xué)', '(xí)', '（xué）', '(ｘｕé)', '(Beijing)', '北京', '黨', '党', '濛', '乾隆', '首页>>', '来源:', '来源：新华网', '时间:2022-11-07', '打印', ' 分享', '访问人数:72', '京ICP备1号', '【字体：大 中 小】', '，', '。', '\n', '\r\n', '\r', '　', '\u00a0', 'Ａ', '１', 'ab', '12', '(', ')', '\u0000', '\ud800', '😀'];
  const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 60 }).map((a) => a.join(''));
  fc.assert(
    fc.property(text, (t) => {
      const once = normalizeForLearning(t).text;
      assert.equal(normalizeForLearning(once).text, once);
    }),
    { numRuns: 1500 },
  );
});

test('normalisation never throws: empty, binary-ish and 5 MB input', () => {
  for (const t of ['', '\u0000\u0001\ufffd', '\ud800(xué)\udc00', '學\ud800(xué)', '(xué)(xí)', '\uffff'.repeat(100), '\n'.repeat(1000), String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65536))]) {
    const r = normalizeForLearning(t);
    assert.equal(typeof r.text, 'string');
  }
  const all = SEEDS.map(([, t]) => t).join('\n');
  const huge = all.repeat(Math.ceil(5_000_000 / all.length));
  const r = normalizeForLearning(huge);
  const copies = Math.ceil(5_000_000 / all.length);
  assert.equal(r.stats.pinyinRepairs, (169 + 55) * copies);
  assert.ok(r.stats.converted, 'as one text the mix is traditional enough to convert');
  assert.doesNotMatch(r.text, RESIDUE);
  // One 5 MB line without line breaks.
  const line = '學(xué)習(xí)貫徹黨的二十大精神，'.repeat(250_000);
  const r2 = normalizeForLearning(line);
  assert.equal(r2.stats.pinyinRepairs, 500_000);
  assert.equal(r2.text, '学习贯彻党的二十大精神，'.repeat(250_000));
});
