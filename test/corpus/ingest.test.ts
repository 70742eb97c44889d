// Corpus ingestion: sources (files, folders, globs), encoding detection, .docx paragraphs, skip
// reasons for bad input, progress and cancellation. Fixtures are generated at run time in a temp dir
// (GB18030/Big5 bytes with iconv-lite, .docx files zipped with fflate); nothing binary is committed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { decodeText, docxText, documentXmlLines } from '../../server/src/corpus/decode';
import { corpusKind, expandSources, expandSourcesDetailed, ingest, readCorpusFile } from '../../server/src/corpus/ingest';

const ROOT = mkdtempSync(join(tmpdir(), 'gongwen-ingest-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

function put(rel: string, data: string | Uint8Array): string {
  const p = join(ROOT, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, data);
  return p;
}

const NOTICE = [
  '青海省教育厅关于做好2023年全省教育系统安全生产工作的通知',
  '各市州教育局，厅直属各单位：',
  '　　为深入贯彻落实党中央、国务院关于安全生产工作的决策部署，现就有关工作通知如下。',
  '　　一、压实安全责任',
  '　　各单位要严格落实“党政同责、一岗双责”，主要负责人是第一责任人（详见附件1）。',
  '　　特此通知。',
  '青海省教育厅',
  '2023年3月5日',
].join('\n');
const TRADITIONAL = '河南機關黨建網 專題專欄\n學習宣傳貫徹黨的二十大精神\n省政協迅速掀起學習貫徹黨的二十大精神熱潮，確保精神在全省政協系統落地生根、開花結果。';

// ---------------------------------------------------------------------------------------------
// .docx fixtures: minimal OOXML packages

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
function docx(body: string, opts: { mainPart?: string } = {}): Uint8Array {
  const main = opts.mainPart ?? 'word/document.xml';
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`),
    [main]: strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });
}
const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="both"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

// ---------------------------------------------------------------------------------------------
// Encodings

test('UTF-8 with and without BOM, UTF-16 LE/BE with BOM: exact text and the encoding found', async () => {
  const cases: [string, Uint8Array, string][] = [
    ['utf8.txt', Buffer.from(NOTICE, 'utf8'), 'utf-8'],
    ['utf8bom.gw', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTICE, 'utf8')]), 'utf-8-bom'],
    ['utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(NOTICE, 'utf16le')]), 'utf-16le-bom'],
    ['utf16be-bom.md', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(NOTICE, 'utf16be')]), 'utf-16be-bom'],
  ];
  for (const [name, bytes, encoding] of cases) {
    const res = await readCorpusFile(put(`enc/${name}`, bytes));
    assert.ok(res.ok, `${name}: ${!res.ok && res.reason}`);
    assert.equal(res.text, NOTICE, name);
    assert.equal(res.encoding, encoding, name);
    assert.equal(res.kind, corpusKind(name));
  }
});

test('UTF-16 without BOM is detected in both byte orders (with ASCII, and pure CJK of 16+ characters)', async () => {
  const pureCjk = '关于进一步加强全省教育系统安全生产工作的通知各市州教育局厅直属各单位';
  for (const text of [NOTICE, pureCjk]) {
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const res = decodeText(iconv.encode(text, enc));
      assert.ok(res.ok, `${enc}: ${!res.ok && res.reason}`);
      assert.equal(res.text, text);
      assert.equal(res.encoding, enc === 'utf16le' ? 'utf-16le' : 'utf-16be');
    }
  }
});

test('GB18030/GBK is detected, not assumed: a whole notice, short texts, and characters outside GB2312', async () => {
  const res = await readCorpusFile(put('enc/gb.txt', iconv.encode(NOTICE, 'gb18030')));
  assert.ok(res.ok && res.encoding === 'gb18030' && res.text === NOTICE);
  // "一" is D2 BB in GBK, which is also valid UTF-8 (Cyrillic "һ"): must not come out as "һ"
  assert.deepEqual(Buffer.from(iconv.encode('一', 'gbk')), Buffer.from([0xd2, 0xbb]));
  for (const short of ['一', '通知', '关于', '特此通知。', '第1条 一', '附件：1.安全隐患排查表', '镕基同志']) {
    const d = decodeText(iconv.encode(short, 'gbk'));
    assert.ok(d.ok, short);
    assert.equal(d.text, short, `GBK "${short}" decoded as ${d.ok && d.encoding}`);
    assert.equal(d.encoding, 'gb18030');
  }
  // four-byte GB18030 sequences (outside GBK): CJK extension B and a rare character
  const ext = '𠀀𪚥龘之通知';
  const d = decodeText(iconv.encode(ext, 'gb18030'));
  assert.ok(d.ok && d.text === ext && d.encoding === 'gb18030');
});

test('Big5 (traditional, Taiwan/Hong Kong) decodes when the bytes are Big5, and GBK traditional stays GB18030', () => {
  const big5 = decodeText(iconv.encode(TRADITIONAL, 'big5'));
  assert.ok(big5.ok && big5.encoding === 'big5');
  assert.equal(big5.text, TRADITIONAL);
  const gbTrad = decodeText(iconv.encode(TRADITIONAL, 'gbk'));
  assert.ok(gbTrad.ok && gbTrad.encoding === 'gb18030');
  assert.equal(gbTrad.text, TRADITIONAL);
});

test('valid UTF-8 stays UTF-8: Latin accents, a Russian word, CJK, pure ASCII', () => {
  for (const text of ['café naïve', 'Привет мир', '通知', '一', 'plain ASCII\r\nline 2', '①②③ ■ → α β']) {
    const d = decodeText(Buffer.from(text, 'utf8'));
    assert.ok(d.ok && d.encoding === 'utf-8', text);
    assert.equal(d.text, text);
  }
});

test('bytes that are no known encoding, and binary data, are refused with a reason', () => {
  assert.deepEqual(decodeText(new Uint8Array([0x41, 0xff, 0x42, 0xff, 0x43])), { ok: false, reason: '无法识别的编码' });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5c7e1d40000000049454e44ae426082', 'hex');
  assert.deepEqual(decodeText(png), { ok: false, reason: '二进制文件' });
  assert.deepEqual(decodeText(new Uint8Array(0)), { ok: false, reason: '文件为空' });
  // valid UTF-8, but control characters throughout: not text
  assert.deepEqual(decodeText(Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08abc\x0e\x0f\x10\x11', 'latin1')), { ok: false, reason: '二进制文件' });
});

test('decoding never throws, whatever the bytes (property)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const d = decodeText(bytes);
      assert.ok(d.ok ? typeof d.text === 'string' : d.reason.length > 0);
      const x = docxText(bytes);
      assert.ok(!x.ok);
    }),
    { numRuns: 2000 },
  );
  // and a real zip whose document part is any string: never a throw
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      const zip = zipSync({ 'word/document.xml': strToU8(s) });
      const x = docxText(zip);
      assert.ok(x.ok || x.reason.startsWith('无法解析的 .docx：'));
    }),
    { numRuns: 300 },
  );
});

// ---------------------------------------------------------------------------------------------
// .docx

test('.docx: paragraphs become lines, in order, with entities, tabs and runs joined', async () => {
  const body =
    p(r('关于做好'), r('2023年安全生产工作的通知')) +
    p(r('各市州教育局：')) +
    p(r('　　一、压实&lt;安全&gt;责任&amp;落实'), '<w:r><w:tab/></w:r>', r('（详见附件1）')) +
    '<w:p/>' +
    p(r('特此通知。'));
  const res = await readCorpusFile(put('docx/notice.docx', docx(body)));
  assert.ok(res.ok, !res.ok ? res.reason : '');
  assert.equal(res.kind, 'docx');
  assert.equal(res.text, ['关于做好2023年安全生产工作的通知', '各市州教育局：', '　　一、压实<安全>责任&落实\t（详见附件1）', '', '特此通知。'].join('\n'));
});

test('.docx: tables give one line per cell paragraph in order; <w:br/> breaks a line; deleted text, field codes and text-box fallbacks stay out', async () => {
  const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr>${p(r(text))}</w:tc>`;
  const body =
    p(r('附件1')) +
    `<w:tbl><w:tblPr/><w:tr>${cell('序号')}${cell('单位')}</w:tr><w:tr>${cell('1')}${cell('西宁市教育局')}</w:tr></w:tbl>` +
    p(r('青海省教育厅'), '<w:r><w:br/></w:r>', r('2023年3月5日')) +
    p(r('保留'), '<w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del>', '<w:r><w:instrText> PAGE </w:instrText></w:r>', r('文字')) +
    p(
      r('正文'),
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r('文本框'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('文本框'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
    );
  const res = await readCorpusFile(put('docx/table.docx', docx(body)));
  assert.ok(res.ok, !res.ok ? res.reason : '');
  assert.deepEqual(res.text.split('\n'), ['附件1', '序号', '单位', '1', '西宁市教育局', '青海省教育厅', '2023年3月5日', '保留文字', '正文', '文本框', '']);
});

test('.docx: the main part is found through _rels/.rels even when it is not word/document.xml', () => {
  const res = docxText(docx(p(r('第一段')) + p(r('第二段')), { mainPart: 'word/document2.xml' }));
  assert.deepEqual(res, { ok: true, text: '第一段\n第二段', paragraphs: 2 });
});

test('.docx: corrupt, truncated, not a zip, old .doc, no document part, no text: skipped with a reason', async () => {
  const good = docx(p(r('正文第一段')) + p(r('正文第二段')));
  const corrupt = Buffer.from(good);
  // damage the deflated data of every entry but keep the zip directory intact
  for (let i = 60; i < corrupt.length - 200; i += 7) corrupt[i] ^= 0x5a;
  const cases: [string, Uint8Array][] = [
    ['truncated.docx', good.subarray(0, Math.floor(good.length / 2))],
    ['corrupt.docx', corrupt],
    ['text.docx', Buffer.from('这不是一个 Word 文档', 'utf8')],
    ['old.docx', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex')],
    ['nodoc.docx', zipSync({ 'hello.txt': strToU8('hi') })],
  ];
  for (const [name, bytes] of cases) {
    const res = await readCorpusFile(put(`docx/${name}`, bytes));
    assert.ok(!res.ok, name);
    assert.match(res.reason, /^无法解析的 \.docx：\S/, `${name}: ${res.reason}`);
  }
  const blank = await readCorpusFile(put('docx/blank.docx', docx('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>')));
  assert.deepEqual(blank, { ok: false, reason: '文档中没有文字' });
});

test('documentXmlLines: CDATA, numeric entities and self-closing runs', () => {
  assert.deepEqual(documentXmlLines(`<w:body><w:p><w:r><w:t>&#x4E00;&#20108;</w:t><w:t/></w:r></w:p><w:p><w:r><w:t><![CDATA[<三>]]></w:t></w:r></w:p></w:body>`), ['一二', '<三>']);
});

// ---------------------------------------------------------------------------------------------
// Bad input: one reason per file

test('empty, binary, too large, a folder named x.txt, missing, unsupported kind, whitespace only: each skipped with its reason', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  mkdirSync(join(ROOT, 'bad', 'x.txt'), { recursive: true });
  const expect: [string, string][] = [
    [put('bad/empty.txt', ''), '文件为空'],
    [put('bad/image.txt', png), '二进制文件'],
    [put('bad/big.txt', Buffer.alloc(Math.round(1.5 * 1048576), 'a')), '文件过大（1.5 MB，上限 1 MB）'],
    [join(ROOT, 'bad', 'x.txt'), '是文件夹，不是文件'],
    [join(ROOT, 'bad', 'missing.txt'), '文件不存在'],
    [put('bad/scan.pdf', '%PDF-1.4'), '不支持的文件类型（.pdf），只读取 .txt、.md、.gw 和 .docx'],
    [put('bad/blank.md', ' \r\n\t\n'), '文件中没有文字（只有空白）'],
    [put('bad/latin1.txt', Buffer.from([0x41, 0xff, 0xfe, 0x42, 0xff])), '无法识别的编码'],
  ];
  for (const [file, reason] of expect) assert.deepEqual(await readCorpusFile(file, { maxBytes: 1048576 }), { ok: false, reason }, file);
  // the default limit is 10 MB
  const eleven = put('bad/eleven.txt', Buffer.alloc(11 * 1048576, 0x61));
  assert.deepEqual(await readCorpusFile(eleven), { ok: false, reason: '文件过大（11 MB，上限 10 MB）' });
});

test('an unreadable file is skipped with 没有读取权限', { skip: process.getuid?.() === 0 ? 'running as root: permissions do not apply' : process.platform === 'win32' ? 'no chmod on Windows' : false }, async () => {
  const f = put('bad/secret.txt', '机密');
  chmodSync(f, 0o000);
  try {
    assert.deepEqual(await readCorpusFile(f), { ok: false, reason: '没有读取权限' });
  } finally {
    chmodSync(f, 0o644);
  }
});

test('line breaks come out as \\n (CRLF and CR)', async () => {
  const res = await readCorpusFile(put('enc/crlf.txt', Buffer.from('第一行\r\n第二行\r第三行\n', 'utf8')));
  assert.ok(res.ok && res.text === '第一行\n第二行\n第三行\n');
});

// ---------------------------------------------------------------------------------------------
// Sources

function tree(): string {
  const base = join(ROOT, 'src');
  const f = (rel: string, text = '通知') => put(join('src', rel), text);
  f('a.txt');
  f('公文/2023/b.gw');
  f('公文/2023/c.docx');
  f('公文/d.md');
  f('公文/E.TXT');
  f('公文/scan.pdf');
  f('公文/~$c.docx'); // Word's lock file
  f('node_modules/pkg/readme.md');
  f('.git/notes.txt');
  f('.hidden/h.txt');
  mkdirSync(join(base, 'dir.txt'), { recursive: true });
  f('dir.txt/inner.md');
  return base;
}

test('expandSources: a folder is walked (node_modules, .git, hidden folders, lock files skipped); sorted unique absolute paths', async () => {
  const base = tree();
  const files = await expandSources(['.', './公文', join(base, 'a.txt')], { cwd: base });
  assert.deepEqual(files, ['a.txt', 'dir.txt/inner.md', '公文/2023/b.gw', '公文/2023/c.docx', '公文/E.TXT', '公文/d.md'].map((x) => join(base, x)).sort());
});

test('expandSources: globs (**/*.txt, 公文/**/*.docx, braces, absolute) give only files of supported kinds', async () => {
  const base = tree();
  assert.deepEqual(await expandSources(['**/*.txt'], { cwd: base }), [join(base, 'a.txt')]); // not the folder dir.txt, not .hidden or .git
  assert.deepEqual(await expandSources(['公文/**/*.docx'], { cwd: base }), [join(base, '公文/2023/c.docx')]);
  assert.deepEqual(await expandSources(['公文/**/*.{gw,md}'], { cwd: base }), [join(base, '公文/2023/b.gw'), join(base, '公文/d.md')]);
  assert.deepEqual(await expandSources([join(base, '公文', '*')], { cwd: '/' }), [join(base, '公文/E.TXT'), join(base, '公文/d.md')]);
});

test('expandSourcesDetailed: missing paths, unsupported files and empty globs are reported, not thrown', async () => {
  const base = tree();
  const res = await expandSourcesDetailed(['nope', '公文/scan.pdf', 'none/**/*.txt', 'a.txt'], { cwd: base });
  assert.deepEqual(res.files, [join(base, 'a.txt')]);
  assert.deepEqual(res.problems, [
    { source: 'nope', reason: '路径不存在' },
    { source: '公文/scan.pdf', reason: '不支持的文件类型（.pdf），只读取 .txt、.md、.gw 和 .docx' },
    { source: 'none/**/*.txt', reason: '没有匹配的 .txt、.md、.gw 或 .docx 文件' },
  ]);
});

test('expandSources: symbolic links are followed once, a link loop ends, a file is listed once', async (t) => {
  const base = join(ROOT, 'links');
  put('links/real/a.txt', '通知');
  try {
    symlinkSync(join(base, 'real'), join(base, 'alias'), 'dir');
    symlinkSync(base, join(base, 'real', 'loop'), 'dir');
    symlinkSync(join(base, 'real', 'a.txt'), join(base, 'b.txt'));
  } catch {
    t.skip('symbolic links not permitted here');
    return;
  }
  assert.deepEqual(await expandSources(['.'], { cwd: base }), [join(base, 'real', 'a.txt')]);
});

// ---------------------------------------------------------------------------------------------
// ingest

async function corpus(): Promise<{ files: string[]; good: number; bad: number }> {
  const dir = 'corpus';
  const good = [
    put(`${dir}/01-utf8.txt`, NOTICE),
    put(`${dir}/02-gb.txt`, iconv.encode(NOTICE, 'gb18030')),
    put(`${dir}/03-big5.txt`, iconv.encode(TRADITIONAL, 'big5')),
    put(`${dir}/04-le.gw`, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(NOTICE, 'utf16le')])),
    put(`${dir}/05.docx`, docx(p(r('一')) + p(r('二')))),
    put(`${dir}/06.md`, '# 标题\n正文'),
    put(`${dir}/07-be.txt`, iconv.encode(NOTICE, 'utf16be')),
  ];
  const bad = [put(`${dir}/08-empty.txt`, ''), put(`${dir}/09-bad.docx`, 'PK garbage'), put(`${dir}/10-bin.txt`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff]))];
  mkdirSync(join(ROOT, dir, '11-dir.txt'), { recursive: true });
  const files = await expandSources([dir], { cwd: ROOT });
  return { files: [...files, join(ROOT, dir, '11-dir.txt'), join(ROOT, dir, '12-missing.txt')], good: good.length, bad: bad.length + 2 };
}

test('ingest: documents with text, encoding, kind, size and mtime; skipped with reasons; progress counts 1 … total', async () => {
  const { files, good, bad } = await corpus();
  const progress: [number, number, string][] = [];
  const res = await ingest(files, { onProgress: (done, total, file) => progress.push([done, total, file]), concurrency: 3 });
  assert.equal(res.cancelled, false);
  assert.equal(res.documents.length, good);
  assert.equal(res.skipped.length, bad);
  assert.deepEqual(
    res.documents.map((d) => [d.path.slice(d.path.lastIndexOf('/') + 1), d.encoding, d.kind]),
    [['01-utf8.txt', 'utf-8', 'txt'], ['02-gb.txt', 'gb18030', 'txt'], ['03-big5.txt', 'big5', 'txt'], ['04-le.gw', 'utf-16le-bom', 'gw'], ['05.docx', 'utf-8', 'docx'], ['06.md', 'utf-8', 'md'], ['07-be.txt', 'utf-16be', 'txt']],
  );
  for (const d of res.documents) {
    assert.ok(d.size > 0 && d.mtimeMs > 0);
    if (/0[1247]-/.test(d.path)) assert.equal(d.text, NOTICE);
  }
  assert.deepEqual(
    res.skipped.map((s) => [s.path.slice(s.path.lastIndexOf('/') + 1), s.reason.replace(/：.*/, '：…')]),
    [['08-empty.txt', '文件为空'], ['09-bad.docx', '无法解析的 .docx：…'], ['10-bin.txt', '二进制文件'], ['11-dir.txt', '是文件夹，不是文件'], ['12-missing.txt', '文件不存在']],
  );
  assert.deepEqual(progress.map(([d]) => d), files.map((_, i) => i + 1));
  assert.ok(progress.every(([, t]) => t === files.length));
  assert.deepEqual(progress.map(([, , f]) => f).sort(), [...files].sort());
  // the same result one file at a time
  const serial = await ingest(files, { concurrency: 1 });
  assert.deepEqual(serial, res);
});

test('ingest: cancellation stops early and returns what was done, flagged cancelled', async () => {
  const { files } = await corpus();
  const ac = new AbortController();
  let calls = 0;
  const res = await ingest(files, {
    concurrency: 1,
    signal: ac.signal,
    onProgress: (done) => {
      calls = done;
      if (done === 3) ac.abort();
    },
  });
  assert.equal(res.cancelled, true);
  assert.equal(calls, 3);
  assert.equal(res.documents.length + res.skipped.length, 3);
  assert.deepEqual(res.documents.map((d) => d.path), files.slice(0, 3));

  const pre = new AbortController();
  pre.abort();
  const none = await ingest(files, { signal: pre.signal });
  assert.deepEqual(none, { documents: [], skipped: [], cancelled: true });

  const full = await ingest(files, { signal: new AbortController().signal });
  assert.equal(full.cancelled, false);
  assert.equal(full.documents.length + full.skipped.length, files.length);
});

test('ingest: an empty list, and duplicate paths read once', async () => {
  assert.deepEqual(await ingest([]), { documents: [], skipped: [], cancelled: false });
  const f = put('dup/a.txt', NOTICE);
  const res = await ingest([f, f, join(ROOT, 'dup', '.', 'a.txt')]);
  assert.equal(res.documents.length, 1);
});

test('ingest: an exception in the caller’s progress callback is passed on, not swallowed', async () => {
  const { files } = await corpus();
  await assert.rejects(
    ingest(files, {
      onProgress: () => {
        throw new Error('callback failed');
      },
    }),
    /callback failed/,
  );
});

test('documentXmlLines: a WordprocessingML prefix other than w: is understood', () => {
  const xml = `<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>甲</x:t><x:tab/><x:t>乙</x:t></x:r></x:p><x:p><x:r><x:t>丙</x:t></x:r></x:p></x:body></x:document>`;
  assert.deepEqual(documentXmlLines(xml), ['甲\t乙', '丙']);
});
