import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, type Finding, type RuleId } from '../../server/src/engine';
import { BAD_NOTICE, GOOD_NOTICE, REQUEST_DRAFT, SEEDS_DIR } from '../fixtures/drafts';

const of = (text: string, rule: RuleId): Finding[] => lintText(text).filter((f) => f.rule === rule);
/** A minimal well-formed 通知 around some body lines. */
const notice = (body: string[], opts: { title?: string; addressee?: string | null; tail?: string[] } = {}) => [
  opts.title ?? '关于做好安全生产工作的通知',
  ...(opts.addressee === null ? [] : [opts.addressee ?? '各区县教育局：']),
  ...body,
  ...(opts.tail ?? ['市教育局', '2023年3月5日']),
].join('\n');
function applyFix(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { start, end } = f.fix!.range;
  assert.equal(start.line, end.line);
  const l = lines[start.line];
  lines[start.line] = l.slice(0, start.character) + f.fix!.newText + l.slice(end.character);
  return lines.join('\n');
}

test('a correct draft is quiet', () => {
  assert.deepEqual(lintText(GOOD_NOTICE).map((f) => `${f.rule}: ${f.message}`), []);
  assert.deepEqual(lintText(REQUEST_DRAFT).map((f) => `${f.rule}: ${f.message}`), []);
});

test('the foundation example: doc-number-format on line 2, heading-sequence on 四、', () => {
  const fs = lintText(BAD_NOTICE);
  assert.deepEqual(fs.map((f) => [f.rule, f.severity, f.range.start.line]), [['doc-number-format', 'error', 1], ['heading-sequence', 'warning', 7]]);
  assert.match(fs[0].message, /青教发〔2023〕8号/);
  assert.equal(fs[0].fix!.newText, '青教发〔2023〕8号');
  assert.equal(fs[1].fix!.newText, '三、');
});

test('doc-number-format: each malformation, with certain fixes only', () => {
  const dn = (n: string) => of(['市教育局文件', n, '关于做好安全工作的通知', '各学校：', '正文。', '市教育局', '2023年3月5日'].join('\n'), 'doc-number-format');
  for (const [bad, expected] of [['市教发(2023)8号', '市教发〔2023〕8号'], ['市教发【2023】8号', '市教发〔2023〕8号'], ['市教发［2023］8号', '市教发〔2023〕8号'], ['市教发〔2023〕第8号', '市教发〔2023〕8号'], ['市教发〔2023〕08号', '市教发〔2023〕8号'], ['市教发〔2023〕8', '市教发〔2023〕8号'], ['工字202276', '工字〔2022〕76号']] as const) {
    const f = dn(bad);
    assert.equal(f.length, 1, bad);
    assert.equal(f[0].fix?.newText, expected, bad);
  }
  const two = dn('市教发〔23〕8号');
  assert.equal(two.length, 1);
  assert.equal(two[0].fix, undefined, 'a two-digit year has no certain fix');
  assert.match(two[0].message, /四位/);
  assert.equal(dn('市教发〔2023〕8号').length, 0);
});

test('date-format: Chinese numerals, ISO, dots, padding, short years, lost characters', () => {
  const df = (d: string) => of(notice(['正文。'], { tail: ['市教育局', d] }), 'date-format');
  assert.equal(df('二〇二三年三月五日')[0].fix!.newText, '2023年3月5日');
  assert.equal(df('2023-03-05')[0].fix!.newText, '2023年3月5日');
  assert.equal(df('2023.3.5')[0].fix!.newText, '2023年3月5日');
  assert.equal(df('2023年03月05日')[0].fix!.newText, '2023年3月5日');
  assert.equal(df('23年3月5日')[0].fix, undefined);
  assert.equal(df('20230305')[0].fix!.newText, '2023年3月5日');
  const lost = df('2022113');
  assert.equal(lost.length, 1);
  assert.equal(lost[0].fix, undefined, '2022113 is 11月3日 or 1月13日: no fix');
  assert.match(lost[0].message, /缺少“年”“月”“日”/);
  assert.match(df('2023年2月30日')[0].message, /不是有效的日期/);
  assert.equal(df('2023年3月5日').length, 0);
  // Archives written under GB/T 9704-1999 used Chinese numerals correctly.
  assert.equal(df('一九九九年六月二十日').length, 0);
  // 印发日期 in the 版记 too.
  const print = of(notice(['正文。'], { tail: ['市教育局', '2023年3月5日', '抄送：市政府办公室。', '市教育局办公室　2023-03-06印发'] }), 'date-format');
  assert.equal(print.length, 1);
  assert.equal(print[0].fix!.newText, '2023年3月6日');
});

test('heading-marker: non-standard markers with fixes', () => {
  const fs = of(notice(['一.总体要求', '(一)指导思想', '（二）、基本原则', '1、目标', '(1)任务']), 'heading-marker');
  assert.deepEqual(fs.map((f) => f.fix!.newText), ['一、', '（一）', '（二）', '1.', '（1）']);
  assert.equal(of(notice(['一、总体要求', '（一）指导思想', '1.目标', '（1）任务']), 'heading-marker').length, 0);
  // (一) is one heading-marker finding, not also two half-width parenthesis findings.
  assert.equal(of(notice(['一、总体要求', '(一)指导思想']), 'punctuation-halfwidth').length, 0);
});

test('heading-sequence: skip, repeat and backwards within a parent; restarts under a new parent are fine', () => {
  const seq = (lines: string[]) => of(notice(lines), 'heading-sequence').map((f) => f.message);
  assert.equal(seq(['一、甲', '二、乙', '二、丙']).length, 1);
  assert.match(seq(['一、甲', '二、乙', '二、丙'])[0], /重复/);
  assert.match(seq(['一、甲', '三、乙'])[0], /跳号.*二、/);
  assert.match(seq(['一、甲', '二、乙', '三、丙', '二、丁'])[0], /倒序/);
  assert.deepEqual(seq(['一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '（二）子']), []);
  assert.deepEqual(seq(['（一）甲', '（二）乙', '（四）丙']).length, 1);
  // A heading whose line break was lost (二、 inside the previous paragraph) is not a skip.
  assert.deepEqual(seq(['一、甲。内容。二、乙', '三、丙']), []);
});

test('heading-level: （一） without 一、, （1） without 1.; 一、 straight to 1. is allowed', () => {
  const lvl = (lines: string[]) => of(notice(lines), 'heading-level');
  assert.equal(lvl(['（一）甲', '（二）乙']).length, 1);
  assert.equal(lvl(['一、甲', '（1）乙']).length, 1);
  assert.equal(lvl(['一、甲', '1.乙', '（1）丙']).length, 0);
  assert.equal(lvl(['一、甲', '1.乙']).length, 0);
  assert.equal(lvl(['一、甲', '1.乙'])[0]?.severity, undefined);
  assert.equal(lvl(['（一）甲'])[0].severity, 'information');
});

test('title-format: trailing punctuation, inner punctuation, nested 文种, 请示报告, nested 转发', () => {
  const tf = (title: string) => of(notice(['正文。'], { title }), 'title-format');
  const trailing = tf('关于做好安全生产工作的通知。');
  assert.equal(trailing.length, 1);
  assert.equal(trailing[0].fix!.newText, '');
  assert.equal(tf('关于做好安全，生产工作的通知').length, 1);
  assert.equal(tf('关于印发《方案（试行，第二版）》的通知').length, 0, 'punctuation inside 《》 belongs to the quoted name');
  assert.match(tf('关于转发某某的通知的通知')[0].message, /重叠/);
  assert.match(tf('关于拨付经费的请示报告')[0].message, /请示报告/);
  assert.match(tf('关于转发省政府转发国务院某某意见的通知')[0].message, /转发/);
  assert.equal(tf('关于做好安全生产工作的通知').length, 0);
});

test('addressee-format: half-width colon; a 请示 to several organs', () => {
  const colon = of(notice(['正文。'], { addressee: '各区县教育局:' }), 'addressee-format');
  assert.equal(colon.length, 1);
  assert.equal(colon[0].fix!.newText, '：');
  assert.equal(of(notice(['正文。'], { addressee: '各区县教育局:' }), 'punctuation-halfwidth').length, 0, 'the colon is reported once, by addressee-format');
  const multi = of(['关于拨付经费的请示', '市人民政府、市财政局：', '正文。妥否，请批示。', '市教育局', '2024年4月2日'].join('\n'), 'addressee-format');
  assert.equal(multi.length, 1);
  assert.match(multi[0].message, /一个主送机关/);
  assert.equal(of(notice(['正文。'], { addressee: '各区县教育局、各直属学校：' }), 'addressee-format').length, 0, 'a 通知 may have many');
});

test('punctuation-halfwidth: in Chinese text only, not in numbers, URLs or e-mail addresses', () => {
  const ph = (line: string) => of(notice([line]), 'punctuation-halfwidth');
  const fs = ph('经研究,同意你们的意见;请于3月底前报送(纸质版).');
  assert.deepEqual(fs.map((f) => f.fix!.newText), ['，', '；', '（', '）']);
  assert.equal(ph('总额为1,000万元，时间为10:30。').length, 0);
  assert.equal(ph('详见网站http://www.mee.gov.cn/a?b=1,2和邮箱abc@mee.gov.cn。').length, 0);
  assert.equal(ph('依据标准（GB 3095-2012）执行。').length, 0);
  assert.deepEqual(ph('他说"好"。').map((f) => f.fix!.newText), ['“', '”']);
});

test('duplicate-punctuation and bracket-balance', () => {
  const dup = of(notice(['请认真落实。。', '各单位，，要重视、、']), 'duplicate-punctuation');
  assert.deepEqual(dup.map((f) => f.fix!.newText), ['。', '，', '、']);
  assert.equal(of(notice(['会议……研究——决定。']), 'duplicate-punctuation').length, 0);
  const bb = of(notice(['根据《安全生产法的规定（试行，执行。', '这是正常的一段。', '多余的）括号。']), 'bracket-balance');
  assert.deepEqual(bb.map((f) => f.message.slice(0, 3)), ['“《”', '“（”', '“）”']);
  assert.ok(bb.every((f) => f.severity === 'error'));
  assert.equal(of(notice(['根据《安全生产法》（2021年修正）“三管三必须”执行。']), 'bracket-balance').length, 0);
  // A title broken over two lines keeps its 《》 pair.
  assert.equal(of(['关于印发《安全生产', '工作方案》的通知', '各学校：', '现印发给你们。', '市教育局', '2023年3月5日'].join('\n'), 'bracket-balance').length, 0);
});

test('missing-element: type-aware', () => {
  const me = (text: string) => of(text, 'missing-element').map((f) => f.message);
  assert.ok(me(notice(['正文。'], { addressee: null })).some((m) => /主送机关/.test(m)));
  assert.deepEqual(me(['关于发布某标准的公告', '现予公告。', '生态环境部', '2023年3月5日'].join('\n')), [], '公告 has no 主送机关');
  assert.ok(me(notice(['正文。'], { tail: ['市教育局'] })).some((m) => /成文日期/.test(m)));
  assert.ok(me(notice(['正文。'], { tail: ['2023年3月5日'] })).some((m) => /署名/.test(m)));
  assert.ok(me(notice(['正文。'], { title: '关于印发安全生产工作方案的通知' })).some((m) => /书名号/.test(m)));
  assert.ok(me(['市教育局文件', '市教发〔2024〕3号', '关于拨付经费的请示', '市人民政府：', '正文。妥否，请批示。', '市教育局', '2024年4月2日'].join('\n')).some((m) => /签发人/.test(m)));
  assert.ok(me(['市教育局文件', '市教发〔2024〕3号', '各学校：', '正文。', '市教育局', '2024年4月2日'].join('\n')).some((m) => /缺少标题/.test(m)));
});

test('closing-formula: 请示 must ask, others must not, one matter per 请示', () => {
  const cf = (title: string, body: string[]) => of([title, '市人民政府：', ...body, '市教育局', '2024年4月2日'].join('\n'), 'closing-formula');
  assert.equal(cf('关于拨付经费的请示', ['急需维修。']).length, 1);
  assert.equal(cf('关于拨付经费的请示', ['急需维修。', '以上请示如无不妥，请批准。']).length, 0);
  assert.match(cf('关于2023年工作情况的报告', ['工作总结如下。', '妥否，请批示。'])[0].message, /报告不得夹带请示事项/);
  assert.equal(cf('关于2023年工作情况的报告', ['你们《关于拨付经费的请示》收悉，特此报告。']).length, 0);
  assert.match(cf('关于拨付经费的请示', ['一是请批准拨付维修经费。', '二是请批准增加编制。', '妥否，请批示。'])[0].message, /一文一事/);
});

test('attachment-format: numbering, punctuation, names vs. attached titles, 见附件N', () => {
  const af = (note: string[], after: string[] = [], body = '请按要求报送（见附件1）。') => of(notice([body, ...note], { tail: ['市教育局', '2023年3月5日', ...after] }), 'attachment-format');
  const single = af(['附件：1.排查表']);
  assert.equal(single.length, 1);
  assert.equal(single[0].fix!.newText, '');
  assert.match(af(['附件：1.排查表', '2、总结模板'])[0].message, /“2、”不规范/);
  assert.equal(af(['附件：排查表。'])[0].fix!.newText, '');
  assert.match(af(['附件：排查表'], ['附件', '安全隐患清单'])[0].message, /不一致/);
  assert.equal(af(['附件：排查表'], ['附件', '排查表']).length, 0);
  assert.match(af(['附件：排查表'], [], '详见附件3。')[0].message, /附件3/);
  assert.equal(af(['附件：1.排查表', '2.总结模板'], ['附件1', '排查表', '附件2', '总结模板']).length, 0);
});

test('every fix, applied, removes its own finding', () => {
  const drafts = [BAD_NOTICE, notice(['一.甲', '经研究,同意。。', '三、乙'], { title: '关于做好工作的通知。', addressee: '各区县:', tail: ['市教育局', '2023-03-05'] })];
  for (const d of drafts) {
    for (const f of lintText(d).filter((x) => x.fix)) {
      const after = lintText(applyFix(d, f));
      assert.ok(!after.some((g) => g.rule === f.rule && g.range.start.line === f.range.start.line && g.range.start.character === f.range.start.character && g.message === f.message), `${f.rule} ${f.message}`);
    }
  }
});

test('seed 004 gets its damaged 发文字号 and dates reported', () => {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith('004_'))!;
  const fs = lintText(readFileSync(join(SEEDS_DIR, name), 'utf8'));
  const dn = fs.filter((f) => f.rule === 'doc-number-format');
  assert.equal(dn.length, 1);
  assert.equal(dn[0].fix!.newText, '工字〔2022〕76号');
  assert.equal(fs.filter((f) => f.rule === 'date-format').length, 2, '成文日期 2022113 and 印发日期 2022113日');
});

test('pinyin-residue: readings left behind characters, confirmed by the dictionary, deleted by the fix', () => {
  const pr = of(notice(['认真學(xué)習(xí)贯彻会议精神，地点在北京(Beijing)，单位(万元)，附件(一)。']), 'pinyin-residue');
  assert.deepEqual(pr.map((f) => [f.range.start.character, f.range.end.character, f.fix!.newText]), [[3, 8, ''], [9, 13, '']]);
  assert.match(pr[0].message, /“學”后残留拼音注音“\(xué\)”/);
  // The residue's parentheses are not also reported as half-width punctuation.
  assert.equal(of(notice(['认真學(xué)習(xí)贯彻。']), 'punctuation-halfwidth').length, 0);
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith('000_'))!;
  assert.ok(of(readFileSync(join(SEEDS_DIR, name), 'utf8'), 'pinyin-residue').length >= 160);
});

test('mixed-script: traditional characters in a simplified document, not in a traditional one', () => {
  const ms = of(notice(['各单位要认真學习贯彻会议精神，确保各项工作落到实处，切实推动高质量发展。']), 'mixed-script');
  assert.equal(ms.length, 1);
  assert.equal(ms[0].fix!.newText, '学');
  // Names and terms that simplified text keeps (二噁英, 乾隆) are left alone.
  assert.equal(of(notice(['严格控制二噁英排放，保护乾隆年间的古建筑，切实推动高质量发展。']), 'mixed-script').length, 0);
  // A traditional document is not "mixed".
  assert.equal(of(notice(['各單位要認真學習貫徹會議精神，確保各項工作落到實處。']), 'mixed-script').length, 0);
});

test('missing-section: a structured 方案 without 保障措施/工作要求; not for short or complete ones', () => {
  const plan = (heads: string[]) => ['关于印发《安全生产专项整治工作方案》的通知', '各学校：', '现印发给你们，请认真执行。', '市教育局', '2023年3月5日', '安全生产专项整治工作方案', ...heads.map((h, i) => `${['一', '二', '三', '四', '五'][i]}、${h}`)].join('\n');
  const ms = of(plan(['总体要求', '整治范围', '重点任务', '实施步骤']), 'missing-section');
  assert.equal(ms.length, 1);
  assert.equal(ms[0].severity, 'information');
  assert.match(ms[0].message, /保障措施或工作要求/);
  assert.equal(ms[0].range.start.line, 5, 'reported on the attachment title');
  assert.equal(of(plan(['总体要求', '重点任务', '实施步骤', '保障措施']), 'missing-section').length, 0);
  assert.equal(of(plan(['总体要求', '重点任务']), 'missing-section').length, 0, 'too short to judge');
});
