// The one table every source fills: one row per learner event (an xAPI statement, or a row of a
// Moodle report), already narrowed to this course. The queries (queries.ts) read only this table,
// so a statement file, an LRS and Moodle's CSVs give the same insights.
import type { CourseModel } from './course-model.js';
import { isScoredType } from './course-model.js';
import { sqlList, sqlString } from './db.js';

export const CREATE_EVENTS = `
CREATE TABLE events (
  id           UUID,              -- the statement id; NULL for Moodle rows
  voids        UUID,              -- a voiding statement: the id of the statement it voids
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

const ADL = 'http://adlnet.gov/expapi/verbs/';
/** xAPI 1.0.3, Part Two, 2.3.2: the one verb the specification reserves. */
export const VOIDED_VERB = `${ADL}voided`;

/** The verbs this course sends, those a cmi5 LMS adds (CATAPULT sends launched and satisfied), and voided. */
export const KNOWN_VERBS: Record<string, string> = Object.fromEntries([
  ...['launched', 'initialized', 'experienced', 'answered', 'responded', 'completed', 'passed', 'failed', 'suspended', 'resumed', 'terminated', 'voided'].map((v) => [`${ADL}${v}`, v]),
  ...['satisfied', 'abandoned', 'waived'].map((v) => [`https://w3id.org/xapi/adl/verbs/${v}`, v]),
]);

/** Marks a line that is not a statement (not JSON, or without actor, verb and object): kept in
 *  events only long enough to be counted and found (statements-file.ts). */
export const NOT_A_STATEMENT = '(not a statement)';

/** Item ids whose response may be kept: scored items and rating-scale questions. Reflections and
 *  free comments are left out unless the caller asks for them. */
export function itemsWithKeptResponse(course: CourseModel, includeReflections: boolean): string[] {
  return [...course.items.values()].filter((i) => includeReflections || isScoredType(i.type) || (i.type === 'survey' && i.scale)).map((i) => i.id);
}

export const STATEMENT_COLUMNS = `{
  id: 'VARCHAR',
  actor: 'STRUCT(name VARCHAR, mbox VARCHAR, mbox_sha1sum VARCHAR, openid VARCHAR, account STRUCT(homePage VARCHAR, name VARCHAR))',
  verb: 'STRUCT(id VARCHAR)',
  object: 'STRUCT(objectType VARCHAR, id VARCHAR)',
  result: 'STRUCT(success BOOLEAN, response VARCHAR, score STRUCT(scaled DOUBLE, raw DOUBLE))',
  context: 'STRUCT(registration VARCHAR, language VARCHAR, contextActivities STRUCT("grouping" STRUCT(id VARCHAR)[]))',
  timestamp: 'VARCHAR',
  stored: 'VARCHAR'
}`;

/** The learner key. xAPI identifies an agent by one inverse functional identifier (Part Two,
 *  2.4.2.3); an e-mail's domain is case-insensitive (2.3.1), so it is compared in lower case. */
const LEARNER_KEY = `CASE
    WHEN actor.mbox IS NOT NULL THEN CASE WHEN strpos(actor.mbox, '@') > 0 THEN substr(actor.mbox, 1, strpos(actor.mbox, '@')) || lower(substr(actor.mbox, strpos(actor.mbox, '@') + 1)) ELSE actor.mbox END
    WHEN actor.account.name IS NOT NULL THEN coalesce(actor.account.homePage, '') || '|' || actor.account.name
    ELSE coalesce(actor.openid, actor.mbox_sha1sum) END`;

/** Loads this course's xAPI statements (JSON lines, plain or gzipped) straight into events: DuckDB
 *  parses the files in parallel and no statement passes through JavaScript. Kept besides this
 *  course's statements: voiding statements (any course: they name a statement, not an activity)
 *  and, as NOT_A_STATEMENT rows, lines that are not statements. A verb the course never sends stays
 *  a full IRI, so UNKNOWN_VERBS can name it; responses other than kept ones are dropped on the way in. */
export function loadStatementsSql(files: string[], course: CourseModel, o: { includeReflections: boolean; skipInvalid: boolean }): string {
  const iri = course.iri;
  const path = `substr(object.id, ${iri.length + 2})`; // after "<iri>/"
  const item = `CASE WHEN ${path} LIKE 'module/%/item/%' THEN url_decode(split_part(${path}, '/', 4)) END`;
  const voiding = `(verb.id = ${sqlString(VOIDED_VERB)} AND object.objectType = 'StatementRef')`;
  const notStatement = `(actor IS NULL OR verb IS NULL OR object IS NULL)`;
  return `
INSERT INTO events
SELECT
  try_cast(id AS UUID),
  CASE WHEN ${voiding} THEN try_cast(object.id AS UUID) END,
  CASE WHEN ${notStatement} THEN filename ELSE coalesce(${LEARNER_KEY}, '') END,
  coalesce(actor.name, actor.account.name),
  context.registration,
  lower(split_part(context.language, '-', 1)),
  CASE WHEN ${notStatement} THEN ${sqlString(NOT_A_STATEMENT)} ELSE coalesce(${sqlVerbCase('verb.id')}, '(no verb)') END,
  CASE WHEN object.id LIKE ${sqlString(`${iri}/module/%`)} THEN url_decode(split_part(${path}, '/', 2)) END,
  ${item},
  result.success,
  CASE WHEN ${item} IN (${sqlList(itemsWithKeptResponse(course, o.includeReflections))}) THEN result.response END,
  coalesce(result.score.raw, result.score.scaled * 100),
  -- xAPI: the LRS sets timestamp to stored when a statement has none. A time without an offset is read as UTC.
  coalesce(try_cast(timestamp AS TIMESTAMPTZ), try_cast(stored AS TIMESTAMPTZ))
FROM read_ndjson([${sqlList(files)}], columns = ${STATEMENT_COLUMNS}, maximum_object_size = 1048576, filename = true, ignore_errors = ${o.skipInvalid})
-- This course's statements: about an activity under the course IRI, or grouped under one. A cmi5
-- LMS names the AU its own way (CATAPULT: …/catapult/player/course/<id>/au/0) in initialized,
-- passed, terminated…; the course's IRI then comes in the context's grouping.
WHERE ${notStatement} OR ${voiding}
   OR ((object.id = ${sqlString(iri)} OR object.id LIKE ${sqlString(`${iri}/%`)}
        OR len(list_filter(context.contextActivities."grouping", g -> g.id = ${sqlString(iri)} OR g.id LIKE ${sqlString(`${iri}/%`)})) > 0)
       AND coalesce(actor.mbox, actor.account.name, actor.openid, actor.mbox_sha1sum) IS NOT NULL);`;
}

function sqlVerbCase(col: string): string {
  return `CASE ${col} ${Object.entries(KNOWN_VERBS).map(([iri, v]) => `WHEN ${sqlString(iri)} THEN ${sqlString(v)}`).join(' ')} ELSE ${col} END`;
}

/** xAPI 1.0.3, Part Two, 2.3.2: a statement is voided if and only if it is not itself a voiding
 *  statement and a voiding statement refers to it. Voided statements are disregarded, and voiding
 *  statements are not learner events. */
export const REMOVE_VOIDED = `DELETE FROM events WHERE verb = 'voided' OR id IN (SELECT voids FROM events WHERE verb = 'voided' AND voids IS NOT NULL)`;

export const UNKNOWN_VERBS = `SELECT verb AS verb_id, count(*) AS n FROM events WHERE verb NOT IN (${sqlList(Object.values(KNOWN_VERBS))}) GROUP BY ALL ORDER BY n DESC LIMIT 5`;
