// SCORM 1.2's data model as this course writes it: cmi.core.*, CMITimespan, lesson_status, and one
// interaction per recorded item at a place fixed by the course (1.2's interactions are write-only).
import type { ScormDialect, ScormCalls, Pair } from '../scorm/dialect';
import { interactionElement, objectiveElement, type InteractionElement, type ObjectiveElement } from '../scorm/elements';
import { cmiTimespan } from './timespan';
import { scorm12Responses } from './responses';

/** The elements this course sets, by their names in the SCORM 1.2 RTE. */
export type Cmi12Element =
  | 'cmi.core.lesson_status' | 'cmi.core.lesson_location' | 'cmi.core.score.raw' | 'cmi.core.score.min' | 'cmi.core.score.max'
  | 'cmi.core.session_time' | 'cmi.core.exit' | 'cmi.suspend_data'
  | InteractionElement<'id' | 'type' | 'time' | 'latency' | 'student_response' | 'result' | 'correct_responses.0.pattern'>
  | ObjectiveElement<'id' | 'status' | 'score.raw' | 'score.min' | 'score.max'>;
type Pair12 = Pair<Cmi12Element>;

interface Api12 {
  LMSInitialize(a: string): string; LMSFinish(a: string): string; LMSGetValue(e: string): string; LMSSetValue(e: string, v: string): string;
  LMSCommit(a: string): string; LMSGetLastError(): string; LMSGetErrorString(c: string): string;
}

/** CMITime: HH:MM:SS, the local time of day. */
const cmiTime = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
// A failed attempt is not finished: the learner may come back to retake the assessment while
// course.json allows (the course itself offers no retake once the attempts are used up).
const FINISHED = ['passed', 'completed'];

export const scorm12Dialect: ScormDialect = {
  standard: 'scorm12',
  apiName: 'API',
  calls(api): ScormCalls {
    const a = api as Api12;
    return {
      initialize: () => a.LMSInitialize(''), terminate: () => a.LMSFinish(''), getValue: (e) => a.LMSGetValue(e), setValue: (e, v) => a.LMSSetValue(e, v),
      commit: () => a.LMSCommit(''), getLastError: () => a.LMSGetLastError(), getErrorString: (c) => a.LMSGetErrorString(c),
    };
  },
  suspendDataLimit: 4096,
  location: 'cmi.core.lesson_location',
  suspendData: 'cmi.suspend_data',
  exit: 'cmi.core.exit',
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',
  // CMIIdentifier: the course's ids (lower-case letters, digits, hyphens) as they are.
  identifier: (_courseId, id) => id,
  interactionId: (n) => interactionElement(n, 'id'),
  objectiveId: (n) => objectiveElement(n, 'id'),
  responses: scorm12Responses,
  readLaunch(get) {
    const lessonMode = get('cmi.core.lesson_mode');
    const status = get('cmi.core.lesson_status');
    const mastery = Number.parseFloat(get('cmi.student_data.mastery_score'));
    const previouslyCompleted = FINISHED.includes(status);
    return {
      mode: lessonMode === 'browse' ? 'browse' : lessonMode === 'review' || previouslyCompleted ? 'review' : 'normal',
      learner: { id: get('cmi.core.student_id') || null, name: get('cmi.core.student_name') || null },
      savedState: get('cmi.suspend_data') || null,
      location: get('cmi.core.lesson_location') || null,
      masteryScore: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery : null,
      previouslyCompleted,
    };
  },
  startValues(get): Pair12[] {
    const status = get('cmi.core.lesson_status');
    return status === 'not attempted' || status === '' ? [['cmi.core.lesson_status', 'incomplete']] : [];
  },
  interactionSlots: 'fixed',
  sessionTime: (seconds) => ['cmi.core.session_time', cmiTimespan(seconds)],
  progressValues: () => [],
  interactionValues(n, i): Pair12[] {
    const at = <F extends string>(field: F) => interactionElement(n, field);
    const pairs: Pair12[] = [[at('id'), i.id], [at('type'), i.type], [at('time'), cmiTime(i.timestamp)]];
    if (i.correctPattern !== null) pairs.push([at('correct_responses.0.pattern'), i.correctPattern]);
    pairs.push([at('student_response'), i.learnerResponse]);
    if (i.result) pairs.push([at('result'), i.result]);
    pairs.push([at('latency'), cmiTimespan(i.latencySeconds)]);
    return pairs;
  },
  objectiveValues(n, o): Pair12[] {
    const at = <F extends string>(field: F) => objectiveElement(n, field);
    return [[at('id'), o.id], [at('score.min'), '0'], [at('score.max'), '100'], [at('score.raw'), String(o.scorePercent)], [at('status'), o.status]];
  },
  statusValues(r): Pair12[] {
    return [['cmi.core.lesson_status', r.passed ? 'passed' : r.final ? 'failed' : 'incomplete']];
  },
  // While retakes remain, a failed attempt is reported as incomplete and without its score: Moodle
  // (and other LMSs honouring adlcp:masteryscore) would turn a stored score below the mastery
  // score into `failed` at LMSFinish, and a failed attempt opens in review, locking the learner out.
  scoreValues(r): Pair12[] {
    if (!r.final) return [];
    return [['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(r.scorePercent)]];
  },
  exitValues(exit, seconds): Pair12[] {
    return [['cmi.core.session_time', cmiTimespan(seconds)], ['cmi.core.exit', exit === 'suspend' ? 'suspend' : '']];
  },
};
