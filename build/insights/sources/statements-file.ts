// Source: an LRS's statement export: JSON-lines files, plain or gzipped, given one by one or as a
// folder (LRSs export one file a day). DuckDB reads them all in one query; this file lists them,
// and turns a bad line into a message that names it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CourseModel } from '../course-model.js';
import type { Db } from '../db.js';
import { loadStatementsSql, NOT_A_STATEMENT, REMOVE_VOIDED, UNKNOWN_VERBS } from '../schema.js';
import { InsightsError } from '../errors.js';
import { badLastLine, badLineNear, badLines, type BadLine } from './lines.js';

const EXPORT_FILE = /\.(jsonl|ndjson)(\.gz)?$/i;

/** The files behind each --statements path: the file itself, or a folder's JSON-lines files in name order. */
export function statementFiles(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!existsSync(p)) throw new InsightsError(`${p}: no such file or folder`);
    if (!statSync(p).isDirectory()) return [p];
    const files = readdirSync(p).filter((f) => EXPORT_FILE.test(f)).sort().map((f) => join(p, f));
    if (!files.length) throw new InsightsError(`${p}: this folder holds no statement files (.jsonl, .jsonl.gz, .ndjson or .ndjson.gz)`);
    return files;
  });
}

const describe = (b: BadLine) => `${b.file}: line ${b.line} is not a JSON statement: ${b.reason}: ${b.start}…`;
const SKIP_HINT = '--skip-invalid skips such lines and lists each';

export interface StatementsLoad { files: string[]; skipped: BadLine[] }

export async function loadStatements(db: Db, paths: string[], course: CourseModel, o: { includeReflections: boolean; skipInvalid: boolean; warn(line: string): void }): Promise<StatementsLoad> {
  const files = statementFiles(paths).filter((f) => statSync(f).size > 0);
  if (!files.length) throw new InsightsError(`${paths.join(', ')} ${paths.length > 1 ? 'are' : 'is'} empty: there are no statements to report on`);
  if (!o.skipInvalid) {
    for (const f of files) {
      const bad = await badLastLine(f);
      if (bad) throw new InsightsError(`${describe(bad)} (${SKIP_HINT})`);
    }
  }
  try {
    await db.run(loadStatementsSql(files, course, o));
  } catch (e) {
    throw new InsightsError(await readFailure(String((e as Error).message ?? e)));
  }
  // Lines DuckDB read as something other than a statement: found again here, in their files only.
  const suspects = await db.rows<{ file: string; n: string }>(`SELECT learner AS file, count(*) AS n FROM events WHERE verb = '${NOT_A_STATEMENT}' GROUP BY ALL ORDER BY file`);
  const skipped: BadLine[] = [];
  for (const { file, n } of suspects) {
    const found = await badLines(file, o.skipInvalid ? Infinity : 1);
    if (!o.skipInvalid) throw new InsightsError(`${describe(found[0] ?? { file, line: 0, reason: 'not a statement', start: '' })} (${SKIP_HINT})`);
    if (found.length !== Number(n)) o.warn(`insights: ${file}: ${n} lines are not statements, of which these ${found.length} were found again:`);
    for (const b of found) {
      o.warn(`insights: skipped ${describe(b)}`);
      skipped.push(b);
    }
  }
  await db.run(`DELETE FROM events WHERE verb = '${NOT_A_STATEMENT}'`);
  await db.run(REMOVE_VOIDED);
  const unknown = await db.rows<{ verb_id: string | null; n: string }>(UNKNOWN_VERBS);
  if (unknown.length) {
    const list = unknown.map((u) => `${u.verb_id ?? '(no verb)'} (${u.n}×)`).join(', ');
    throw new InsightsError(`${paths.join(', ')}: statements about this course use verbs it never sends: ${list}. Is this an export of another course, or was it edited?`);
  }
  return { files, skipped };
}

/** DuckDB stops at the first line it cannot read and names it (roughly: its count can be one
 *  off); the line is found and quoted from the file itself. */
async function readFailure(message: string): Promise<string> {
  const m = /(?:Malformed JSON|JSON transform error) in file "(.+?)",(?: at byte \d+)? in line (\d+): (.*)/.exec(message);
  if (!m) return `cannot read the statements: ${message.split('\n')[0]}`;
  const [, file, lineText, why] = m;
  const line = Number(lineText);
  const bad = await badLineNear(file, Math.max(1, line - 2), line + 1);
  return bad ? `${describe(bad)} (${SKIP_HINT})` : `${file}: line ${line - 1} or ${line} cannot be read as a statement: ${why.trim()} (${SKIP_HINT})`;
}
