import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BAD_NOTICE, GOOD_NOTICE } from '../fixtures/drafts';

const CLI = resolve(__dirname, '..', '..', '..', 'dist', 'gongwen.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
const file = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };

test('lint --format json follows the RULES.md contract, in argument order', () => {
  const bad = file('bad.gw', BAD_NOTICE);
  const good = file('good.gw', GOOD_NOTICE);
  const r = run('lint', '--format', 'json', bad, good);
  assert.equal(r.status, 1, 'an error-severity finding gives exit 1');
  const out = JSON.parse(r.stdout);
  assert.equal(out.length, 2);
  assert.equal(out[0].file, bad);
  assert.equal(out[0].type, '通知');
  assert.deepEqual(out[1], { file: good, type: '通知', diagnostics: [] });
  const d = out[0].diagnostics[0];
  assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'range', 'fix']);
  assert.equal(d.rule, 'doc-number-format');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 11 } });
  assert.deepEqual(d.fix, { range: d.range, newText: '青教发〔2023〕8号' });
  assert.equal(out[0].diagnostics[1].rule, 'heading-sequence');
  assert.equal(out[0].diagnostics[1].severity, 'warning');
});

test('lint text output and exit codes 0 / 1 / 2', () => {
  const good = file('good2.gw', GOOD_NOTICE);
  const ok = run('lint', good);
  assert.equal(ok.status, 0);
  assert.match(ok.stdout, /文种 通知，未发现问题/);
  const bad = run('lint', file('bad2.gw', BAD_NOTICE));
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /bad2\.gw:2:1: 错误 发文字号格式不规范.*\[doc-number-format\]/);
  assert.match(bad.stdout, /bad2\.gw:8:3: 警告 一级标题序号跳号.*\[heading-sequence\]/);
  const warnOnly = run('lint', file('warn.gw', BAD_NOTICE.replace('[2023]', '〔2023〕')));
  assert.equal(warnOnly.status, 0, 'warnings alone exit 0');
});

test('unreadable input: a clear message on stderr and exit 2; readable files are still checked', () => {
  const missing = run('lint', '--format', 'json', join(dir, 'nope.gw'), file('g3.gw', GOOD_NOTICE));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /无法读取 .*nope\.gw：文件不存在/);
  assert.equal(JSON.parse(missing.stdout).length, 1);
  const bin = run('lint', file('bin.gw', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3])));
  assert.equal(bin.status, 2);
  assert.match(bin.stderr, /二进制文件/);
  const folder = run('lint', dir);
  assert.equal(folder.status, 2);
  assert.match(folder.stderr, /文件夹/);
  if (process.getuid && process.getuid() !== 0) {
    const locked = file('locked.gw', GOOD_NOTICE);
    chmodSync(locked, 0);
    assert.equal(run('lint', locked).status, 2);
  }
});

test('GB18030 and UTF-16 files are decoded', () => {
  // GB18030 bytes of 「关于做好工作的通知」 (encoded by hand: Node has a GB18030 decoder but no encoder).
  const title = Buffer.from('b9d8d3dad7f6bac3b9a4d7f7b5c4cda8d6aa', 'hex');
  assert.equal(new TextDecoder('gb18030').decode(title), '关于做好工作的通知');
  const r = run('parse', '--format', 'json', file('gb.gw', title));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout)[0].type, '通知');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('关于做好工作的请示', 'utf16le')]);
  assert.equal(JSON.parse(run('parse', file('u16.gw', utf16)).stdout)[0].type, '请示');
});

test('parse --format json prints type, subtype and elements', () => {
  const p = file('yinfa.gw', ['关于印发《安全生产工作方案》的通知', '各学校：', '现印发给你们。', '一、总体要求', '市教育局', '2023年3月5日'].join('\n'));
  const r = run('parse', '--format', 'json', p);
  assert.equal(r.status, 0);
  const [entry] = JSON.parse(r.stdout);
  assert.equal(entry.type, '通知');
  assert.equal(entry.subtype, '印发');
  assert.deepEqual(entry.elements.map((e: any) => e.kind), ['title', 'addressee', 'body', 'heading', 'issuer-signature', 'date']);
  const h = entry.elements[3];
  assert.deepEqual([h.level, h.number, h.text], [1, 1, '一、总体要求']);
  assert.deepEqual(h.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } });
});

test('bad usage exits 2 with a message', () => {
  for (const args of [['lint'], ['lint', '--format', 'xml', 'a.gw'], ['frobnicate'], ['lint', '--bogus', 'a.gw'], ['lsp']]) {
    const r = run(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /gongwen：/);
  }
  assert.match(run('--help').stdout, /gongwen lint/);
  assert.match(run('--version').stdout, /^gongwen \d+\.\d+\.\d+/);
});

test('learn: a folder of drafts → a model file that lint --model uses; bad sources and models exit 2', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'gongwen-corpus-'));
  const para = (i: number) => `关于学习贯彻会议精神的通知\n各单位：\n　　第${i}次会议强调，要深刻领悟“两个确立”的决定性意义，增强“四个意识”，坚定“四个自信”，做到“两个维护”。\n市委办公室\n2023年3月${i}日`;
  for (let i = 1; i <= 4; i++) writeFileSync(join(corpus, `doc${i}.txt`), para(i));
  writeFileSync(join(corpus, 'empty.txt'), '');
  const out = join(corpus, 'model.json.gz');
  const r = run('learn', corpus, '-o', out, '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.documents, 4);
  assert.deepEqual(summary.skipped.map((s: any) => s.reason), ['文件为空']);
  assert.match(r.stderr, /跳过 .*empty\.txt：文件为空/);
  const draft = file('variant.gw', ['关于学习的通知', '各单位：', '　　要增强“四个意思”。', '市委办公室', '2023年3月5日'].join('\n'));
  const lint = run('lint', '--format', 'json', '--model', out, draft);
  const d = JSON.parse(lint.stdout)[0].diagnostics;
  assert.deepEqual(d.map((x: any) => [x.rule, x.fix.newText]), [['phrase-variant', '四个意识']]);
  assert.equal(run('learn', join(dir, 'does-not-exist')).status, 2);
  const badModel = file('bad-model.json', '{"format":"something-else"}');
  const bad = run('lint', '--model', badModel, draft);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /无法使用模型 .*不是公文语料模型文件/);
});
