// Statement builders: pure functions from a tracker event to one xAPI 1.0.3 statement. No clock,
// no randomness, no I/O: the caller passes the id and timestamp (a Stamp), so tests compare data.
import type { Activity, Agent, Context, Extensions, Result, Statement } from '@xapi/xapi';
import type { Lang, ModuleOutline } from '../content/types';
import type { AnswerEvent, ReflectionEvent, SurveyEvent } from '../events/tracker';
import { activityIds } from './activity-ids';
import { isoDuration } from '../time/duration';
import { interactionDefinition, langMap, responsePattern } from './interaction';
import { ACTIVITY_TYPES, CMI5, VERBS, type VerbName } from './vocabulary';

/** Who, about what, and in which session: everything a statement needs besides the event. */
export interface StatementScope {
  actor: Agent;
  courseIri: string;
  /** What the session is about: the course (SCORM, Tin Can activity_id) or the cmi5 AU. */
  root: Activity;
  lang: Lang;
  registration: string | null;
  /** cmi5 only: the LMS's contextTemplate (it carries the session id), used for every statement. */
  contextTemplate: Context | null;
  cmi5: boolean;
  /** Module and page titles, for activity names. */
  modules: ModuleOutline[];
}

export interface Stamp { id: string; timestamp: string }

interface ContextOptions {
  parent?: Activity[];
  /** A cmi5-defined statement (initialized, completed, passed, failed, terminated). */
  cmi5Defined?: boolean;
  moveOn?: boolean;
  extensions?: Extensions;
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length ? list : undefined);

function context(scope: StatementScope, o: ContextOptions): Context {
  const template = scope.contextTemplate ?? {};
  const ta = template.contextActivities ?? {};
  const isRoot = !o.parent;
  const grouping = [...(ta.grouping ?? [])];
  if (!isRoot && !grouping.some((a) => a.id === scope.root.id)) grouping.push({ id: scope.root.id, objectType: 'Activity' });
  // Only cmi5-defined statements carry the cmi5 category (cmi5 §9.6.2.1); never copy it elsewhere.
  const category = (ta.category ?? []).filter((a) => a.id !== CMI5.category && a.id !== CMI5.moveOnCategory);
  if (scope.cmi5 && o.cmi5Defined) category.push({ id: CMI5.category, objectType: 'Activity' });
  if (scope.cmi5 && o.moveOn) category.push({ id: CMI5.moveOnCategory, objectType: 'Activity' });
  const contextActivities = {
    ...(nonEmpty(o.parent ?? ta.parent) && { parent: o.parent ?? ta.parent }),
    ...(nonEmpty(grouping) && { grouping }),
    ...(nonEmpty(category) && { category }),
    ...(nonEmpty(ta.other) && { other: ta.other }),
  };
  const extensions = { ...(template.extensions ?? {}), ...(o.extensions ?? {}) };
  return {
    ...template,
    ...(scope.registration && { registration: scope.registration }),
    language: scope.lang,
    ...(Object.keys(contextActivities).length && { contextActivities }),
    ...(Object.keys(extensions).length ? { extensions } : {}),
  } as Context;
}

function statement(scope: StatementScope, stamp: Stamp, verb: VerbName, object: Activity, ctx: ContextOptions, result?: Result): Statement {
  return {
    id: stamp.id,
    actor: scope.actor,
    verb: VERBS[verb],
    object: { objectType: 'Activity', ...object },
    ...(result && { result }),
    context: context(scope, ctx),
    timestamp: stamp.timestamp,
  };
}

function moduleActivity(scope: StatementScope, slug: string): Activity {
  const mod = scope.modules.find((m) => m.slug === slug);
  const type = mod?.assessment ? ACTIVITY_TYPES.assessment : ACTIVITY_TYPES.module;
  return { objectType: 'Activity', id: activityIds.module(scope.courseIri, slug), definition: { type, ...(mod && { name: langMap(scope.lang, mod.title) }) } };
}

/** initialized and terminated are cmi5-defined; suspended and resumed are ADL and cmi5-allowed. */
export function sessionStatement(scope: StatementScope, stamp: Stamp, verb: 'initialized' | 'terminated' | 'suspended' | 'resumed', durationMs?: number): Statement {
  const cmi5Defined = verb === 'initialized' || verb === 'terminated';
  const result = durationMs === undefined ? undefined : { duration: isoDuration(durationMs) };
  return statement(scope, stamp, verb, scope.root, { cmi5Defined }, result);
}

export function completedStatement(scope: StatementScope, stamp: Stamp, durationMs: number): Statement {
  return statement(scope, stamp, 'completed', scope.root, { cmi5Defined: true, moveOn: true }, { completion: true, duration: isoDuration(durationMs) });
}

/** passed or failed, with the score; `masteryScaled` is the LMS's masteryScore (cmi5), if it gave one. */
export function verdictStatement(scope: StatementScope, stamp: Stamp, passed: boolean, scorePercent: number, durationMs: number, masteryScaled: number | null): Statement {
  const score = { scaled: Math.round(scorePercent) / 100, raw: Math.round(scorePercent), min: 0, max: 100 };
  const extensions = scope.cmi5 && masteryScaled !== null ? { [CMI5.masteryScore]: masteryScaled } : undefined;
  return statement(scope, stamp, passed ? 'passed' : 'failed', scope.root, { cmi5Defined: true, moveOn: true, extensions }, { score, success: passed, duration: isoDuration(durationMs) });
}

export function pageStatement(scope: StatementScope, stamp: Stamp, moduleSlug: string, pageId: string): Statement {
  const page = scope.modules.find((m) => m.slug === moduleSlug)?.pages.find((p) => p.id === pageId);
  const object: Activity = { id: activityIds.page(scope.courseIri, moduleSlug, pageId), definition: { type: ACTIVITY_TYPES.lesson, ...(page && { name: langMap(scope.lang, page.title) }) } };
  return statement(scope, stamp, 'experienced', object, { parent: [moduleActivity(scope, moduleSlug)] });
}

export function answerStatement(scope: StatementScope, stamp: Stamp, e: AnswerEvent): Statement {
  const object: Activity = { id: activityIds.item(scope.courseIri, e.moduleSlug, e.item.id), definition: interactionDefinition(e.item, scope.lang) };
  const result: Result = { success: e.correct, response: responsePattern(e.item, e.response), duration: isoDuration(e.latencyMs) };
  return statement(scope, stamp, 'answered', object, { parent: [moduleActivity(scope, e.moduleSlug)] }, result);
}

/** Says that the learner responded to a reflective prompt; the text only if the course opts in. */
export function reflectionStatement(scope: StatementScope, stamp: Stamp, e: ReflectionEvent, sendText: boolean): Statement {
  const object: Activity = { id: activityIds.item(scope.courseIri, e.moduleSlug, e.item.id), definition: interactionDefinition(e.item, scope.lang) };
  const result: Result = sendText ? { response: e.text, completion: true } : { completion: true };
  return statement(scope, stamp, 'responded', object, { parent: [moduleActivity(scope, e.moduleSlug)] }, result);
}

export function surveyStatement(scope: StatementScope, stamp: Stamp, e: SurveyEvent): Statement {
  const object: Activity = { id: activityIds.item(scope.courseIri, e.moduleSlug, e.item.id), definition: interactionDefinition(e.item, scope.lang) };
  return statement(scope, stamp, 'responded', object, { parent: [moduleActivity(scope, e.moduleSlug)] }, { response: e.answer, completion: true });
}
