// Every insight as one SQL query over the events table (schema.ts). Plain SQL with DuckDB's
// aggregates (arg_min, corr, median), which run unchanged on MotherDuck and, with small changes, on
// Spark SQL, BigQuery or Postgres when one machine is outgrown (docs/insights.md).
import type { CourseModel } from './course-model.js';
import { isScoredType } from './course-model.js';
import { sqlList, sqlString } from './db.js';

/** Idle gaps longer than this are not counted as study time (the learner left the tab open). */
export const IDLE_CAP_SECONDS = 30 * 60;

export type LangFilter = string | null;
const inLang = (lang: LangFilter, col = 'lang') => (lang ? `${col} = ${sqlString(lang)}` : 'true');

export function createModulesTable(course: CourseModel): string {
  const rows = course.modules.map((m, i) => `(${sqlString(m.slug)}, ${i + 1})`).join(', ');
  return `CREATE TABLE modules (slug VARCHAR, pos INTEGER); INSERT INTO modules VALUES ${rows};`;
}

/** A timestamp as the day it fell on in a time zone (an IANA name), whatever the machine's zone. */
export const dayIn = (zone: string, col: string) => `strftime(timezone(${sqlString(zone)}, ${col}), '%Y-%m-%d')`;

/** One row per learner: name, language, first and last event, furthest module, first pass, best score.
 *  The pass a CME credit is earned by is the first valid one (voided statements are gone by now):
 *  its time, score, language and attempt come from that one statement. Ties in time go to the lower
 *  statement id, so every run picks the same. */
export const CREATE_LEARNERS = `
CREATE TABLE learners AS
SELECT learner, name, coalesce(pass.lang, last_lang) AS lang, started, last_seen, furthest,
  pass.ts AS passed_at, pass.attempt AS passed_attempt, pass.score AS pass_score, best_score, has_failed
FROM (
  SELECT e.learner,
    arg_max(e.learner_name, e.ts) FILTER (WHERE e.learner_name IS NOT NULL) AS name,
    arg_max(e.lang, e.ts) AS last_lang,
    min(e.ts) AS started, max(e.ts) AS last_seen,
    max(m.pos) AS furthest,
    arg_min(struct_pack(ts := e.ts, score := e.score, lang := e.lang, attempt := e.attempt), struct_pack(ts := e.ts, id := e.id)) FILTER (WHERE e.verb = 'passed') AS pass,
    max(e.score) FILTER (WHERE e.verb IN ('passed', 'failed')) AS best_score,
    bool_or(e.verb = 'failed') AS has_failed
  FROM events e LEFT JOIN modules m ON m.slug = e.module
  GROUP BY e.learner
)`;

export function registerQuery(course: CourseModel, zone: string): string {
  return `
SELECT l.learner, l.name, ${dayIn(zone, 'l.passed_at')} AS completion_date, l.pass_score, l.best_score, c.attested_minutes,
  CASE WHEN c.attested_minutes IS NOT NULL THEN least(${course.creditHours}, round(c.attested_minutes / 60 * 4) / 4) END AS hours,
  c.certificate_id, l.lang
FROM learners l LEFT JOIN certificates c ON c.learner = l.learner AND c.attempt IS NOT DISTINCT FROM l.passed_attempt
WHERE l.passed_at IS NOT NULL ORDER BY l.passed_at, l.learner`;
}

export const inProgressQuery = (zone: string) => `
SELECT l.learner, l.name, l.lang, ${dayIn(zone, 'l.started')} AS started, ${dayIn(zone, 'l.last_seen')} AS last_activity, m.slug AS last_module,
  CASE WHEN l.has_failed THEN 'failed' ELSE 'in progress' END AS status, l.best_score
FROM learners l LEFT JOIN modules m ON m.pos = l.furthest
WHERE l.passed_at IS NULL ORDER BY l.last_seen DESC, l.learner`;

/** Statements counted once each: the specification makes a statement id unique (xAPI 1.0.3, Part
 *  Two, 2.4.1), so an export holding one twice holds one statement. Moodle rows have no id. */
export const EVENT_COUNT = `SELECT count(DISTINCT id) + count(*) FILTER (WHERE id IS NULL) AS n FROM events`;

/** Learners who reached each module (anything recorded in it or in a later one), in course order. */
export const funnelQuery = (lang: LangFilter) => `
SELECT m.slug, m.pos, count(l.learner) AS learners
FROM modules m LEFT JOIN learners l ON l.furthest >= m.pos AND ${inLang(lang, 'l.lang')}
GROUP BY m.slug, m.pos ORDER BY m.pos`;

export const passedCountQuery = (lang: LangFilter) => `SELECT count(*) FILTER (WHERE passed_at IS NOT NULL) AS passed, count(*) AS learners FROM learners WHERE ${inLang(lang)}`;

/** Study time per learner and module: the gap from each event to the learner's next one in the
 *  same attempt, capped at IDLE_CAP_SECONDS, added up. Computed once; each language slice reads it. */
export const CREATE_STUDY_TIME = `
CREATE TABLE study_time AS
WITH gaps AS (
  SELECT learner, lang, module,
    least(epoch(lead(ts) OVER (PARTITION BY learner, attempt ORDER BY ts)) - epoch(ts), ${IDLE_CAP_SECONDS}) AS gap
  FROM events
)
SELECT learner, any_value(lang) AS lang, module, sum(gap) AS seconds FROM gaps WHERE module IS NOT NULL AND gap > 0 GROUP BY learner, module`;

/** The median over learners of their time in each module. */
export const timePerModuleQuery = (lang: LangFilter) => `
SELECT m.slug, m.pos, median(p.seconds) / 60 AS median_minutes, count(p.learner) AS learners
FROM modules m LEFT JOIN study_time p ON p.module = m.slug AND ${inLang(lang, 'p.lang')}
GROUP BY m.slug, m.pos ORDER BY m.pos`;

export const scoreDistributionQuery = (lang: LangFilter) => `
SELECT least(floor(best_score / 10), 9)::INTEGER * 10 AS bin, count(*) AS learners
FROM learners WHERE best_score IS NOT NULL AND ${inLang(lang)} GROUP BY bin ORDER BY bin`;

/** Each learner's first answer to each scored item, and their share right on all other items
 *  (the "rest score" the discrimination index correlates with). Computed once. */
export function createFirstAnswers(course: CourseModel): string {
  const scored = sqlList([...course.items.values()].filter((i) => isScoredType(i.type)).map((i) => i.id));
  return `
CREATE TABLE first_answers AS
WITH first AS (
  SELECT learner, item, arg_min(lang, ts) AS lang, arg_min(success, ts)::INTEGER AS right_, arg_min(response, ts) AS response
  FROM events WHERE verb = 'answered' AND item IN (${scored}) AND success IS NOT NULL
  GROUP BY learner, item
)
SELECT f.*, (sum(right_) OVER w - right_) / nullif(count(*) OVER w - 1, 0) AS rest
FROM first f WINDOW w AS (PARTITION BY learner)`;
}

/** Each scored item: facility (share right at the first try), discrimination (point-biserial
 *  correlation between the item and the rest score), and how often each option was chosen. */
export const itemsQuery = (lang: LangFilter) => `
WITH options AS (
  SELECT item, opt, count(*) AS n
  FROM (SELECT item, unnest(string_split(response, '[,]')) AS opt FROM first_answers WHERE response <> '' AND ${inLang(lang)})
  GROUP BY ALL
), per_item AS (
  SELECT item, list(struct_pack(opt := opt, n := n) ORDER BY opt) AS options FROM options GROUP BY item
)
SELECT f.item, count(*) AS answered, avg(f.right_) AS facility, corr(f.right_::DOUBLE, f.rest) AS discrimination, any_value(p.options) AS options
FROM first_answers f LEFT JOIN per_item p USING (item)
WHERE ${inLang(lang, 'f.lang')}
GROUP BY f.item`;

/** Rating-scale answers of the course evaluation. */
export const surveyQuery = (course: CourseModel, lang: LangFilter) => `
SELECT item, response, count(DISTINCT learner) AS learners FROM events
WHERE verb = 'responded' AND item IN (${sqlList([...course.items.values()].filter((i) => i.type === 'survey' && i.scale).map((i) => i.id))})
  AND response IS NOT NULL AND ${inLang(lang)}
GROUP BY ALL`;

/** Free text (reflections, evaluation comments): present only when the run was asked to keep it. */
export function freeTextQuery(course: CourseModel, zone: string): string {
  const ids = sqlList([...course.items.values()].filter((i) => i.type === 'reflection' || (i.type === 'survey' && !i.scale)).map((i) => i.id));
  return `SELECT coalesce(learner_name, learner) AS name, learner, lang, ${dayIn(zone, 'ts')} AS day, module, item, response FROM events
WHERE verb = 'responded' AND item IN (${ids}) AND response IS NOT NULL ORDER BY ts, learner`;
}
