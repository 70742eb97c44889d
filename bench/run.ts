// `npm run bench`: the engine and server speed targets of the foundation issue, reported as medians.
// Not a test: nothing here asserts a time. Machine and Node version are printed with the numbers.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Draft, LineCache } from '../server/src/engine';
import { TestClient } from '../test/lsp/client';

const PARAGRAPHS = [
  '　　为深入贯彻落实党中央、国务院关于安全生产工作的决策部署，进一步压实各级各类学校安全管理责任，有效防范化解重大安全风险，切实保障广大师生生命财产安全，现就做好有关工作通知如下。',
  '　　各单位要严格落实安全生产“党政同责、一岗双责、齐抓共管、失职追责”，主要负责人是本单位安全生产第一责任人，对安全生产工作全面负责；分管负责人要履行直接领导责任。',
  '　　要建立健全安全风险分级管控和隐患排查治理双重预防机制，对校舍、实验室、食堂、宿舍等重点部位开展拉网式排查，做到排查无死角、整改无遗漏（详见附件1）。',
  '　　要加强安全宣传教育，结合“安全生产月”“全国中小学生安全教育日”等活动，广泛开展应急疏散演练，不断提高师生安全意识和自救互救能力。',
];

/** A realistic 通知 of about `chars` characters with headings at all four levels. */
export function makeDocument(chars: number): string {
  const lines = ['青海省教育厅文件', '青教发〔2023〕8号', '关于做好2023年全省教育系统安全生产工作的通知', '各市州教育局，厅直属各单位：'];
  let n1 = 0;
  let size = 0;
  const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  while (size < chars) {
    n1++;
    const h1 = `　　${n1 <= 10 ? CN[n1 - 1] : '十' + CN[(n1 - 11) % 10]}、第${n1}项重点工作`;
    lines.push(h1);
    for (let n2 = 1; n2 <= 3; n2++) {
      lines.push(`　　（${CN[n2 - 1]}）加强第${n2}方面的管理。`);
      for (let n3 = 1; n3 <= 2; n3++) {
        lines.push(`　　${n3}.具体措施。${PARAGRAPHS[(n1 + n2 + n3) % PARAGRAPHS.length]}`);
        lines.push(PARAGRAPHS[(n1 * 3 + n2 + n3) % PARAGRAPHS.length]);
      }
    }
    size = lines.reduce((s, l) => s + l.length + 1, 0);
  }
  lines.push('　　特此通知。', '', '　　附件：1.安全隐患排查表', '　　　　　2.工作总结模板', '', '青海省教育厅', '2023年3月5日');
  return lines.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))];
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main(): Promise<void> {
  const doc = makeDocument(30000);
  const results: Record<string, number> = {};
  console.log(`机器：${cpus().length} 核 ${cpus()[0]?.model ?? ''}，Node ${process.version}`);
  console.log(`文档：${doc.length} 字符，${doc.split('\n').length} 行`);

  // Full lint, cold line cache (every line analysed), after JIT warm-up.
  for (let i = 0; i < 20; i++) new Draft(doc, new LineCache()).lint();
  results.fullColdCacheMs = median(Array.from({ length: 50 }, () => time(() => new Draft(doc, new LineCache()).lint())));
  // Full lint with a warm line cache (a re-open, or a file whose lines the server has seen).
  const cache = new LineCache();
  new Draft(doc, cache).lint();
  results.fullWarmCacheMs = median(Array.from({ length: 50 }, () => time(() => new Draft(doc, cache).lint())));

  // One-character edits in the middle of the document, each followed by a full re-check.
  const draft = new Draft(doc);
  draft.lint();
  const mid = Math.floor(draft.lineCount / 2);
  const edits: number[] = [];
  for (let i = 0; i < 500; i++) {
    const line = mid + (i % 40);
    edits.push(time(() => {
      draft.applyEdit({ start: { line, character: 4 }, end: { line, character: 4 } }, '安');
      draft.lint();
    }));
  }
  results.editMedianMs = median(edits);
  results.editP99Ms = p99(edits);

  // Server: cold start to first diagnostics for the 30k document, and edit → diagnostics round trip.
  const starts: number[] = [];
  const rounds: number[] = [];
  let peakKb = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = process.hrtime.bigint();
    const c = new TestClient();
    await c.initialize();
    await c.open('file:///bench/doc.gw', doc);
    await c.diagnostics('file:///bench/doc.gw');
    starts.push(Number(process.hrtime.bigint() - t0) / 1e6);
    for (let i = 0; i < 30; i++) {
      const n = c.published.length;
      const t = process.hrtime.bigint();
      await c.change('file:///bench/doc.gw', i + 2, [{ range: { start: { line: 20 + i, character: 4 }, end: { line: 20 + i, character: 4 } }, text: '安' }]);
      await c.diagnostics('file:///bench/doc.gw', (p) => p.version === i + 2, n);
      rounds.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    try {
      const status = readFileSync(`/proc/${c.proc.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, parseInt(/VmHWM:\s+(\d+)/.exec(status)![1], 10));
    } catch { /* not Linux */ }
    await c.shutdown();
  }
  results.serverColdStartToDiagnosticsMs = median(starts);
  results.serverEditRoundTripMs = median(rounds);
  results.serverPeakRssMb = peakKb / 1024;

  console.log(`整篇检查（行缓存冷）        中位数 ${ms(results.fullColdCacheMs)}   目标 < 5 ms`);
  console.log(`整篇检查（行缓存热）        中位数 ${ms(results.fullWarmCacheMs)}`);
  console.log(`改一个字后重新检查          中位数 ${ms(results.editMedianMs)}，p99 ${ms(results.editP99Ms)}   目标 < 1 ms`);
  console.log(`服务器冷启动到首批诊断      中位数 ${ms(results.serverColdStartToDiagnosticsMs)}   目标 < 300 ms`);
  console.log(`LSP 改一个字到收到新诊断    中位数 ${ms(results.serverEditRoundTripMs)}`);
  console.log(`服务器峰值内存（VmHWM）     ${results.serverPeakRssMb.toFixed(1)} MB`);
  console.log(JSON.stringify(results));
}

if (require.main === module) void main();
