// One run of the insights tool: load a source into DuckDB, compute, write the outputs into a
// temporary folder beside --out, and only then put it in place of --out (out-folder.ts), so a
// failure or an interruption never leaves a half-written output folder, and no file of the user's
// is ever deleted.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadCourseModel } from './course-model.js';
import { computeInsights } from './compute.js';
import { openDb, sqlString } from './db.js';
import { InsightsError } from './errors.js';
import { abandonWork, checkOut, finishWork, removeStaleWork, startWork } from './out-folder.js';
import { createModulesTable, EVENT_COUNT } from './queries.js';
import { CREATE_EVENTS } from './schema.js';
import { loadStatements } from './sources/statements-file.js';
import type { BadLine } from './sources/lines.js';
import { fetchCertificates, fetchStatements } from './sources/lrs.js';
import { loadMoodleReports } from './sources/moodle-csv.js';
import { freeTextCsv, inProgressCsv, registerCsv } from './outputs/register.js';
import { itemsCsv } from './outputs/items.js';
import { reportHtml } from './outputs/report-html.js';

export type Source =
  | { kind: 'statements'; paths: string[]; skipInvalid: boolean }
  | { kind: 'lrs'; endpoint: string; auth: string; since?: string; timeoutMs: number; pageSize?: number }
  | { kind: 'moodle'; interactions: string[]; basics: string[] };

export interface RunOptions {
  source: Source;
  out: string;
  contentRoot: string;
  includeReflections: boolean;
  /** The IANA time zone dates are written in, and Moodle's reports are read in; UTC when null. */
  tz?: string | null;
  now?: Date;
  /** Warnings (a skipped line, an assumed time zone), one line each, as they arise. */
  warn?: (line: string) => void;
}
export interface RunSummary { learners: number; passed: number; inProgress: number; items: number; events: number; skipped: BadLine[]; zone: string }

function sourceName(s: Source): string {
  if (s.kind === 'statements') return `statement export ${s.paths.map((p) => basename(p)).join(', ')}`;
  if (s.kind === 'lrs') return `LRS ${s.endpoint}${s.since ? ` since ${s.since}` : ''}`;
  return `Moodle reports (${[...s.interactions, ...s.basics].map((f) => basename(f)).join(', ')})`;
}

export async function runInsights(o: RunOptions): Promise<RunSummary> {
  const out = resolve(o.out);
  const warn = o.warn ?? (() => {});
  checkOut(out);
  mkdirSync(dirname(out), { recursive: true });
  for (const dir of removeStaleWork(out)) warn(`insights: removed ${dir}, left by an interrupted run`);
  const zone = o.tz ?? 'UTC';
  const s = o.source;
  if (s.kind === 'moodle' && !o.tz) {
    warn(`insights: Moodle's reports give times without a time zone; they are read, and every date is written, as UTC. Give --tz with the time zone of the Moodle user who downloaded them (e.g. --tz Europe/London).`);
  }
  const work = startWork(out);
  const course = loadCourseModel(o.contentRoot);
  const dbDir = join(work, '.db');
  mkdirSync(dbDir);
  const db = await openDb(dbDir);
  try {
    await db.run(CREATE_EVENTS);
    await db.run(createModulesTable(course));
    let skipped: BadLine[] = [];
    if (s.kind === 'statements') {
      skipped = (await loadStatements(db, s.paths.map((p) => resolve(p)), course, { includeReflections: o.includeReflections, skipInvalid: s.skipInvalid, warn })).skipped;
    } else if (s.kind === 'moodle') await loadMoodleReports(db, s.interactions.map((f) => resolve(f)), s.basics.map((f) => resolve(f)), course, o.includeReflections, zone);
    else {
      const file = join(dbDir, 'statements.jsonl');
      const { count, passes } = await fetchStatements(s, course, file);
      if (count === 0) throw new InsightsError(`the LRS at ${s.endpoint} holds no statements about ${course.iri}${s.since ? ` since ${s.since}` : ''}`);
      await loadStatements(db, [file], course, { includeReflections: o.includeReflections, skipInvalid: false, warn });
      for (const c of await fetchCertificates(s, course, passes)) {
        await db.run(`INSERT INTO certificates VALUES (${sqlString(c.learner)}, ${c.attempt === null ? 'NULL' : sqlString(c.attempt)}, ${c.attestedMinutes ?? 'NULL'}, ${c.certificateId === null ? 'NULL' : sqlString(c.certificateId)})`);
      }
    }
    const [{ n }] = await db.rows<{ n: string }>(EVENT_COUNT);
    if (Number(n) === 0) throw new InsightsError(`${sourceName(s)} has nothing about this course (${course.iri}): no learner to report on`);
    const insights = await computeInsights(db, course, zone);
    db.close();
    writeFileSync(join(work, 'cme-register.csv'), registerCsv(insights.register, course, zone));
    writeFileSync(join(work, 'in-progress.csv'), inProgressCsv(insights.inProgress, zone));
    writeFileSync(join(work, 'items.csv'), itemsCsv(insights.items));
    if (o.includeReflections) writeFileSync(join(work, 'reflections.csv'), freeTextCsv(insights.freeText, zone));
    writeFileSync(join(work, 'report.html'), reportHtml(insights, course, {
      source: sourceName(s), generatedAt: (o.now ?? new Date()).toISOString(), hasTimes: s.kind !== 'moodle', zone,
      zoneAssumed: s.kind === 'moodle' && !o.tz, skipped,
    }));
    rmSync(dbDir, { recursive: true, force: true });
    finishWork(work, out);
    return { learners: insights.slices[0][1].learners, passed: insights.register.length, inProgress: insights.inProgress.length, items: insights.items.length, events: Number(n), skipped, zone };
  } catch (e) {
    try {
      db.close();
    } catch {
      // already closed
    }
    abandonWork(work);
    throw e;
  }
}
