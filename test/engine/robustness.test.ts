// Property tests: the parser never throws and every finding's range lies inside the document,
// whatever the input; incremental edits give the same result as re-parsing from scratch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Draft, lintText, parseText, outline, foldingRanges, type Range } from '../../server/src/engine';
import { splitLines } from '../../server/src/engine/text';
import { BAD_NOTICE, GOOD_NOTICE } from '../fixtures/drafts';

// Text built from the pieces drafts are made of, so the generator reaches the parser's branches.
const PIECES = ['关于', '的通知', '的请示', '一、', '（一）', '1.', '（1）', '(', ')', '（', '）', '《', '》', '“', '”', '〔', '〕', '[', ']', '附件：', '附件1', '抄送：', '印发', '2023年3月5日', '二〇二三年三月五日', '2022113', '青教发〔2023〕8号', '签发人：', '：', ':', '，', ',', '。', '。。', '各单位', '市教育局', '特此通知。', '妥否，请批示。', '\n', '\r\n', '\r', '　', ' ', '\t', '\u0000', '\ufffd', '😀', 'ab', '12', '文件'];
const draftText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 80 }).map((a) => a.join(''));

function inside(r: Range, lines: string[]): boolean {
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

test('the parser never throws and every range lies inside the document', () => {
  fc.assert(fc.property(draftText, (text) => {
    const lines = splitLines(text);
    const d = new Draft(text);
    for (const f of d.lint()) {
      assert.ok(inside(f.range, lines), `${f.rule} ${JSON.stringify(f.range)}`);
      if (f.fix) assert.ok(inside(f.fix.range, lines));
    }
    for (const e of d.parsed.elements) assert.ok(inside(e.range, lines), `${e.kind} ${JSON.stringify(e.range)}`);
    const walk = (ns: ReturnType<typeof outline>): void => ns.forEach((n) => { assert.ok(inside(n.range, lines)); assert.ok(inside(n.selectionRange, lines)); walk(n.children); });
    walk(outline(d.parsed));
    for (const f of foldingRanges(d.parsed)) assert.ok(f.startLine < f.endLine && f.endLine < lines.length);
  }), { numRuns: 1500 });
});

test('incremental edits give exactly what a fresh parse gives', () => {
  const edit = fc.record({ sl: fc.nat(30), sc: fc.nat(40), len: fc.nat(30), text: draftText });
  fc.assert(fc.property(fc.constantFrom(GOOD_NOTICE, BAD_NOTICE, BAD_NOTICE.replace(/\n/g, '\r\n'), BAD_NOTICE.replace(/\n/g, '\r')), fc.array(edit, { maxLength: 6 }), (base, edits) => {
    const d = new Draft(base);
    let text = base;
    for (const e of edits) {
      // Build a valid LSP range in the current text (offset-based, then converted).
      const lines = splitLines(text);
      const sl = e.sl % lines.length;
      const sc = Math.min(e.sc, lines[sl].length);
      const startOffset = offsetOf(text, sl, sc);
      const endOffset = Math.min(text.length, startOffset + e.len);
      // Never split a \r\n pair: LSP clients do not produce such ranges either.
      const adj = (o: number) => (o > 0 && o < text.length && text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
      const s = adj(startOffset);
      const en = Math.max(s, adj(endOffset));
      const range = { start: positionOf(text, s), end: positionOf(text, en) };
      d.applyEdit(range, e.text);
      text = text.slice(0, s) + e.text + text.slice(en);
    }
    assert.equal(d.getText(), text);
    assert.deepEqual(d.lint(), lintText(text));
    assert.deepEqual(d.parsed.elements, parseText(text).elements);
  }), { numRuns: 1000 });
});

function offsetOf(text: string, line: number, ch: number): number {
  const re = /\r\n|\r|\n/g;
  let l = 0;
  let start = 0;
  while (l < line) {
    const m = re.exec(text)!;
    start = m.index + m[0].length;
    l++;
  }
  return start + ch;
}
function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lines = splitLines(before);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

test('bad input: empty, only punctuation, binary-looking text, one 10 MB line, mixed line ends', () => {
  assert.deepEqual(lintText(''), []);
  assert.equal(parseText('').type, '未知');
  assert.doesNotThrow(() => lintText('。，、；：？！…—（）《》“”'.repeat(500)));
  assert.doesNotThrow(() => lintText(String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => i % 256))));
  const huge = '关于'.padEnd(10 * 1024 * 1024, '测试文本，');
  const t0 = process.hrtime.bigint();
  const fs = lintText(huge);
  assert.ok(Array.isArray(fs));
  // Not a timing assertion: the analysed prefix bounds the work (findings only in the first 20k chars).
  assert.ok(fs.every((f) => f.range.end.character <= 20001));
  void t0;
  const mixed = GOOD_NOTICE.split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
  assert.deepEqual(parseText(mixed).elements.map((e) => e.kind), parseText(GOOD_NOTICE).elements.map((e) => e.kind));
});

test('edits that bring \\r and \\n together or apart give the right line breaks', () => {
  const d = new Draft('a\r\nb');
  d.applyEdit({ start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, '\r');
  assert.equal(d.getText(), 'a\r\r\nb');
  assert.equal(d.lineCount, 3);
  const e = new Draft('a\rb');
  e.applyEdit({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '\n');
  assert.equal(e.getText(), 'a\r\nb');
  assert.equal(e.lineCount, 2);
  const f = new Draft('a\nb');
  f.applyEdit({ start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, 'x\r');
  assert.equal(f.getText(), 'ax\r\nb');
  assert.equal(f.lineCount, 2);
});
