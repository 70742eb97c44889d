// Runs the engine over ../shared/corpus and reports how often each element was found, how well the
// document type matches the corpus manifest, and the rate of error/warning findings per 10,000
// characters on published documents (the false-alarm check). `node out/bench/corpusReport.js`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Draft, type ElementKind, type RuleId } from '../server/src/engine';
import { loadDefaultModel } from '../server/src/corpus/defaultModel';

export const CORPUS_DIR = resolve(process.env.GONGWEN_CORPUS ?? join(__dirname, '..', '..', '..', 'shared', 'corpus'));

export interface CorpusReport {
  files: number;
  chars: number;
  elementCounts: Partial<Record<ElementKind, number>>;
  typeChecked: number;
  typeCorrect: number;
  typeMisses: { file: string; expected: string; got: string }[];
  publicChars: number;
  publicFindings: number;
  byRule: Partial<Record<RuleId, number>>;
  samples: { file: string; rule: RuleId; line: number; message: string; text: string }[];
  maxFileMs: number;
}

function manifest(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const p = join(dir, 'MANIFEST.tsv');
  if (!existsSync(p)) return m;
  for (const line of readFileSync(p, 'utf8').split('\n').slice(1)) {
    const [file, type] = line.split('\t');
    if (file && type) m.set(file, type);
  }
  return m;
}

function typeMatches(expected: string, type: string, subtype?: string): boolean {
  if (expected === '通知(印发/转发)') return type === '通知' && (subtype === '印发' || subtype === '转发' || subtype === '批转');
  if (expected === '答复(函)') return type === '函';
  return expected === type;
}

export function corpusReport(dir = CORPUS_DIR): CorpusReport {
  const types = manifest(dir);
  const model = loadDefaultModel().model;
  const r: CorpusReport = { files: 0, chars: 0, elementCounts: {}, typeChecked: 0, typeCorrect: 0, typeMisses: [], publicChars: 0, publicFindings: 0, byRule: {}, samples: [], maxFileMs: 0 };
  for (const sub of ['seeds', 'public']) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.txt')) continue;
      const text = readFileSync(join(folder, name), 'utf8');
      const t0 = performance.now();
      const draft = new Draft(text);
      const doc = draft.parsed;
      const findings = draft.lint({ model });
      r.maxFileMs = Math.max(r.maxFileMs, performance.now() - t0);
      r.files++;
      r.chars += text.length;
      const kinds = new Set(doc.elements.map((e) => e.kind));
      for (const k of kinds) r.elementCounts[k] = (r.elementCounts[k] ?? 0) + 1;
      const expected = types.get(name);
      if (expected) {
        r.typeChecked++;
        if (typeMatches(expected, doc.type, doc.subtype)) r.typeCorrect++;
        else r.typeMisses.push({ file: name, expected, got: doc.subtype ? `${doc.type}（${doc.subtype}）` : doc.type });
      }
      if (sub === 'public') {
        r.publicChars += text.length;
        for (const f of findings) {
          if (f.severity !== 'error' && f.severity !== 'warning') continue;
          r.publicFindings++;
          r.byRule[f.rule] = (r.byRule[f.rule] ?? 0) + 1;
          if (r.samples.filter((x) => x.rule === f.rule).length < 80) {
            const line = doc.lines[f.range.start.line].text;
            r.samples.push({ file: name, rule: f.rule, line: f.range.start.line + 1, message: f.message, text: line.slice(Math.max(0, f.range.start.character - 15), f.range.start.character + 25) });
          }
        }
      }
    }
  }
  return r;
}

export function perTenThousand(r: CorpusReport): number {
  return r.publicChars ? (r.publicFindings / r.publicChars) * 10000 : 0;
}

if (require.main === module) {
  const r = corpusReport();
  const pct = (n: number) => `${((n / r.files) * 100).toFixed(1)}%`;
  console.log(`语料：${r.files} 个文件，${(r.chars / 1e6).toFixed(2)} M 字符（${CORPUS_DIR}）`);
  console.log('\n要素识别频率（含该要素的文件占比）：');
  for (const [k, n] of Object.entries(r.elementCounts).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(18)} ${String(n).padStart(5)}  ${pct(n)}`);
  console.log(`\n文种识别：${r.typeCorrect}/${r.typeChecked} = ${((r.typeCorrect / r.typeChecked) * 100).toFixed(1)}% 与 MANIFEST 一致`);
  for (const m of r.typeMisses.slice(0, 15)) console.log(`  ${m.file}: 应为 ${m.expected}，识别为 ${m.got}`);
  console.log(`\n误报检查（public/ 中 error+warning）：${r.publicFindings} 条 / ${(r.publicChars / 1e4).toFixed(0)} 万字符 = ${perTenThousand(r).toFixed(2)} 条/万字符`);
  for (const [k, n] of Object.entries(r.byRule).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(22)} ${n}`);
  console.log(`单个文件最长用时 ${r.maxFileMs.toFixed(1)} ms`);
  if (process.argv.includes('--samples')) for (const s of r.samples) console.log(`${s.file}:${s.line} [${s.rule}] ${s.message} | ${s.text}`);
}
