// The one table every source fills: one row per learner event (an xAPI statement, or a row of a
// Moodle report), already narrowed to this course. The queries (queries.ts) read only this table,
// so a statement file, an LRS and Moodle's CSVs give the same insights.
import type { CourseModel } from './course-model.js';
import { isScoredType } from './course-model.js';
import { sqlList, sqlString } from './db.js';

export const CREATE_EVENTS = `
CREATE TABLE events (
  learner      VARCHAR NOT NULL,  -- a stable key: mbox, account home page|name, openid or Moodle user
  learner_name VARCHAR,
  attempt      VARCHAR,           -- registration (xAPI) or Moodle attempt; NULL when unknown
  lang         VARCHAR,
  verb         VARCHAR NOT NULL,  -- answered, experienced, passed… (the verb IRI's last segment)
  module       VARCHAR,           -- module slug, NULL for course-level statements
  item         VARCHAR,           -- quiz item id, for answered / responded
  success      BOOLEAN,
  response     VARCHAR,           -- only for scored items and rating scales: never reflective text
  score        DOUBLE,            -- 0-100, on passed / failed
  ts           TIMESTAMPTZ
);
CREATE TABLE certificates (     -- what an LRS's State API or nothing tells about a pass
  learner VARCHAR, attempt VARCHAR, attested_minutes DOUBLE, certificate_id VARCHAR
);`;

/** The verbs this course sends, and those a cmi5 LMS adds (CATAPULT sends launched and satisfied). */
export const KNOWN_VERBS: Record<string, string> = Object.fromEntries([
  ...['launched', 'initialized', 'experienced', 'answered', 'responded', 'completed', 'passed', 'failed', 'suspended', 'resumed', 'terminated'].map((v) => [`http://adlnet.gov/expapi/verbs/${v}`, v]),
  ...['satisfied', 'abandoned', 'waived'].map((v) => [`https://w3id.org/xapi/adl/verbs/${v}`, v]),
]);

/** Item ids whose response may be kept: scored items and rating-scale questions. Reflections and
 *  free comments are left out unless the caller asks for them. */
export function itemsWithKeptResponse(course: CourseModel, includeReflections: boolean): string[] {
  return [...course.items.values()].filter((i) => includeReflections || isScoredType(i.type) || (i.type === 'survey' && i.scale)).map((i) => i.id);
}

export const STATEMENT_COLUMNS = `{
  actor: 'STRUCT(name VARCHAR, mbox VARCHAR, mbox_sha1sum VARCHAR, openid VARCHAR, account STRUCT(homePage VARCHAR, name VARCHAR))',
  verb: 'STRUCT(id VARCHAR)',
  object: 'STRUCT(id VARCHAR)',
  result: 'STRUCT(success BOOLEAN, response VARCHAR, score STRUCT(scaled DOUBLE, raw DOUBLE))',
  context: 'STRUCT(registration VARCHAR, language VARCHAR, contextActivities STRUCT("grouping" STRUCT(id VARCHAR)[]))',
  timestamp: 'VARCHAR'
}`;

/** Loads this course's xAPI statements (JSON lines) straight into events: DuckDB parses the file
 *  in parallel and no statement passes through JavaScript. A verb the course never sends stays a
 *  full IRI, so UNKNOWN_VERBS can name it; responses other than kept ones are dropped on the way in. */
export function loadStatementsSql(file: string, course: CourseModel, includeReflections: boolean): string {
  const iri = course.iri;
  const path = `substr(object.id, ${iri.length + 2})`; // after "<iri>/"
  const item = `CASE WHEN ${path} LIKE 'module/%/item/%' THEN url_decode(split_part(${path}, '/', 4)) END`;
  return `
INSERT INTO events
SELECT
  coalesce(actor.mbox, actor.account.homePage || '|' || actor.account.name, actor.openid, actor.mbox_sha1sum),
  coalesce(actor.name, actor.account.name),
  context.registration,
  lower(split_part(context.language, '-', 1)),
  coalesce(${sqlVerbCase('verb.id')}, '(no verb)'),
  CASE WHEN object.id LIKE ${sqlString(`${iri}/module/%`)} THEN url_decode(split_part(${path}, '/', 2)) END,
  ${item},
  result.success,
  CASE WHEN ${item} IN (${sqlList(itemsWithKeptResponse(course, includeReflections))}) THEN result.response END,
  coalesce(result.score.raw, result.score.scaled * 100),
  try_cast(timestamp AS TIMESTAMPTZ)
FROM read_ndjson(${sqlString(file)}, columns = ${STATEMENT_COLUMNS}, maximum_object_size = 1048576)
-- This course's statements: about an activity under the course IRI, or grouped under one. A cmi5
-- LMS names the AU its own way (CATAPULT: …/catapult/player/course/<id>/au/0) in initialized,
-- passed, terminated…; the course's IRI then comes in the context's grouping.
WHERE (object.id = ${sqlString(iri)} OR object.id LIKE ${sqlString(`${iri}/%`)}
       OR len(list_filter(context.contextActivities."grouping", g -> g.id = ${sqlString(iri)} OR g.id LIKE ${sqlString(`${iri}/%`)})) > 0)
  AND coalesce(actor.mbox, actor.account.name, actor.openid, actor.mbox_sha1sum) IS NOT NULL;`;
}

function sqlVerbCase(col: string): string {
  return `CASE ${col} ${Object.entries(KNOWN_VERBS).map(([iri, v]) => `WHEN ${sqlString(iri)} THEN ${sqlString(v)}`).join(' ')} ELSE ${col} END`;
}

export const UNKNOWN_VERBS = `SELECT verb AS verb_id, count(*) AS n FROM events WHERE verb NOT IN (${sqlList(Object.values(KNOWN_VERBS))}) GROUP BY ALL ORDER BY n DESC LIMIT 5`;
