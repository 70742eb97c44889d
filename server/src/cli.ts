// The gongwen command line: the same engine as the language server, for batch checks and CI.
//   gongwen lint [--format text|json] FILE…
//   gongwen parse --format json FILE…
//   gongwen lsp --stdio
import { readFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Draft, ELEMENT_LABELS, ModelError, parseModel, serializeModel, type CorpusModel, type Element, type Finding } from './engine';
import { learnFromSources } from './corpus/learn';
import { readDraft, UnreadableFileError } from './fileio';
import { loadDefaultModel } from './corpus/defaultModel';

const VERSION = '0.1.0';

const USAGE = `用法：
  gongwen lint [--format text|json] 文件…     检查公文格式，输出问题列表
  gongwen parse [--format json|text] 文件…    输出识别出的文种和各要素
  gongwen learn 路径… [-o 模型文件]           从文件夹、文件或通配符（.txt .md .gw .docx）学习语料模型
  gongwen lsp --stdio                         以标准输入输出运行语言服务器（供 Neovim、Emacs 等编辑器使用）

lint 可加 --model 模型文件，使用 learn 生成的模型代替内置默认模型。
  gongwen --version | --help

退出码：0 无错误；1 发现错误级别的问题；2 用法错误或文件无法读取。`;

function fail(message: string): never {
  process.stderr.write(`gongwen：${message}\n\n${USAGE}\n`);
  process.exit(2);
}

interface Parsed { format: 'text' | 'json'; files: string[]; model?: string; output?: string }

function parseArgs(args: string[], defaultFormat: 'text' | 'json', extra: ('model' | 'output')[] = []): Parsed {
  let format = defaultFormat;
  const files: string[] = [];
  let model: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (extra.includes('model') && a === '--model') {
      model = args[++i];
      if (!model) fail('--model 后面需要模型文件的路径');
    } else if (extra.includes('output') && (a === '-o' || a === '--output')) {
      output = args[++i];
      if (!output) fail(`${a} 后面需要输出文件的路径`);
    } else if (a === '--format' || a === '-f') {
      const v = args[++i];
      if (v !== 'text' && v !== 'json') fail(`--format 只能是 text 或 json，而不是 ${v === undefined ? '空' : `“${v}”`}`);
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'text' && v !== 'json') fail(`--format 只能是 text 或 json，而不是“${v}”`);
      format = v;
    } else if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') {
      fail(`不认识的选项“${a}”`);
    } else files.push(a);
  }
  if (files.length === 0) fail('没有指定要检查的文件');
  return { format, files, model, output };
}

function readInput(file: string): string {
  if (file === '-') return readFileSync(0, 'utf8');
  return readDraft(file);
}

const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', information: '提示', hint: '提示' };

function readModel(path: string): CorpusModel {
  try {
    const buf = readFileSync(path);
    return parseModel((path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8'));
  } catch (e) {
    const why = e instanceof ModelError ? e.message : (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : String((e as Error).message ?? e);
    process.stderr.write(`gongwen：无法使用模型 ${path}：${why}\n`);
    process.exit(2);
  }
}

function lint(args: string[]): number {
  const { format, files, model: modelPath } = parseArgs(args, 'text', ['model']);
  const model = modelPath ? readModel(modelPath) : loadDefaultModel().model;
  let exit = 0;
  const results: { file: string; type: string; diagnostics: unknown[] }[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readInput(file);
    } catch (e) {
      const why = e instanceof UnreadableFileError ? e.message : String(e);
      process.stderr.write(`gongwen：无法读取 ${file}：${why}\n`);
      exit = 2;
      continue;
    }
    const draft = new Draft(text);
    const findings = draft.lint({ model });
    if (exit === 0 && findings.some((f) => f.severity === 'error')) exit = 1;
    const type = draft.parsed.type;
    if (format === 'json') {
      results.push({ file, type, diagnostics: findings.map(toJson) });
    } else {
      printText(file, type, draft.parsed.subtype, findings);
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return exit;
}

function toJson(f: Finding) {
  const o: Record<string, unknown> = { rule: f.rule, severity: f.severity, message: f.message, range: f.range };
  if (f.fix) o.fix = f.fix;
  return o;
}

function printText(file: string, type: string, subtype: string | undefined, findings: Finding[]): void {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${SEVERITY_ZH[f.severity]} ${f.message} [${f.rule}]`);
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const typeText = subtype ? `${type}（${subtype}）` : type;
  lines.push(findings.length === 0
    ? `${file}：文种 ${typeText}，未发现问题`
    : `${file}：文种 ${typeText}，${findings.length} 个问题（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('information') + count('hint')}）`);
  process.stdout.write(lines.join('\n') + '\n');
}

function elementJson(e: Element): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: e.kind };
  if (e.level !== undefined) o.level = e.level;
  if (e.number !== undefined) o.number = e.number;
  o.text = e.text;
  if (e.title !== undefined) o.title = e.title;
  o.range = e.range;
  if (e.children && e.children.length) o.children = e.children.map(elementJson);
  return o;
}

function parse(args: string[]): number {
  const { format, files } = parseArgs(args, 'json');
  let exit = 0;
  const results: unknown[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readInput(file);
    } catch (e) {
      process.stderr.write(`gongwen：无法读取 ${file}：${e instanceof UnreadableFileError ? e.message : String(e)}\n`);
      exit = 2;
      continue;
    }
    const doc = new Draft(text).parsed;
    if (format === 'json') {
      const entry: Record<string, unknown> = { file, type: doc.type };
      if (doc.subtype) entry.subtype = doc.subtype;
      entry.elements = doc.elements.map(elementJson);
      results.push(entry);
    } else {
      process.stdout.write(`${file}：${doc.subtype ? `${doc.type}（${doc.subtype}）` : doc.type}\n`);
      for (const e of doc.elements) {
        const label = e.kind === 'heading' ? `${e.level}级标题` : ELEMENT_LABELS[e.kind];
        process.stdout.write(`  ${String(e.range.start.line + 1).padStart(4)}  ${label}：${e.text.length > 50 ? e.text.slice(0, 50) + '…' : e.text}\n`);
      }
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  return exit;
}

async function learn(args: string[]): Promise<number> {
  const { format, files: sources, output } = parseArgs(args, 'text', ['output']);
  const out = output ?? 'gongwen-model.json';
  const tty = process.stderr.isTTY;
  const { model, summary } = await learnFromSources(sources, (p) => {
    if (tty) process.stderr.write(`\r读取语料 ${p.done}/${p.total}`);
  });
  if (tty) process.stderr.write('\n');
  for (const p of summary.problems) process.stderr.write(`gongwen：${p.source}：${p.reason}\n`);
  for (const s of summary.skipped) process.stderr.write(`gongwen：跳过 ${s.path}：${s.reason}\n`);
  if (!model) {
    process.stderr.write('gongwen：没有可学习的文件\n');
    return 2;
  }
  const json = serializeModel(model);
  writeFileSync(out, out.endsWith('.gz') ? gzipSync(json) : json);
  const types = Object.fromEntries(Object.entries(model.types).map(([t, p]) => [t, p!.documents]));
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ output: out, ...summary, phrases: model.phrases.length, formulations: model.formulations.length, types, duplicateDocuments: model.stats.duplicateDocuments }, null, 2) + '\n');
  } else {
    process.stdout.write(`已学习 ${summary.documents} 个文件（跳过 ${summary.skipped.length} 个，近似重复 ${model.stats.duplicateDocuments} 个），用时 ${summary.seconds.toFixed(1)} 秒\n`);
    process.stdout.write(`短语 ${model.phrases.length} 个，固定提法 ${model.formulations.length} 条；文种：${Object.entries(types).map(([t, n]) => `${t} ${n}`).join('，') || '无'}\n`);
    process.stdout.write(`模型已写入 ${out}\n`);
  }
  return 0;
}

function main(argv: string[]): void {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'lint':
      process.exitCode = lint(rest);
      return;
    case 'parse':
      process.exitCode = parse(rest);
      return;
    case 'learn':
      learn(rest).then((code) => (process.exitCode = code), (e) => {
        process.stderr.write(`gongwen：学习失败：${(e as Error).stack ?? String(e)}\n`);
        process.exitCode = 2;
      });
      return;
    case 'lsp': {
      if (!rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
        fail('lsp 需要指定传输方式，例如 gongwen lsp --stdio');
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./lsp/server').startServer();
      return;
    }
    case '--version':
    case '-v':
      process.stdout.write(`gongwen ${VERSION}\n`);
      return;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE + '\n');
      if (cmd === undefined) process.exitCode = 2;
      return;
    default:
      fail(`不认识的子命令“${cmd}”`);
  }
}

// Writing to a closed pipe (gongwen lint … | head) must end quietly, not with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

// The same bundle serves as the learning worker thread (see corpus/learn.ts), so the package carries the engine once.
if (isMainThread) main(process.argv.slice(2));
else require('./corpus/learnWorker');
