// Reading drafts from disk for the CLI: decode UTF-8 (with or without BOM), UTF-16 with BOM, or
// GB18030/GBK; refuse binary files with a clear reason instead of producing garbage.

import { readFileSync, statSync } from 'node:fs';

export class UnreadableFileError extends Error {}

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function decodeBuffer(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) throw new UnreadableFileError('是二进制文件（含有 NUL 字节），不是文本');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(buf);
    } catch {
      throw new UnreadableFileError('既不是有效的 UTF-8，也不是有效的 GB18030/GBK 编码');
    }
  }
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
