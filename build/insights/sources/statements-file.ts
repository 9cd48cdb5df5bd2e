// Source: a JSON-lines statement file, as LRSs export it. DuckDB reads the file itself; this file
// only turns its failures into messages an education lead can act on.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CourseModel } from '../course-model.js';
import type { Db } from '../db.js';
import { loadStatementsSql, UNKNOWN_VERBS } from '../schema.js';
import { InsightsError } from '../errors.js';

export async function loadStatementsFile(db: Db, file: string, course: CourseModel, includeReflections: boolean): Promise<void> {
  if (!existsSync(file)) throw new InsightsError(`${file}: no such file`);
  if (statSync(file).size === 0) throw new InsightsError(`${file} is empty: there are no statements to report on`);
  try {
    await db.run(loadStatementsSql(file, course, includeReflections));
  } catch (e) {
    // Only on failure: find the first bad line ourselves (DuckDB may name the line after an
    // unterminated string), so the message points where to look.
    const bad = await firstBadLine(file);
    if (bad) throw new InsightsError(`${file}: line ${bad.line} is not a JSON statement (every line must be one xAPI statement): ${bad.start}…`);
    throw new InsightsError(`${file}: cannot read the statements: ${String((e as Error).message ?? e).split('\n')[0]}`);
  }
  const unknown = await db.rows<{ verb_id: string | null; n: string }>(UNKNOWN_VERBS);
  if (unknown.length) {
    const list = unknown.map((u) => `${u.verb_id ?? '(no verb)'} (${u.n}×)`).join(', ');
    throw new InsightsError(`${file}: statements about this course use verbs it never sends: ${list}. Is this an export of another course, or was it edited?`);
  }
}

async function firstBadLine(file: string): Promise<{ line: number; start: string } | null> {
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    try {
      const v = JSON.parse(text);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return { line, start: text.slice(0, 40) };
    } catch {
      return { line, start: text.slice(0, 40) };
    }
  }
  return null;
}
