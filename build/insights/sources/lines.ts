// Reading a statement export line by line, only to point at a bad line: DuckDB does the real
// reading. Lines are split on \n (JSON lines), numbered from 1; gzipped files are read through gunzip.
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

export const isGzip = (file: string) => /\.gz$/i.test(file);

/** Calls `visit` with each line's number and bytes (without the \n) until it returns true. */
export async function forEachLine(file: string, visit: (n: number, line: Buffer) => boolean | void): Promise<void> {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream = isGzip(file) ? raw.pipe(createGunzip()) : raw;
  let n = 0;
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
        if (visit(++n, buf.subarray(start, nl))) return;
        start = nl + 1;
      }
      rest = Buffer.from(buf.subarray(start));
    }
    if (rest.length) visit(++n, rest);
  } finally {
    raw.destroy();
  }
}

/** Why a line is not an xAPI statement, or null when it is one (or blank, which readers skip). A
 *  statement is a JSON object with actor, verb and object (xAPI 1.0.3, Part Two, 2.2). */
export function lineProblem(line: Buffer): string | null {
  const text = line.toString('utf8').trim();
  if (text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const s = value as Record<string, unknown>;
  const missing = ['actor', 'verb', 'object'].filter((k) => s[k] === null || typeof s[k] !== 'object');
  return missing.length ? `not an xAPI statement (no ${missing.join(', ')})` : null;
}

export interface BadLine { file: string; line: number; reason: string; start: string }

const startOf = (line: Buffer) => line.subarray(0, 60).toString('utf8').replace(/[\r\n\t]/g, ' ');

/** Every bad line of a file, or the first `limit` of them. */
export async function badLines(file: string, limit = Infinity): Promise<BadLine[]> {
  const found: BadLine[] = [];
  await forEachLine(file, (n, line) => {
    const reason = lineProblem(line);
    if (reason) found.push({ file, line: n, reason, start: startOf(line) });
    return found.length >= limit;
  });
  return found;
}

/** The bad line among lines `from`..`to` of a file (DuckDB names a bad line only roughly). */
export async function badLineNear(file: string, from: number, to: number): Promise<BadLine | null> {
  let hit: BadLine | null = null;
  await forEachLine(file, (n, line) => {
    if (n < from) return false;
    const reason = lineProblem(line);
    if (reason) hit = { file, line: n, reason, start: startOf(line) };
    return hit !== null || n >= to;
  });
  return hit;
}

/** A plain file's last line, checked without reading the file: an export cut off mid-write is the
 *  commonest bad line, and it would otherwise be met only at the end of the whole read. */
export async function badLastLine(file: string): Promise<BadLine | null> {
  if (isGzip(file)) return null;
  const size = statSync(file).size;
  const tail = Buffer.alloc(Math.min(size, (1 << 20) + 2));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
  let end = tail.length;
  while (end > 0 && (tail[end - 1] === 10 || tail[end - 1] === 13 || tail[end - 1] === 32)) end--;
  const start = tail.lastIndexOf(10, end - 1) + 1;
  if (start === 0 && tail.length < size) return null; // a last line longer than any statement may be: leave it to the reader
  const last = tail.subarray(start, end);
  const reason = lineProblem(last);
  if (!reason) return null;
  // Its number: one more than the lines before it.
  const offset = size - tail.length + start;
  return { file, line: newlinesBefore(file, offset) + 1, reason, start: startOf(last) };
}

/** The number of \n bytes in a plain file before `offset`, read in large blocks. */
function newlinesBefore(file: string, offset: number): number {
  const block = Buffer.alloc(1 << 22);
  const fd = openSync(file, 'r');
  let count = 0;
  try {
    for (let pos = 0; pos < offset; ) {
      const n = readSync(fd, block, 0, Math.min(block.length, offset - pos), pos);
      if (n === 0) break;
      for (let i = block.indexOf(10, 0); i !== -1 && i < n; i = block.indexOf(10, i + 1)) count++;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}
