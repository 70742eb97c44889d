import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Draft, parseText, outline, foldingRanges } from '../../server/src/engine';
import { BAD_NOTICE, GOOD_NOTICE, REQUEST_DRAFT, SEEDS_DIR } from '../fixtures/drafts';

const kinds = (text: string) => parseText(text).elements.map((e) => e.kind);
const find = (text: string, kind: string) => parseText(text).elements.filter((e) => e.kind === kind);

test('a complete 通知 yields every element in order', () => {
  const doc = parseText(GOOD_NOTICE);
  assert.equal(doc.type, '通知');
  assert.equal(doc.subtype, undefined);
  const k = kinds(GOOD_NOTICE);
  for (const kind of ['issuer-mark', 'doc-number', 'title', 'addressee', 'body', 'heading', 'attachment-note', 'issuer-signature', 'date', 'note', 'attachment', 'copy-to', 'print-info']) {
    assert.ok(k.includes(kind as never), `missing ${kind}`);
  }
  assert.ok(k.indexOf('doc-number') < k.indexOf('title') && k.indexOf('title') < k.indexOf('addressee') && k.indexOf('issuer-signature') < k.indexOf('date'));
  assert.equal(doc.addressee!.text, '各市州教育局，厅直属各单位');
  assert.equal(doc.attachments.length, 2);
  assert.deepEqual(doc.attachments.map((a) => a.title?.text), ['安全隐患排查表', '工作总结模板']);
  assert.deepEqual(doc.attachmentNote!.items.map((i) => i.name), ['安全隐患排查表', '工作总结模板']);
  const headings = doc.elements.filter((e) => e.kind === 'heading').map((e) => [e.level, e.number]);
  assert.deepEqual(headings, [[1, 1], [2, 1], [2, 2], [1, 2], [3, 1], [3, 2], [1, 3]]);
  // Attachment headings belong to the attachment, not the body.
  assert.equal(doc.attachments[0].container.headings.length, 2);
});

test('the heading marker forms of GB/T 9704 7.3.3 get their levels; look-alikes do not', () => {
  const body = (lines: string[]) => parseText(['关于测试的通知', '各单位：', ...lines, '某局', '2023年3月5日'].join('\n')).body!.headings.map((h) => [h.marker.level, h.marker.number, h.marker.expected]);
  assert.deepEqual(body(['一、甲', '（一）乙', '1.丙', '（1）丁', '十二、戊']), [[1, 1, '一、'], [2, 1, '（一）'], [3, 1, '1.'], [4, 1, '（1）'], [1, 12, '十二、']]);
  assert.deepEqual(body(['一.甲', '(二)乙', '3、丙', '（4）.丁']), [[1, 1, '一、'], [2, 2, '（二）'], [3, 3, '3.'], [4, 4, '（4）']]);
  assert.deepEqual(body(['1.5倍的增长', '2023年是关键一年', '一是加强领导', '10.3亿元']), []);
});

test('indentation by full-width, half-width or no spaces and CRLF line ends parse the same', () => {
  const plain = BAD_NOTICE.replace(/　/g, '');
  const half = BAD_NOTICE.replace(/　/g, '  ');
  const crlf = BAD_NOTICE.replace(/\n/g, '\r\n');
  const shape = (t: string) => parseText(t).elements.map((e) => [e.kind, e.range.start.line, e.level ?? 0]);
  assert.deepEqual(shape(plain), shape(BAD_NOTICE));
  assert.deepEqual(shape(half), shape(BAD_NOTICE));
  assert.deepEqual(shape(crlf), shape(BAD_NOTICE));
});

test('a title over several lines is one element; the type comes from its 文种', () => {
  const doc = parseText(['国务院办公厅', '关于印发《新能源汽车产业', '发展规划》的通知', '各省、自治区、直辖市人民政府：', '　　现将规划印发给你们，请认真贯彻执行。', '国务院办公厅', '2020年10月20日'].join('\n'));
  assert.equal(doc.title!.text, '国务院办公厅关于印发《新能源汽车产业发展规划》的通知');
  assert.equal(doc.type, '通知');
  assert.equal(doc.subtype, '印发');
});

test('document types and 通知 sub-kinds', () => {
  const typeOf = (title: string) => { const d = parseText(`${title}\n某单位：\n正文。\n某局\n2023年3月5日`); return d.subtype ? `${d.type}/${d.subtype}` : d.type; };
  assert.equal(typeOf('关于拨付经费的请示'), '请示');
  assert.equal(typeOf('关于同意设立某某区的批复'), '批复');
  assert.equal(typeOf('国务院办公厅关于组建联合会的复函'), '函');
  assert.equal(typeOf('关于转发《某某办法》的通知'), '通知/转发');
  assert.equal(typeOf('关于批转某某意见的通知'), '通知/批转');
  assert.equal(typeOf('关于召开全市安全生产工作会议的通知'), '通知/会议');
  assert.equal(typeOf('关于张三同志任职的通知'), '通知/任免');
  assert.equal(typeOf('关于2023年工作情况的报告'), '报告');
  assert.equal(typeOf('关于对强化监督发现问题进行督办的函(天津)'), '函');
  assert.equal(typeOf('第十次常务会议纪要'), '纪要');
});

test('版头 elements: 份号, 密级, 紧急程度, 签发人 on the 发文字号 line', () => {
  const doc = parseText(['000123', '机密★1年', '特急', '市教育局文件', '市教发〔2024〕3号　　签发人：王明', '关于拨付经费的请示', '市人民政府：', '正文。妥否，请批示。', '市教育局', '2024年4月2日'].join('\n'));
  assert.deepEqual(doc.headElements.map((e) => e.kind), ['copy-number', 'secrecy', 'urgency', 'issuer-mark', 'doc-number', 'signer']);
  assert.equal(doc.headElements[4].text, '市教发〔2024〕3号');
  assert.equal(doc.headElements[5].text, '签发人：王明');
  assert.ok(doc.hasHead);
});

test('published layout: 发文字号 under the title, 署名 and date at the end', () => {
  const doc = parseText(['国务院关于全国矿产资源规划的批复', '国函〔2016〕178号', '国土资源部：', '你们的请示收悉。现批复如下：', '一、原则同意规划。', '国务院', '2016年11月2日', '（此件公开发布）'].join('\n'));
  assert.equal(doc.type, '批复');
  assert.deepEqual(doc.elements.map((e) => e.kind), ['title', 'doc-number', 'addressee', 'body', 'heading', 'issuer-signature', 'date', 'note']);
});

test('news-style reports are 简报; answer letters without a title are 函', () => {
  assert.equal(parseText('市政协召开党组会议\n来源：市政协\n　　10月25日，市政协召开党组会议，会议强调，要深入学习。').type, '简报');
  const reply = parseText('张三代表：您提出的“关于加强保护的建议”收悉。经认真研究，答复如下：\n一、关于保护\n感谢您的关心。\n生态环境部\n2020年10月29日');
  assert.equal(reply.type, '函');
  assert.equal(reply.addressee!.text, '张三代表');
});

test('seed 004 (印发 notice with damaged 发文字号 and dates) parses', () => {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith('004_'))!;
  const doc = parseText(readFileSync(join(SEEDS_DIR, name), 'utf8'));
  assert.equal(doc.type, '通知');
  assert.equal(doc.subtype, '印发');
  const dn = doc.headElements.find((e) => e.kind === 'doc-number')!;
  assert.equal(dn.text, '工字202276');
  assert.match(doc.title!.text, /^关于印发《在全市工会系统.*活动方案》的通知$/);
  assert.equal(doc.addressee!.text, '各基层工会');
  assert.equal(doc.date!.text, '2022113');
  assert.equal(doc.signature[0].text, '霍林郭勒市总工会');
  assert.equal(doc.printInfo.length, 1);
  assert.equal(doc.attachments.length, 1);
  assert.match(doc.attachments[0].title!.text, /活动方案$/);
  assert.ok(doc.attachments[0].container.headings.length >= 3);
});

test('the traditional-character and news seeds parse as 简报 with a headline', () => {
  for (const name of readdirSync(SEEDS_DIR).filter((f) => !f.startsWith('004_'))) {
    const doc = parseText(readFileSync(join(SEEDS_DIR, name), 'utf8'));
    assert.equal(doc.type, '简报', name);
    assert.ok(doc.title && doc.title.text.length > 4, name);
    assert.ok(doc.bodyElement, name);
  }
});

test('outline groups 版头 / 主体 / 附件 / 版记 with a nested heading tree; folding follows headings', () => {
  const doc = new Draft(GOOD_NOTICE).parsed;
  const tree = outline(doc);
  assert.deepEqual(tree.map((n) => n.name), ['版头', '主体', '附件1', '附件2', '版记']);
  const body = tree[1].children.find((c) => c.kind === 'body')!;
  assert.deepEqual(body.children.map((c) => c.name), ['一、压实安全生产责任', '二、开展隐患排查', '三、加强宣传教育']);
  assert.deepEqual(body.children[0].children.map((c) => c.name), ['（一）落实主体责任', '（二）健全工作机制']);
  const folds = foldingRanges(doc);
  assert.ok(folds.some((f) => f.startLine === 5 && f.endLine === 7), JSON.stringify(folds));
  for (const f of folds) assert.ok(f.endLine > f.startLine);
});

test('REQUEST_DRAFT is a 请示 with its 签发人 and 附注', () => {
  const doc = parseText(REQUEST_DRAFT);
  assert.equal(doc.type, '请示');
  assert.equal(doc.notes.length, 1);
  assert.ok(doc.headElements.some((e) => e.kind === 'signer'));
});

test('a 会议通知 line "时间：…" is part of the body, not web chrome', () => {
  const doc = parseText(['关于召开安全生产工作会议的通知', '各单位：', '　　一、会议时间', '时间：2023年3月10日上午9:00', '　　二、会议地点', '市政府三楼会议室', '市教育局', '2023年3月5日'].join('\n'));
  assert.equal(doc.subtype, '会议');
  assert.ok(!doc.boilerplate.has(3));
  assert.match(doc.bodyElement!.text, /时间：2023年3月10日上午9:00/);
});
