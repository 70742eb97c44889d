// The TextMate grammar (syntaxes/gongwen.tmLanguage.json), loaded with the same engine VS Code uses
// (vscode-textmate + vscode-oniguruma): the 公文 elements of a realistic draft get their scopes, and
// body text that merely looks like an element does not.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { bodyText, expandSnippet, parseSnippet } from './snippetSyntax';
import { repoRoot } from '../fixtures/paths';


const root = repoRoot();
const GRAMMAR_FILE = path.join(root, 'syntaxes', 'gongwen.tmLanguage.json');
const grammarText = fs.readFileSync(GRAMMAR_FILE, 'utf8');

let wasm: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  wasm ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  return wasm;
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    await loadOniguruma();
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.gongwen' ? vsctm.parseRawGrammar(grammarText, GRAMMAR_FILE) : null,
    });
    const g = await registry.loadGrammar('text.gongwen');
    if (!g) throw new Error('grammar text.gongwen not loaded');
    return g;
  })();
  return grammarPromise;
}

interface Tokenized {
  lines: string[];
  tokens: vsctm.IToken[][];
}

async function tokenize(text: string): Promise<Tokenized> {
  const g = await loadGrammar();
  const lines = text.split('\n');
  const tokens: vsctm.IToken[][] = [];
  let state: vsctm.StateStack = vsctm.INITIAL;
  for (const line of lines) {
    const r = g.tokenizeLine(line, state);
    assert.ok(!r.stoppedEarly, `tokenizing stopped early on ${line}`);
    tokens.push(r.tokens);
    state = r.ruleStack;
  }
  return { lines, tokens };
}

/** The scopes of each character of `needle` on the line that is `lineKey`, or starts with it, or contains it. */
function scopesOf(t: Tokenized, lineKey: string, needle: string = lineKey.trim(), nth = 0): string[][] {
  const key = lineKey.trim();
  let li = t.lines.findIndex((l) => l.trim() === key);
  if (li < 0) li = t.lines.findIndex((l) => l.trimStart().startsWith(lineKey.trimStart()));
  if (li < 0) li = t.lines.findIndex((l) => l.includes(lineKey));
  assert.ok(li >= 0, `line ${lineKey} not in the draft`);
  const line = t.lines[li];
  let at = -1;
  for (let k = 0; k <= nth; k++) at = line.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not on line ${line}`);
  const out: string[][] = [];
  for (let c = at; c < at + needle.length; c++) {
    const tok = t.tokens[li].find((x) => x.startIndex <= c && c < x.endIndex);
    assert.ok(tok, `no token at ${c} on ${line}`);
    out.push(tok.scopes);
  }
  return out;
}

/** Every character of `needle` carries `scope`. */
function assertScope(t: Tokenized, lineKey: string, needle: string | undefined, scope: string): void {
  const all = scopesOf(t, lineKey, needle);
  all.forEach((s, k) => assert.ok(s.includes(scope), `${needle ?? lineKey}[${k}] should have ${scope}, has ${s.join(' ')}`));
}

/** No character of `needle` carries a scope starting with `prefix`. */
function assertNoScope(t: Tokenized, lineKey: string, needle: string | undefined, prefix: string): void {
  const all = scopesOf(t, lineKey, needle);
  all.forEach((s, k) => assert.ok(!s.some((x) => x.startsWith(prefix)), `${needle ?? lineKey}[${k}] should have no ${prefix}*, has ${s.join(' ')}`));
}

const I = '\u3000\u3000';
const DRAFT = [
  '<!-- gongwen-disable-next-line doc-number-format -->',
  '000123',
  '机密★1年',
  '特急',
  '青海省人民政府办公厅文件',
  '',
  '青政办发〔2023〕12号',
  '',
  '青海省人民政府办公厅关于做好2023年安全生产工作的通知',
  '',
  '各市、自治州人民政府，省政府各委、办、厅、局：',
  `${I}为深入贯彻《中华人民共和国安全生产法》，落实“安全第一、预防为主”方针，根据《国务院办公厅关于加强安全生产工作的通知》（国办发〔2022〕8号），现将有关事项通知如下：`,
  `${I}一、压实安全生产责任。各地要严格落实“党政同责、一岗双责”。`,
  `${I}（一）强化属地管理。各县（市、区）要建立健全责任体系。`,
  `${I}1.建立隐患排查台账。每月开展一次全面排查。`,
  `${I}（1）重点行业领域。包括危险化学品、矿山、交通运输等。`,
  `${I}各单位应急照明照度不低于标准值的1.5倍，备用电源不少于2套。`,
  '1.5倍以上的安全系数必须保证，2023.3.5前完成检测。',
  `${I}一是加强组织领导。二是强化督查考核。`,
  '现将检查情况通报如下：',
  `${I}二、加强监督检查`,
  `${I}特此通知。`,
  '',
  `${I}附件：1.安全生产责任清单`,
  `${I}\u3000\u3000\u30002.隐患排查台账样表`,
  '',
  '青海省人民政府办公厅',
  '2023年3月5日',
  `${I}（此件公开发布）`,
  '',
  '抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。',
  `青海省人民政府办公厅${I}${I}2023年3月5日印发`,
].join('\n');

describe('syntaxes/gongwen.tmLanguage.json', () => {
  test('is comment-free JSON with a repository and the text.gongwen scope', () => {
    const g = JSON.parse(grammarText) as { scopeName: string; patterns: unknown[]; repository: Record<string, unknown> };
    assert.equal(g.scopeName, 'text.gongwen');
    assert.ok(Array.isArray(g.patterns) && g.patterns.length > 0);
    assert.ok(g.repository && Object.keys(g.repository).length >= 10);
    assert.ok(!/^\s*\/\//m.test(grammarText), 'no comments');
  });

  test('every scope name ends with .gongwen, every include resolves and every regex compiles', async () => {
    await loadOniguruma();
    const g = JSON.parse(grammarText) as { repository: Record<string, unknown> };
    const regexes: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, k) => visit(n, `${where}[${k}]`));
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if ((k === 'name' || k === 'contentName') && typeof v === 'string' && where !== '$') {
          for (const scope of v.split(' ')) assert.match(scope, /^[a-z0-9-]+(\.[a-z0-9-]+)*\.gongwen$/, `${where}.${k}: ${scope}`);
        }
        if (k === 'include' && typeof v === 'string') {
          assert.ok(v === '$self' || v === '$base' || (v.startsWith('#') && v.slice(1) in g.repository), `${where}: include ${v}`);
        }
        if ((k === 'match' || k === 'begin' || k === 'end' || k === 'while') && typeof v === 'string') regexes.push(v);
        visit(v, `${where}.${k}`);
      }
    };
    visit(g, '$');
    assert.ok(regexes.length > 20);
    for (const re of regexes) assert.doesNotThrow(() => new oniguruma.OnigScanner([re]), re);
    for (const key of Object.keys(g.repository)) {
      assert.ok(grammarText.includes(`"#${key}"`), `repository entry ${key} is used`);
    }
  });

  test('版头: 份号, 密级, 紧急程度, 发文机关标志, 发文字号', async () => {
    const t = await tokenize(DRAFT);
    assertScope(t, '000123', undefined, 'constant.numeric.copy-number.gongwen');
    assertScope(t, '机密★1年', '机密', 'keyword.other.secrecy.gongwen');
    assertScope(t, '机密★1年', '1年', 'constant.numeric.secrecy-period.gongwen');
    assertScope(t, '特急', undefined, 'keyword.other.urgency.gongwen');
    assertScope(t, '青海省人民政府办公厅文件', undefined, 'entity.name.tag.issuer-mark.gongwen');
    assertScope(t, '青政办发〔2023〕12号', undefined, 'constant.other.doc-number.gongwen');
    assertScope(t, '青政办发〔2023〕12号', '2023', 'constant.numeric.year.gongwen');
    assertScope(t, '青政办发〔2023〕12号', '12', 'constant.numeric.serial.gongwen');
    assertNoScope(t, '青政办发〔2023〕12号', undefined, 'invalid');
  });

  test('发文字号 with wrong brackets, 第 and 签发人 on the same line', async () => {
    const t = await tokenize(['国办发[2023]12号', '国办发(2023)12号', '国办发【2023】第12号', `国办发（2023）12号${I}${I}签发人：张三　李四`].join('\n'));
    for (const [line, open, close] of [['国办发[2023]12号', '[', ']'], ['国办发(2023)12号', '(', ')'], ['国办发【2023】第12号', '【', '】'], ['国办发（2023）12号', '（', '）']]) {
      assertScope(t, line, line, 'constant.other.doc-number.gongwen');
      assertScope(t, line, '2023', 'constant.numeric.year.gongwen');
      assertScope(t, line, open, 'invalid.illegal.bracket.gongwen');
      assertScope(t, line, close, 'invalid.illegal.bracket.gongwen');
    }
    assertScope(t, '国办发【2023】第12号', '第', 'invalid.illegal.di.gongwen');
    assertScope(t, '国办发（2023）12号', '签发人', 'keyword.other.signer.gongwen');
    assertScope(t, '国办发（2023）12号', '张三　李四', 'variable.other.signer.gongwen');
    assertNoScope(t, '国办发（2023）12号', '签发人', 'constant.other.doc-number');
  });

  test('标题, with 文种 and inline 《》 “”', async () => {
    const t = await tokenize(DRAFT);
    const title = '青海省人民政府办公厅关于做好2023年安全生产工作的通知';
    assertScope(t, title, undefined, 'markup.heading.title.gongwen');
    assertScope(t, title, '通知', 'storage.type.doc-type.gongwen');
    assertNoScope(t, title, '青海省人民政府办公厅关于', 'storage.type');

    const t2 = await tokenize(['关于印发《青海省“十四五”安全生产规划》的通知', '国务院批转地质部关于切实保障野外地质工作条件的报告', '××市人民政府常务会议纪要', '生态环境部公告', '关于商请支持××工作的函'].join('\n'));
    assertScope(t2, '关于印发', undefined, 'markup.heading.title.gongwen');
    assertScope(t2, '关于印发', '《青海省“十四五”安全生产规划》', 'string.quoted.other.book-title.gongwen');
    assertScope(t2, '关于印发', '“十四五”', 'string.quoted.double.gongwen');
    for (const [line, wz] of [['国务院批转', '报告'], ['××市人民政府常务会议纪要', '纪要'], ['生态环境部公告', '公告'], ['关于商请', '函']]) {
      assertScope(t2, line, undefined, 'markup.heading.title.gongwen');
      assertScope(t2, line, wz, 'storage.type.doc-type.gongwen');
    }
  });

  test('主送机关: a flush-left line ending with a full-width colon; introductions are not', async () => {
    const t = await tokenize(DRAFT);
    assertScope(t, '各市、自治州人民政府', '各市、自治州人民政府，省政府各委、办、厅、局', 'variable.other.addressee.gongwen');
    assertScope(t, '各市、自治州人民政府', '：', 'punctuation.separator.addressee.gongwen');
    assertNoScope(t, '现将检查情况通报如下：', undefined, 'variable.other.addressee');
    assertNoScope(t, `${I}为深入贯彻`, '现将有关事项通知如下：', 'variable.other.addressee');
    const t2 = await tokenize('××省人民政府:');
    assertScope(t2, '××省人民政府', '××省人民政府', 'variable.other.addressee.gongwen');
    assertScope(t2, '××省人民政府', ':', 'invalid.illegal.halfwidth-colon.gongwen');
  });

  test('the four heading levels: marker and heading text up to the first 。, each level its own scopes', async () => {
    const t = await tokenize(DRAFT);
    const cases: [string, string, string, number][] = [
      [`${I}一、压实`, '一、', '压实安全生产责任', 1],
      [`${I}（一）强化`, '（一）', '强化属地管理', 2],
      [`${I}1.建立`, '1.', '建立隐患排查台账', 3],
      [`${I}（1）重点`, '（1）', '重点行业领域', 4],
    ];
    for (const [line, marker, text, level] of cases) {
      assertScope(t, line, marker, `markup.heading.${level}.gongwen`);
      assertScope(t, line, text, `markup.heading.${level}.gongwen`);
      assertScope(t, line, text, `entity.name.section.heading.${level}.gongwen`);
      const markerScope = scopesOf(t, line, marker)[0].find((s) => s.includes('heading-marker'));
      assert.ok(markerScope?.endsWith(`heading-marker.${level}.gongwen`), `${marker}: marker scope for level ${level}`);
      // The rest of the paragraph after the first 。 is body text.
      const restStart = t.lines.find((l) => l.startsWith(line))!.indexOf('。');
      const rest = t.lines.find((l) => l.startsWith(line))!.slice(restStart + 1);
      assertNoScope(t, line, rest, 'markup.heading');
      for (const other of [1, 2, 3, 4].filter((x) => x !== level)) assertNoScope(t, line, text, `markup.heading.${other}.`);
    }
    // A heading with no full stop is a heading to the end of the line.
    assertScope(t, `${I}二、加强监督检查`, '加强监督检查', 'markup.heading.1.gongwen');
    // The indentation before a heading is not part of it.
    assertNoScope(t, `${I}一、压实`, I, 'markup.heading');
  });

  test('body text that looks like a heading is not one', async () => {
    const t = await tokenize(DRAFT);
    assertNoScope(t, '1.5倍以上', undefined, 'markup.heading');
    assertNoScope(t, `${I}各单位应急照明`, undefined, 'markup.heading');
    assertNoScope(t, `${I}一是加强`, undefined, 'markup.heading');
    assertNoScope(t, `${I}为深入贯彻`, undefined, 'markup.heading');
    const t2 = await tokenize(['2023.3.5', '10.5%的增长', `${I}12.5万元`, '0.各项', `${I}（2023年）`].join('\n'));
    for (const line of ['10.5%的增长', `${I}12.5万元`, '0.各项', `${I}（2023年）`]) assertNoScope(t2, line, undefined, 'markup.heading');
    assertNoScope(t2, '2023.3.5', undefined, 'markup.heading');
  });

  test('inline: 《书名》, “引号”, 〔年份〕 numbers in body text', async () => {
    const t = await tokenize(DRAFT);
    const line = `${I}为深入贯彻`;
    assertScope(t, line, '《中华人民共和国安全生产法》', 'string.quoted.other.book-title.gongwen');
    assertScope(t, line, '“安全第一、预防为主”', 'string.quoted.double.gongwen');
    assertScope(t, line, '〔2022〕8号', 'constant.other.doc-number.reference.gongwen');
    assertScope(t, line, '2022', 'constant.numeric.year.gongwen');
    assertNoScope(t, line, '，落实', 'string');
    // Quotes inside a heading's text are coloured too.
    assertScope(t, `${I}一、压实`, '“党政同责、一岗双责”', 'string.quoted.double.gongwen');
    // Unclosed pairs do not leak into the next line (the grammar is line-based).
    const t2 = await tokenize(['《未闭合的书名号和“未闭合的引号', `${I}一、标题`].join('\n'));
    assertNoScope(t2, '《未闭合', undefined, 'string');
    assertScope(t2, `${I}一、标题`, '标题', 'markup.heading.1.gongwen');
  });

  test('附件说明 with continuation lines, 署名, 成文日期 and 附注', async () => {
    const t = await tokenize(DRAFT);
    assertScope(t, `${I}附件：1.`, '附件', 'keyword.other.attachment.gongwen');
    assertScope(t, `${I}附件：1.`, '1.', 'constant.numeric.attachment-number.gongwen');
    assertScope(t, `${I}附件：1.`, '安全生产责任清单', 'string.unquoted.attachment-name.gongwen');
    assertScope(t, '2.隐患', '2.', 'constant.numeric.attachment-number.gongwen');
    assertScope(t, '2.隐患', '隐患排查台账样表', 'string.unquoted.attachment-name.gongwen');
    assertNoScope(t, '2.隐患', undefined, 'markup.heading');
    assertScope(t, '青海省人民政府办公厅', '青海省人民政府办公厅', 'entity.name.type.issuer-signature.gongwen');
    assertScope(t, '2023年3月5日', undefined, 'constant.numeric.date.gongwen');
    assertScope(t, `${I}（此件公开发布）`, '（此件公开发布）', 'comment.line.note.gongwen');
    const t2 = await tokenize(['二〇二三年三月五日', `${I}${I}${I}2023年12月31日`, '2023年3月5日召开会议。', `${I}（一）`, `${I}（联系人：张三；联系电话：0971-1234567）`].join('\n'));
    assertScope(t2, '二〇二三年三月五日', undefined, 'constant.numeric.date.gongwen');
    assertScope(t2, '2023年12月31日', undefined, 'constant.numeric.date.gongwen');
    assertNoScope(t2, '2023年3月5日召开会议', undefined, 'constant.numeric.date');
    assertNoScope(t2, `${I}（一）`, undefined, 'comment');
    assertScope(t2, '（联系人', undefined, 'comment.line.note.gongwen');
  });

  test('版记: 抄送 and 印发 lines', async () => {
    const t = await tokenize(DRAFT);
    assertScope(t, '抄送：', undefined, 'comment.line.copy-to.gongwen');
    assertScope(t, '抄送：', '抄送', 'keyword.other.copy-to.gongwen');
    const print = `青海省人民政府办公厅${I}${I}2023年3月5日印发`;
    assertScope(t, print, print, 'comment.line.print-info.gongwen');
    assertScope(t, print, '2023年3月5日', 'constant.numeric.date.gongwen');
    assertScope(t, print, '印发', 'keyword.other.print-info.gongwen');
    assertNoScope(t, print, '青海省人民政府办公厅', 'entity.name.type.issuer-signature');
  });

  test('gongwen-disable comments', async () => {
    const t = await tokenize(DRAFT);
    const line = '<!-- gongwen-disable-next-line doc-number-format -->';
    assertScope(t, line, line, 'comment.block.gongwen');
    assertScope(t, line, 'gongwen-disable-next-line', 'keyword.control.directive.gongwen');
    // The comment ends on its line: the next line is tokenized normally.
    assertScope(t, '000123', undefined, 'constant.numeric.copy-number.gongwen');
  });

  test('the expanded templates are coloured as documents', async () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'gongwen.code-snippets'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const vars = { CURRENT_YEAR: '2023', CURRENT_MONTH: '03', CURRENT_DATE: '05' };
    for (const [name, s] of Object.entries(snippets)) {
      if (!['tongzhi', 'qingshi', 'baogao', 'han', 'yinfa'].some((p) => s.prefix.includes(p))) continue;
      // As the user fills it in: 机关代字〔2023〕序号号 → 青政办发〔2023〕12号.
      const text = expandSnippet(parseSnippet(bodyText(s.body)), vars).replace('机关代字', '青政办发').replace('序号号', '12号');
      const t = await tokenize(text);
      const lineScopes = (pred: (l: string) => boolean) => {
        const li = t.lines.findIndex(pred);
        assert.ok(li >= 0, name);
        return t.tokens[li].flatMap((x) => x.scopes);
      };
      assert.ok(lineScopes((l) => /〔2023〕/.test(l) && /号/.test(l) && !l.startsWith('\u3000')).includes('constant.other.doc-number.gongwen'), `${name}: 发文字号`);
      assert.ok(lineScopes((l) => /^\S*关于.+的\S+$/.test(l)).includes('markup.heading.title.gongwen'), `${name}: 标题`);
      assert.ok(lineScopes((l) => /^[^\u3000].*：$/.test(l)).includes('variable.other.addressee.gongwen'), `${name}: 主送机关`);
      assert.ok(lineScopes((l) => l.startsWith(`${I}一、`)).includes('markup.heading.1.gongwen'), `${name}: 一、`);
      assert.ok(lineScopes((l) => l === '2023年3月5日').includes('constant.numeric.date.gongwen'), `${name}: 成文日期`);
    }
  });

  test('long and pathological lines tokenize quickly', async () => {
    const long = [
      '关于'.repeat(2000) + '的通知。',
      '（'.repeat(3000) + '）'.repeat(2999),
      '《'.repeat(3000) + '》',
      `${I}一、` + '安全生产'.repeat(3000),
      '各'.repeat(5000) + '：',
      '1.' + '1.'.repeat(3000),
      '　'.repeat(5000) + '国务院',
    ];
    const start = Date.now();
    const g = await loadGrammar();
    for (const line of long) {
      const r = g.tokenizeLine(line, vsctm.INITIAL, 2000);
      assert.ok(!r.stoppedEarly, `stopped early on ${line.slice(0, 20)}…`);
    }
    assert.ok(Date.now() - start < 3000, `took ${Date.now() - start} ms`);
  });
});
