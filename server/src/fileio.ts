// Reading drafts from disk for the CLI: decoded like corpus files (UTF-8 with or without BOM, UTF-16,
// GB18030/GBK, Big5); binary files are refused with a clear reason instead of producing garbage.

import { readFileSync, statSync } from 'node:fs';
import { decodeText } from './corpus/decode';

export class UnreadableFileError extends Error {}

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Decoding is the corpus reader's (BOM, strict UTF-8, UTF-16 without BOM, GB18030/Big5); an empty file is an empty draft. */
export function decodeBuffer(buf: Buffer): string {
  if (buf.length === 0) return '';
  const r = decodeText(buf);
  if (!r.ok) throw new UnreadableFileError(r.reason);
  return r.text;
}

export function readDraft(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UnreadableFileError('是一个文件夹，不是文件');
    size = st.size;
  } catch (e) {
    if (e instanceof UnreadableFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : `无法读取（${code ?? String(e)}）`);
  }
  if (size > MAX_FILE_BYTES) throw new UnreadableFileError(`文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB）`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'EACCES' ? '没有读取权限' : `无法读取（${code ?? String(e)}）`);
  }
  return decodeBuffer(buf);
}
