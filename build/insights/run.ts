// One run of the insights tool: load a source into DuckDB, compute, write the three outputs into a
// temporary folder beside --out, and only then rename it into place, so a failure never leaves a
// half-written output folder.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadCourseModel } from './course-model.js';
import { computeInsights } from './compute.js';
import { openDb, sqlString } from './db.js';
import { InsightsError } from './errors.js';
import { createModulesTable } from './queries.js';
import { CREATE_EVENTS } from './schema.js';
import { loadStatementsFile } from './sources/statements-file.js';
import { fetchCertificates, fetchStatements } from './sources/lrs.js';
import { loadMoodleReports } from './sources/moodle-csv.js';
import { freeTextCsv, inProgressCsv, registerCsv } from './outputs/register.js';
import { itemsCsv } from './outputs/items.js';
import { reportHtml } from './outputs/report-html.js';

export type Source =
  | { kind: 'statements'; file: string }
  | { kind: 'lrs'; endpoint: string; auth: string; since?: string; timeoutMs: number; pageSize?: number }
  | { kind: 'moodle'; interactions: string[]; basics: string[] };

export interface RunOptions { source: Source; out: string; contentRoot: string; includeReflections: boolean; now?: Date }
export interface RunSummary { learners: number; passed: number; inProgress: number; items: number; events: number }

function sourceName(s: Source): string {
  if (s.kind === 'statements') return `statement file ${basename(s.file)}`;
  if (s.kind === 'lrs') return `LRS ${s.endpoint}${s.since ? ` since ${s.since}` : ''}`;
  return `Moodle reports (${[...s.interactions, ...s.basics].map((f) => basename(f)).join(', ')})`;
}

export async function runInsights(o: RunOptions): Promise<RunSummary> {
  const out = resolve(o.out);
  mkdirSync(dirname(out), { recursive: true });
  const work = `${out}.partial-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, '.db'), { recursive: true });
  const course = loadCourseModel(o.contentRoot);
  const db = await openDb(join(work, '.db'));
  try {
    await db.run(CREATE_EVENTS);
    await db.run(createModulesTable(course));
    const s = o.source;
    if (s.kind === 'statements') await loadStatementsFile(db, resolve(s.file), course, o.includeReflections);
    else if (s.kind === 'moodle') await loadMoodleReports(db, s.interactions.map((f) => resolve(f)), s.basics.map((f) => resolve(f)), course, o.includeReflections);
    else {
      const file = join(work, '.db', 'statements.jsonl');
      const { count, passes } = await fetchStatements(s, course, file);
      if (count === 0) throw new InsightsError(`the LRS at ${s.endpoint} holds no statements about ${course.iri}${s.since ? ` since ${s.since}` : ''}`);
      await loadStatementsFile(db, file, course, o.includeReflections);
      for (const c of await fetchCertificates(s, course, passes)) {
        await db.run(`INSERT INTO certificates VALUES (${sqlString(c.learner)}, ${c.attempt === null ? 'NULL' : sqlString(c.attempt)}, ${c.attestedMinutes ?? 'NULL'}, ${c.certificateId === null ? 'NULL' : sqlString(c.certificateId)})`);
      }
    }
    const [{ n }] = await db.rows<{ n: string }>('SELECT count(*) AS n FROM events');
    if (Number(n) === 0) throw new InsightsError(`${sourceName(s)} has nothing about this course (${course.iri}): no learner to report on`);
    const insights = await computeInsights(db, course);
    writeFileSync(join(work, 'cme-register.csv'), registerCsv(insights.register, course));
    writeFileSync(join(work, 'in-progress.csv'), inProgressCsv(insights.inProgress));
    writeFileSync(join(work, 'items.csv'), itemsCsv(insights.items));
    if (o.includeReflections) writeFileSync(join(work, 'reflections.csv'), freeTextCsv(insights.freeText));
    writeFileSync(join(work, 'report.html'), reportHtml(insights, course, { source: sourceName(s), generatedAt: (o.now ?? new Date()).toISOString(), hasTimes: s.kind !== 'moodle' }));
    db.close();
    rmSync(join(work, '.db'), { recursive: true, force: true });
    if (existsSync(out)) rmSync(out, { recursive: true, force: true });
    renameSync(work, out);
    return { learners: insights.slices[0][1].learners, passed: insights.register.length, inProgress: insights.inProgress.length, items: insights.items.length, events: Number(n) };
  } catch (e) {
    try {
      db.close();
    } catch {
      // already closed
    }
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}
