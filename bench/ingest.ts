// `node out/bench/ingest.js`: corpus ingestion speed over ../shared/corpus (expandSources + ingest),
// decoding speed per encoding (the corpus re-encoded in memory), .docx extraction speed, and the
// bundle size each dependency of server/src/corpus adds. Not a test: nothing here asserts a time.
import { cpus } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { analyse } from 'chardet';
import { decodeText, docxText } from '../server/src/corpus/decode';
import { expandSources, ingest } from '../server/src/corpus/ingest';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const REPO = path.resolve(__dirname, '..', '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const now = () => Number(process.hrtime.bigint()) / 1e6;
const mb = (bytes: number) => bytes / 1048576;

async function timeIt(runs: number, fn: () => unknown): Promise<number> {
  await fn(); // warm-up (JIT, page cache)
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    await fn();
    ts.push(now() - t);
  }
  return median(ts);
}

async function bundleSize(label: string, contents: string): Promise<string> {
  try {
    const r = await build({ stdin: { contents, resolveDir: REPO, loader: 'ts' }, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node18', write: false, logLevel: 'silent' });
    const out = r.outputFiles[0].contents;
    return `${label.padEnd(44)} ${String(out.length).padStart(9)} B minified, ${String(gzipSync(out).length).padStart(8)} B gzipped`;
  } catch {
    return `${label.padEnd(44)} (not installed)`;
  }
}

async function main(): Promise<void> {
  console.log(`机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}`);

  // 1. the whole corpus from disk
  let files: string[] = [];
  const tExpand = await timeIt(5, async () => {
    files = await expandSources([CORPUS]);
  });
  let bytes = 0;
  let chars = 0;
  let skipped = 0;
  const encodings = new Map<string, number>();
  const tIngest = await timeIt(5, async () => {
    const res = await ingest(files);
    bytes = res.documents.reduce((s, d) => s + d.size, 0);
    chars = res.documents.reduce((s, d) => s + d.text.length, 0);
    skipped = res.skipped.length;
    encodings.clear();
    for (const d of res.documents) encodings.set(d.encoding, (encodings.get(d.encoding) ?? 0) + 1);
  });
  console.log(`\n语料 ${CORPUS}`);
  console.log(`expandSources：${files.length} 个文件，${tExpand.toFixed(1)} ms`);
  console.log(`ingest（读取 + 解码，默认并发 8）：${mb(bytes).toFixed(2)} MB，${chars} 字符，跳过 ${skipped}，${tIngest.toFixed(0)} ms → ${(mb(bytes) / (tIngest / 1000)).toFixed(1)} MB/s`);
  console.log(`编码：${[...encodings].map(([e, n]) => `${e} ${n}`).join('，')}`);
  for (const c of [1, 4]) {
    const t = await timeIt(3, () => ingest(files, { concurrency: c }));
    console.log(`  并发 ${c}：${t.toFixed(0)} ms → ${(mb(bytes) / (t / 1000)).toFixed(1)} MB/s`);
  }

  // 2. decoding alone, the corpus text re-encoded in memory (one buffer per document)
  const texts = (await ingest(files)).documents.map((d) => d.text);
  console.log('\n解码（内存中，每个文档一个缓冲区）：');
  // Big5 has no simplified characters: the corpus converted to Taiwan traditional (opencc-js cn2t),
  // only documents that Big5 represents exactly (WHATWG big5 decodes iconv-lite's bytes back)
  const toTw = (require('opencc-js/cn2t') as { Converter(o: { from: string; to: string }): (s: string) => string }).Converter({ from: 'cn', to: 'tw' });
  const traditional = texts.map(toTw);
  const cases: [string, string[], string][] = [
    ['utf-8', texts, 'utf8'],
    ['gb18030', texts, 'gb18030'],
    ['gb18030（繁体）', traditional, 'gb18030'],
    ['big5（繁体）', traditional, 'big5'],
    ['utf-16le（无 BOM）', texts, 'utf16le'],
    ['utf-16be（无 BOM）', texts, 'utf16be'],
  ];
  for (const [label, source, enc] of cases) {
    const pairs = source.map((t) => [t, enc === 'utf8' ? Buffer.from(t, 'utf8') : iconv.encode(t, enc)] as const).filter(([t, b]) => enc !== 'big5' || new TextDecoder('big5').decode(b) === t);
    const bufs = pairs.map(([, b]) => b);
    const total = bufs.reduce((s, b) => s + b.length, 0);
    let found = new Map<string, number>();
    let exact = 0;
    const t = await timeIt(5, () => {
      found = new Map();
      exact = 0;
      pairs.forEach(([text, b]) => {
        const r = decodeText(b);
        const k = r.ok ? r.encoding : r.reason;
        found.set(k, (found.get(k) ?? 0) + 1);
        if (r.ok && r.text === text) exact++;
      });
    });
    console.log(`  ${label.padEnd(16)} ${mb(total).toFixed(2).padStart(6)} MB，${String(bufs.length).padStart(4)} 个：${t.toFixed(0).padStart(5)} ms → ${(mb(total) / (t / 1000)).toFixed(1).padStart(6)} MB/s  文字完全一致 ${exact}/${bufs.length}；识别为 ${[...found].map(([e, n]) => `${e} ${n}`).join('，')}`);
  }
  const sample = iconv.encode(texts.join('\n'), 'gb18030').subarray(0, 64 * 1024);
  const tChardet = await timeIt(20, () => analyse(sample));
  console.log(`  chardet.analyse 64 KB 样本：${tChardet.toFixed(2)} ms → ${(mb(sample.length) / (tChardet / 1000)).toFixed(1)} MB/s`);

  // 3. .docx extraction: each corpus document as a one-paragraph-per-line .docx
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const docxs = texts.slice(0, 300).map((t) => {
    const body = t.split('\n').map((l) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
    return zipSync({ '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'), 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) });
  });
  const docxBytes = docxs.reduce((s, b) => s + b.length, 0);
  let docxChars = 0;
  const tDocx = await timeIt(5, () => {
    docxChars = 0;
    for (const d of docxs) {
      const r = docxText(d);
      if (r.ok) docxChars += r.text.length;
    }
  });
  console.log(`\n.docx 提取：${docxs.length} 个，${mb(docxBytes).toFixed(2)} MB（压缩后），${docxChars} 字符：${tDocx.toFixed(0)} ms → ${(mb(docxBytes) / (tDocx / 1000)).toFixed(1)} MB/s 文件，${(docxChars / (tDocx / 1000) / 1e6).toFixed(1)} M 字符/s`);

  // 4. bundle sizes (esbuild, minified, node platform)
  console.log('\n打包体积（esbuild --bundle --minify，各自单独打包）：');
  for (const [label, src] of [
    ["chardet { analyse }", "import { analyse } from 'chardet'; console.log(analyse);"],
    ["fflate { unzipSync }", "import { unzipSync } from 'fflate'; console.log(unzipSync);"],
    ["tinyglobby { glob, isDynamicPattern }", "import { glob, isDynamicPattern } from 'tinyglobby'; console.log(glob, isDynamicPattern);"],
    ['server/src/corpus/ingest.ts（含以上全部）', "export * from './server/src/corpus/ingest';"],
    ['对比：iconv-lite（只用于测试和基准）', "import iconv from 'iconv-lite'; console.log(iconv);"],
    ['对比：fast-glob', "import fg from 'fast-glob'; console.log(fg);"],
    ['对比：jschardet', "import j from 'jschardet'; console.log(j);"],
    ['对比：mammoth', "import m from 'mammoth'; console.log(m);"],
  ] as const) {
    console.log('  ' + (await bundleSize(label, src)));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
