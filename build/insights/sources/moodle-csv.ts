// Source: the CSV files Moodle's SCORM reports download (Reports → Interactions, and Basic report;
// Download → CSV, which Moodle writes tab-separated). One row per attempt; the Interactions report
// has one Question/Response/Right answer/Result group per answer. The activity's column is named
// after the SCO's title, which says the course and its language.
import { existsSync, readFileSync } from 'node:fs';
import type { Lang } from '../../../src/content/types.js';
import { isScoredType, urnPrefix, type CourseModel } from '../course-model.js';
import { type Db, sqlList, sqlString } from '../db.js';
import { InsightsError } from '../errors.js';
import { itemsWithKeptResponse } from '../schema.js';

/** Moodle writes dates in the admin's language and format; these are its English defaults. They
 *  carry no zone: Moodle writes them in the time zone of the user who downloads the report. */
const DATE_FORMATS = ['%A, %-d %B %Y, %-I:%M %p', '%A, %d %B %Y, %I:%M %p', '%d/%m/%Y %H:%M', '%Y-%m-%d %H:%M'];
const parseDate = (col: string, zone: string) => `timezone(${sqlString(zone)}, coalesce(${DATE_FORMATS.map((f) => `try_strptime(${col}, ${sqlString(f)})`).join(', ')}))`;

/** A SCORM 2004 package names its interactions `urn:<namespace>:<item id, percent-encoded>`, a
 *  SCORM 1.2 package by the item id alone: both become the item id. */
const itemIdSql = (col: string, course: CourseModel) => `CASE WHEN starts_with(${col}, ${sqlString(urnPrefix(course))}) THEN url_decode(substr(${col}, ${urnPrefix(course).length + 1})) ELSE ${col} END`;

function header(file: string): string[] {
  if (!existsSync(file)) throw new InsightsError(`${file}: no such file`);
  const first = readFileSync(file, 'utf8').split(/\r?\n/, 1)[0] ?? '';
  return first.split('\t').map((h) => h.replace(/^"|"$/g, '').replace(/""/g, '"'));
}

/** The language of the activity, from the column Moodle names after the SCO: our course's title. */
function languageOf(file: string, cols: string[], course: CourseModel): Lang {
  const lang = course.languages.find((l) => cols.includes(course.title[l]));
  if (!lang) {
    const other = cols[6] ? `"${cols[6]}"` : 'no activity column';
    throw new InsightsError(`${file}: this is not a report of "${course.title.en}" (${course.languages.map((l) => `"${course.title[l]}"`).join(' or ')}); it has ${other}. Download the reports of this course's SCORM activity.`);
  }
  return lang;
}

const readTable = (file: string) => `read_csv(${sqlString(file)}, delim = '\t', header = true, all_varchar = true, quote = '"', escape = '"')`;

export async function loadMoodleReports(db: Db, interactions: string[], basics: string[], course: CourseModel, includeReflections: boolean, zone: string): Promise<void> {
  const keep = sqlList(itemsWithKeptResponse(course, includeReflections));
  for (const [n, file] of interactions.entries()) {
    const cols = header(file);
    if (!cols.includes('Question 0') && !cols.some((c) => /^Question \d+$/.test(c))) {
      if (cols.includes('Name') && cols.includes('Score')) throw new InsightsError(`${file}: this is a Basic report; pass it with --moodle-basic, and the Interactions report with --moodle-report`);
      throw new InsightsError(`${file}: not a Moodle SCORM Interactions report (no "Question 0" column)`);
    }
    const lang = languageOf(file, cols, course);
    const groups = cols.filter((c) => /^Question \d+$/.test(c)).map((c) => c.slice('Question '.length));
    if (!cols.includes(`Result ${groups[0]}`)) throw new InsightsError(`${file}: the report was downloaded without the "Result" column. In Moodle's Interactions report tick "Result" (and "Response"), save the preferences, then download the CSV again.`);
    const src = `moodle_${n}`;
    await db.run(`CREATE TEMP TABLE ${src} AS SELECT * FROM ${readTable(file)}`);
    const unpivot = groups.map((g) => `(${['Question', 'Response', 'Result'].map((k) => `"${k} ${g}"`).join(', ')}) AS "${g}"`).join(',\n');
    await db.run(`CREATE TEMP TABLE ${src}_answers AS
      SELECT * REPLACE (${itemIdSql('question', course)} AS question)
      FROM (UNPIVOT ${src} ON ${unpivot} INTO NAME n VALUE question, response, result) WHERE question IS NOT NULL AND question <> ''`);
    const ours = await db.rows<{ ours: string; total: string }>(`SELECT count(*) FILTER (WHERE question IN (${sqlList([...course.items.keys()])})) AS ours, count(*) AS total FROM ${src}_answers`);
    if (Number(ours[0].total) > 0 && Number(ours[0].ours) < Number(ours[0].total) / 2) throw new InsightsError(`${file}: most of its questions are not in this course (${ours[0].ours} of ${ours[0].total}): a report from another course?`);
    const learner = `coalesce(nullif("Email address", ''), "Name")`;
    const scored = sqlList([...course.items.values()].filter((i) => isScoredType(i.type)).map((i) => i.id));
    const attempt = `${sqlString(`${file}#`)} || "Attempt"`;
    const itemModule = `CASE question ${[...course.items.values()].map((i) => `WHEN ${sqlString(i.id)} THEN ${sqlString(i.module)}`).join(' ')} END`;
    // SCORM 1.2 writes true/false as t/f; the course's own patterns say true/false.
    const response = `CASE WHEN response = 't' THEN 'true' WHEN response = 'f' THEN 'false' ELSE replace(response, ',', '[,]') END`;
    await db.run(`INSERT INTO events
      SELECT NULL, NULL, ${learner}, "Name", ${attempt}, ${sqlString(lang)},
        CASE WHEN question IN (${scored}) THEN 'answered' ELSE 'responded' END,
        ${itemModule}, question,
        CASE WHEN result IN ('correct') THEN true WHEN result IN ('wrong', 'incorrect') THEN false END,
        CASE WHEN question IN (${keep}) THEN ${response} END,
        NULL, ${parseDate('"Last accessed on"', zone)}
      FROM ${src}_answers`);
    await insertAttempts(db, src, learner, attempt, lang, course, `${src}_answers`, zone);
    await db.run(`DROP TABLE ${src}_answers; DROP TABLE ${src};`);
  }
  for (const [n, file] of basics.entries()) {
    const cols = header(file);
    if (cols.some((c) => /^Question \d+$/.test(c))) throw new InsightsError(`${file}: this is an Interactions report; pass it with --moodle-report`);
    if (!cols.includes('Score') || !cols.includes('Attempt')) throw new InsightsError(`${file}: not a Moodle SCORM Basic report (no "Attempt" and "Score" columns)`);
    // The Basic report has no column named after the activity: its language is that of the
    // Interactions report given in the same place (the n-th --moodle-basic goes with the n-th --moodle-report).
    const lang = interactions[n] ? languageOf(interactions[n], header(interactions[n]), course) : null;
    const src = `moodle_basic_${n}`;
    await db.run(`CREATE TEMP TABLE ${src} AS SELECT * FROM ${readTable(file)}`);
    // The Basic report adds learners who started but answered nothing; the same attempt in the
    // Interactions report is not counted twice.
    await db.run(`DELETE FROM ${src} WHERE coalesce(nullif("Email address", ''), "Name") IN (SELECT learner FROM events)`);
    await insertAttempts(db, src, `coalesce(nullif("Email address", ''), "Name")`, `${sqlString(`${file}#`)} || "Attempt"`, lang, course, null, zone);
    await db.run(`DROP TABLE ${src}`);
  }
}

/** Each attempt: started (initialized), and passed or failed once it has a score. Moodle shows 0
 *  for an attempt without one, so a score under the pass mark counts as a fail only when the
 *  attempt answered the final assessment (or, with the Basic report alone, when it is above 0). */
async function insertAttempts(db: Db, src: string, learner: string, attempt: string, lang: Lang | null, course: CourseModel, answers: string | null, zone: string): Promise<void> {
  const score = `try_cast(nullif(s."Score", '') AS DOUBLE)`;
  const assessed = answers
    ? `EXISTS (SELECT 1 FROM ${answers} a WHERE a."Attempt" = s."Attempt" AND a."Name" IS NOT DISTINCT FROM s."Name" AND a."Email address" IS NOT DISTINCT FROM s."Email address" AND a.question IN (${sqlList([...course.items.values()].filter((i) => i.module === course.assessment && isScoredType(i.type)).map((i) => i.id))}))`
    : `${score} > 0`;
  const l = lang === null ? 'NULL' : sqlString(lang);
  await db.run(`INSERT INTO events
    SELECT NULL, NULL, ${learner}, s."Name", ${attempt}, ${l}, 'initialized', NULL, NULL, NULL, NULL, NULL, ${parseDate('s."Started on"', zone)} FROM ${src} s
    UNION ALL
    SELECT NULL, NULL, ${learner}, s."Name", ${attempt}, ${l}, CASE WHEN ${score} >= ${course.masteryScore} THEN 'passed' ELSE 'failed' END,
      NULL, NULL, ${score} >= ${course.masteryScore}, NULL, ${score}, ${parseDate('s."Last accessed on"', zone)}
    FROM ${src} s WHERE ${score} >= ${course.masteryScore} OR (${score} IS NOT NULL AND ${assessed})`);
}
