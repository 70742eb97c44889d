// The document templates in snippets/gongwen.code-snippets: well-formed VS Code snippets, reachable by
// both pinyin and Chinese prefixes, and — expanded with every default accepted — documents laid out
// as GB/T 9704-2012 and 《党政机关公文处理工作条例》 require.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KNOWN_VARIABLES, SnippetSyntaxError, bodyText, expandSnippet, parseSnippet, walk, type SnippetNode } from './snippetSyntax';
import { repoRoot } from '../fixtures/paths';


interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const root = repoRoot();
const SNIPPET_FILE = path.join(root, 'snippets', 'gongwen.code-snippets');
const raw = fs.readFileSync(SNIPPET_FILE, 'utf8');
const snippets = JSON.parse(raw) as Record<string, Snippet>;

const prefixesOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
function byPrefix(prefix: string): [string, Snippet] {
  const hit = Object.entries(snippets).find(([, s]) => prefixesOf(s).includes(prefix));
  assert.ok(hit, `no snippet with prefix ${prefix}`);
  return hit;
}

const I = '\u3000\u3000';
const MARCH_5 = { CURRENT_YEAR: '2023', CURRENT_YEAR_SHORT: '23', CURRENT_MONTH: '03', CURRENT_DATE: '05' };
const OCT_30 = { CURRENT_YEAR: '2023', CURRENT_YEAR_SHORT: '23', CURRENT_MONTH: '10', CURRENT_DATE: '30' };
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const DOC_NUMBER_LINE = /^\S+〔2023〕\S+号(?:[\u3000 ]+签发人：\S+)?$/;
// Punctuation a title may not contain (regulation 第九条 practice: only 《》“”、（） are allowed).
const TITLE_FORBIDDEN = /[。，,；;：:！!？?]/;

/** The six required templates: pinyin prefix, Chinese prefix, 文种 at the end of the title, closing formulas. */
const REQUIRED: { ascii: string; chinese: string; wenzhong: string; closing?: RegExp; addressed: boolean }[] = [
  { ascii: 'tongzhi', chinese: '通知', wenzhong: '通知', closing: /^(特此通知。|请认真贯彻执行。|请结合实际认真抓好落实。)$/, addressed: true },
  { ascii: 'yinfa', chinese: '印发通知', wenzhong: '通知', addressed: true },
  { ascii: 'qingshi', chinese: '请示', wenzhong: '请示', closing: /(妥否，请批示。|请批准。|当否，请批示。)$/, addressed: true },
  { ascii: 'baogao', chinese: '报告', wenzhong: '报告', closing: /^(特此报告。|专此报告。)$/, addressed: true },
  { ascii: 'han', chinese: '函', wenzhong: '函', closing: /^(特此函告。|请予研究函复。|特此函复。|盼复。)$/, addressed: true },
  { ascii: 'jiyao', chinese: '纪要', wenzhong: '纪要', addressed: false },
];

function expand(s: Snippet, vars: Record<string, string> = MARCH_5): string[] {
  return expandSnippet(parseSnippet(bodyText(s.body)), vars).split('\n');
}

/** The layout of an expanded template: indices of its main elements. */
function layout(lines: string[]) {
  const nonEmpty = lines.map((l, i) => ({ l, i })).filter((x) => x.l.trim() !== '');
  const docNumber = nonEmpty.find((x) => DOC_NUMBER_LINE.test(x.l));
  const titleAt = docNumber ? nonEmpty.find((x) => x.i > docNumber.i)! : nonEmpty[0];
  const afterTitle = nonEmpty.find((x) => x.i > titleAt.i)!;
  const date = nonEmpty.find((x) => DATE_LINE.test(x.l));
  return { nonEmpty, docNumber, title: titleAt, afterTitle, date };
}

describe('snippets/gongwen.code-snippets', () => {
  test('is strict JSON (no comments, no trailing commas)', () => {
    assert.doesNotThrow(() => JSON.parse(raw));
    assert.ok(!/^\s*\/\//m.test(raw), 'no line comments');
    assert.equal(typeof snippets, 'object');
    assert.ok(Object.keys(snippets).length >= 6);
  });

  test('every snippet has prefix, body and a Chinese description', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const prefixes = prefixesOf(s);
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.trim() === p && p.length > 0), `${name}: prefix`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.equal(typeof s.description, 'string', `${name}: description`);
      assert.match(s.description, /\p{Script=Han}/u, `${name}: description in Chinese`);
      const extra = Object.keys(s).filter((k) => !['prefix', 'body', 'description', 'scope', 'isFileTemplate'].includes(k));
      assert.deepEqual(extra, [], `${name}: unknown keys`);
    }
  });

  test('prefixes are unique across snippets', () => {
    const seen = new Map<string, string>();
    for (const [name, s] of Object.entries(snippets)) {
      for (const p of prefixesOf(s)) {
        assert.ok(!seen.has(p), `prefix ${p} used by both ${seen.get(p)} and ${name}`);
        seen.set(p, name);
      }
    }
  });

  test('the six required templates exist with both a pinyin and a Chinese prefix', () => {
    for (const r of REQUIRED) {
      const [nameA, a] = byPrefix(r.ascii);
      const [nameC] = byPrefix(r.chinese);
      assert.equal(nameA, nameC, `${r.ascii} and ${r.chinese} name the same template`);
      const ps = prefixesOf(a);
      assert.ok(ps.some((p) => /^[a-z]+$/.test(p)), `${nameA}: an ASCII prefix`);
      assert.ok(ps.some((p) => /^\p{Script=Han}+$/u.test(p)), `${nameA}: a Chinese prefix`);
    }
  });

  test('every body is a well-formed snippet: balanced ${…}, known variables, consistent tab stops', () => {
    for (const [name, s] of Object.entries(snippets)) {
      let nodes: SnippetNode[] = [];
      assert.doesNotThrow(() => (nodes = parseSnippet(bodyText(s.body))), `${name}: parses`);
      const indices = new Set<number>();
      const withDefault = new Map<number, number>();
      let finals = 0;
      walk(nodes, (n) => {
        if (n.kind === 'variable') assert.ok(KNOWN_VARIABLES.has(n.name), `${name}: unknown variable ${n.name}`);
        if (n.kind === 'tabstop') {
          if (n.index === 0) {
            finals++;
            assert.ok(!n.children && !n.choices, `${name}: $0 has no default`);
          } else indices.add(n.index);
          if (n.children || n.choices) withDefault.set(n.index, (withDefault.get(n.index) ?? 0) + 1);
          if (n.choices) assert.ok(n.choices.length >= 2, `${name}: a choice offers at least two options`);
        }
      });
      assert.ok(finals <= 1, `${name}: at most one $0`);
      const max = Math.max(0, ...indices);
      for (let k = 1; k <= max; k++) assert.ok(indices.has(k), `${name}: tab stop $${k} missing (stops are numbered without gaps)`);
      for (const k of indices) {
        assert.equal(withDefault.get(k) ?? 0, 1, `${name}: tab stop $${k} has exactly one placeholder or choice; repeats are plain mirrors`);
      }
    }
  });

  test('the snippet reader rejects malformed bodies', () => {
    for (const bad of ['${1:未闭合', '多余的}', '${1|通知|', '${1|通知,意见}', '$', '${}', '${CURRENT_MONTH/(/x/}', '${1|通知,,意见|}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
    assert.equal(expandSnippet(parseSnippet('${1:甲}和$1、${2|乙,丙|}\\$'), {}), '甲和甲、乙$');
  });

  test('dates use the unpadded month and day transforms', () => {
    let dated = 0;
    for (const [name, s] of Object.entries(snippets)) {
      const body = bodyText(s.body);
      // Every use of the zero-padded variables goes through /^0// (2023年03月05日 is wrong, GB/T 9704 7.3.5.4).
      const uses = body.match(/\$\{?CURRENT_(MONTH|DATE)[^A-Z_][^}]*\}?/g) ?? [];
      for (const u of uses) assert.match(u, /^\$\{CURRENT_(MONTH|DATE)\/\^0\/\/\}$/, `${name}: ${u}`);
      if (uses.length) dated++;
      assert.ok(!/CURRENT_YEAR_SHORT/.test(body), `${name}: the year is written in full`);
      const text = expand(s).join('\n');
      assert.ok(!/\d{4}年0\d月|月0\d日/.test(text), `${name}: no zero padding`);
      if (uses.length) {
        assert.match(text, /2023年3月5日/, `${name}: 2023-03-05 → 2023年3月5日`);
        assert.match(expand(s, OCT_30).join('\n'), /2023年10月30日/, `${name}: 2023-10-30 keeps its zeros`);
      }
    }
    assert.ok(dated >= 6);
  });

  for (const r of REQUIRED) {
    test(`${r.chinese} (${r.ascii}) expands to a document laid out per GB/T 9704`, () => {
      const [name, s] = byPrefix(r.ascii);
      const lines = expand(s);
      const text = lines.join('\n');
      assert.ok(!/[${}]/.test(text), `${name}: no snippet syntax left: ${text.match(/.*[${}].*/)?.[0]}`);
      assert.ok(lines.every((l) => l === l.trimEnd()), `${name}: no trailing blanks`);
      const { docNumber, title, afterTitle, date } = layout(lines);

      // 版头: 发文机关标志 and 发文字号 for documents; a 纪要 starts with its own 标志/标题.
      if (r.ascii !== 'jiyao') {
        assert.ok(docNumber, `${name}: 发文字号 like 机关代字〔2023〕序号号`);
        assert.ok(docNumber.i > 0 && lines[docNumber.i - 1] === '', `${name}: blank line before 发文字号`);
      }
      if (r.ascii === 'qingshi' || r.ascii === 'baogao') assert.match(docNumber!.l, /签发人：/, `${name}: 上行文 carries 签发人`);

      // 标题
      assert.ok(title.l.endsWith(r.wenzhong), `${name}: title ends with ${r.wenzhong}: ${title.l}`);
      assert.ok(!TITLE_FORBIDDEN.test(title.l), `${name}: no forbidden punctuation in the title`);
      assert.ok(!/^[\u3000 ]/.test(title.l), `${name}: the title is not indented like a paragraph`);
      if (r.ascii !== 'jiyao') assert.match(title.l, new RegExp(`关于.+的${r.wenzhong}$`), `${name}: [发文机关]关于…的${r.wenzhong}`);
      if (r.ascii === 'yinfa') assert.match(title.l, /关于印发《[^《》]+》的通知$/);
      if (r.ascii === 'jiyao') assert.match(title.l, /会议纪要$/);

      // 主送机关
      const addressees = lines.filter((l) => /^[^\u3000 ].*：$/.test(l));
      if (r.addressed) {
        assert.match(afterTitle.l, /^[^\u3000 ].*：$/, `${name}: 主送机关 flush left after the title, ending with a full-width colon`);
        assert.deepEqual(addressees, [afterTitle.l], `${name}: one 主送 line`);
      } else {
        assert.deepEqual(addressees, [], `${name}: a 纪要 has no 主送机关`);
      }
      if (r.ascii === 'qingshi') assert.ok(!/[，、,]/.test(afterTitle.l), `${name}: a 请示 has a single addressee`);

      // 正文: paragraphs indented by two full-width spaces, headings 一、 (and （一） in 通知).
      assert.ok(date, `${name}: a 成文日期 line`);
      const bodyFrom = r.addressed ? afterTitle.i + 1 : title.i + 1;
      const bodyLines = lines.slice(bodyFrom, date.i).filter((l) => l.trim() !== '');
      const signature = r.addressed ? bodyLines.pop() : undefined;
      assert.ok(bodyLines.length >= (r.ascii === 'yinfa' ? 1 : 3), `${name}: a body`);
      for (const l of bodyLines) assert.ok(l.startsWith(I) && !l.startsWith(I + ' '), `${name}: body line indented by two full-width spaces: ${l}`);
      // A 印发 notice is short; the headings belong to the printed document after the date.
      const headed = r.ascii === 'yinfa' ? lines.slice(date.i + 1) : bodyLines;
      assert.ok(headed.some((l) => l.startsWith(`${I}一、`)), `${name}: a level-1 heading 一、`);
      if (r.ascii === 'tongzhi') assert.ok(bodyLines.some((l) => l.startsWith(`${I}（一）`)), `${name}: a level-2 heading （一）`);
      const paragraphs = bodyLines.filter((l) => !/^\u3000\u3000(出席|请假|列席)：/.test(l));
      const last = paragraphs[paragraphs.length - 1].trim();
      if (r.closing) assert.match(last, r.closing, `${name}: closing formula`);
      if (r.ascii !== 'qingshi') assert.ok(!/请批示|妥否|请批准/.test(text), `${name}: only a 请示 asks for approval`);
      if (r.ascii === 'qingshi') {
        assert.equal((text.match(/请批示|请批准/g) ?? []).length, 1, `${name}: 一文一事, one request`);
      }

      // 发文机关署名 and 成文日期
      assert.match(date.l, DATE_LINE);
      assert.equal(date.l, '2023年3月5日');
      if (r.addressed) {
        assert.ok(signature && !/[。，：；]/.test(signature) && !signature.startsWith('\u3000'), `${name}: 发文机关署名 above the date: ${signature}`);
        assert.equal(lines[date.i - 1], signature, `${name}: 署名 right above 成文日期`);
        assert.ok(title.l.startsWith(signature), `${name}: the title names the same organ as the signature`);
      }

      // 附注, attachments, 版记
      const after = lines.slice(date.i + 1).filter((l) => l.trim() !== '');
      if (r.ascii === 'qingshi') {
        assert.match(after[0] ?? '', /^\u3000\u3000（联系人：[^；）]+；联系电话：[^）]+）$/, `${name}: 附注 with 联系人 and 电话`);
      }
      if (r.ascii === 'jiyao') {
        for (const k of ['出席', '列席']) assert.ok(lines.some((l) => l.startsWith(`${I}${k}：`)), `${name}: ${k} line`);
      }
      if (r.ascii === 'yinfa') {
        const printed = /《([^《》]+)》/.exec(title.l)![1];
        assert.ok(after.includes(printed), `${name}: the printed document's title follows the date`);
        assert.ok(!lines.some((l) => /^\u3000*附件[：:]/.test(l)), `${name}: no 附件说明 in a 印发 notice`);
        assert.ok(bodyLines.some((l) => l.includes(`《${printed}》印发给你们`)), `${name}: the notice names the printed document`);
      }
      const copyTo = lines.find((l) => l.startsWith('抄送'));
      if (copyTo) assert.match(copyTo, /^抄送：.+。$/, `${name}: 抄送 line`);
      const print = lines.find((l) => /印发$/.test(l) && !l.includes('《'));
      if (print) assert.match(print, /^\S+[\u3000 ]+2023年3月5日印发$/, `${name}: 印发机关和印发日期`);
    });
  }
});
