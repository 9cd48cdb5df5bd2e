// What the course may set in SCORM 2004 so that the session still ends cleanly in Moodle, whose
// 2004 player posts every interaction and objective again with Terminate, by sendBeacon within 64 KiB
// as the learner leaves (docs/standards-notes.md). The build prices that post for the largest attempt
// a learner can make and gives each free text what is left; interactions go without question text
// and time (`brief`) when that would leave a free text less than MIN_TEXT_BYTES.
import type { Module, ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';
import type { Pair } from '../scorm/dialect';
import { toInteraction, toSurveyInteraction } from '../scorm/interaction';
import { isScored, placesAssessment } from '../content/types';
import { courseShapeOf } from '../learner/course-shape';
import { worstCaseEncodedLength } from '../learner/state-budget';
import { scorm2004Dialect } from './dialect';

/** Chromium's limit for the bodies of beacons in flight. */
export const BEACON_LIMIT_BYTES = 64 * 1024;
/** Kept free for what cannot be priced exactly (another request in flight, a longer boundary). */
export const SAFETY_BYTES = 2 * 1024;
/** The least room a free text should have: a few sentences (SCORM 1.2 takes 255 characters). */
export const MIN_TEXT_BYTES = 250;
/** The most a free text can take anyway: SCORM 2004's 4000 characters of up to 4 bytes. */
const MAX_TEXT_BYTES = 4000 * 4;

/** The size of the post as Chromium sends FormData: per element a boundary line, a
 *  Content-Disposition header with Moodle's field name ("." written "__"), the value. */
export function multipartBytes(pairs: readonly Pair[]): number {
  const utf8 = new TextEncoder();
  const boundary = 2 + '----WebKitFormBoundary'.length + 16;
  const part = ([element, value]: Pair) =>
    boundary + 2 + 'Content-Disposition: form-data; name=""'.length + element.replace(/\./g, '__').length + 4 + utf8.encode(value).length + 2;
  return pairs.reduce((n, p) => n + part(p), boundary + 4);
}

/** Moodle's own fields in the post: the activity, attempt and session key, the total time it adds. */
const MOODLE_FIELDS: Pair[] = [
  ['id', '9999999'], ['a', '9999999'], ['scoid', '9999999'], ['attempt', '999'], ['sesskey', 'x'.repeat(10)],
  ['cmi.total_time', 'PT99999H59M59.99S'], ['unloading', '1'],
];

interface BudgetCourse {
  id: string;
  privacy: { sendReflectionsToLms: boolean };
  modules: Module[];
}

export interface UnloadBudget {
  /** The post for the largest attempt, free texts empty, Moodle's fields included. */
  fixedBytes: number;
  /** What the course may spend in all: the beacon limit less the safety margin. */
  limitBytes: number;
  /** Free texts the LMS may receive (evaluation comments; reflections when shared). */
  texts: number;
  /** Each free text's share of what is left; null when there is no free text or room for any. */
  textBytes: number | null;
  /** Interactions go without question text and time, to leave the free texts enough room. */
  brief: boolean;
}

/** The longest response an item takes: every option, or every entry in the longest-named group. */
function longestResponse(item: ScoredItem): Response {
  const longest = (ids: string[]) => ids.reduce((a, b) => (b.length > a.length ? b : a), '');
  switch (item.type) {
    case 'single':
      return { type: 'single', optionId: longest(item.options.map((o) => o.id)) };
    case 'multiple':
      return { type: 'multiple', optionIds: item.options.map((o) => o.id) };
    case 'truefalse':
      return { type: 'truefalse', value: false };
    case 'sort': {
      const group = longest(item.categories.map((c) => c.id));
      return { type: 'sort', placements: Object.fromEntries(item.statements.map((s) => [s.id, group])) };
    }
    case 'match': {
      const group = longest(item.targets.map((t) => t.id));
      return { type: 'match', placements: Object.fromEntries(item.sources.map((s) => [s.id, group])) };
    }
  }
}

/** The module holding the final assessment: the one whose pages place it. */
export const assessmentModule = (modules: readonly Module[]): Module | undefined => modules.find(placesAssessment);

export function unloadBudget(course: BudgetCourse): UnloadBudget {
  const full = priced(course, false);
  return fits(full) ? full : priced(course, true);
}

/** The whole attempt fits, with at least MIN_TEXT_BYTES for each free text. */
export function fits(b: UnloadBudget): boolean {
  return b.fixedBytes <= b.limitBytes && (b.textBytes === null || b.textBytes >= MIN_TEXT_BYTES);
}

function priced(course: BudgetCourse, brief: boolean): UnloadBudget {
  const d = scorm2004Dialect;
  const pairs: Pair[] = [...MOODLE_FIELDS];
  let slot = 0;
  let texts = 0;
  const latest = { timestamp: new Date(2099, 11, 31, 23, 59, 59), latencySeconds: 0, brief };
  const assessment = assessmentModule(course.modules);
  for (const m of course.modules) {
    for (const item of m.items) {
      if (isScored(item)) {
        if (m !== assessment) continue;
        const i = toInteraction(item, longestResponse(item), d.responses);
        pairs.push(...d.interactionValues(slot++, { ...i, id: d.identifier(course.id, i.id), result: 'incorrect', ...latest }));
      } else if (item.type === 'survey' || course.privacy.sendReflectionsToLms) {
        const longestScale = item.type === 'survey' && item.scale ? item.scale.map((s) => s.id).sort((a, b) => b.length - a.length)[0] : '';
        const i = toSurveyInteraction(item, longestScale, d.responses);
        if (i.type === 'long-fill-in') texts++;
        pairs.push(...d.interactionValues(slot++, { ...i, id: d.identifier(course.id, i.id), ...latest }));
      }
    }
  }
  // Every module with scored items has an objective; the assessment's is one of them.
  course.modules.filter((m) => m.items.some(isScored)).forEach((m, n) => pairs.push(...d.objectiveValues(n, { id: d.identifier(course.id, m.slug), scorePercent: 100, status: 'incomplete' })));
  const longestPage = course.modules.flatMap((m) => m.pages.map((p) => p.id)).sort((a, b) => b.length - a.length)[0] ?? '';
  pairs.push(
    [d.location, longestPage],
    [d.suspendData, 'x'.repeat(worstCaseEncodedLength(courseShapeOf(course)))],
    ...d.progressValues(1),
    ...d.statusValues({ scorePercent: 100, passed: false, completed: true, final: false }),
    ...d.scoreValues({ scorePercent: 100, passed: true, completed: true, final: true }),
    ...d.exitValues('suspend', 359_999.99),
  );
  const fixedBytes = multipartBytes(pairs);
  const limitBytes = BEACON_LIMIT_BYTES - SAFETY_BYTES;
  const share = texts ? Math.floor((limitBytes - fixedBytes) / texts) : Infinity;
  return { fixedBytes, limitBytes, texts, textBytes: share >= MAX_TEXT_BYTES ? null : Math.max(0, share), brief };
}
