// SCORM 1.2's names and formats (cmi.core.*, CMITimespan, lesson_status).
import type { ScormDialect, ScormCalls, Pair } from '../scorm/dialect';
import { scorm12Time } from '../scorm/time-format';

interface Api12 {
  LMSInitialize(a: string): string; LMSFinish(a: string): string; LMSGetValue(e: string): string; LMSSetValue(e: string, v: string): string;
  LMSCommit(a: string): string; LMSGetLastError(): string; LMSGetErrorString(c: string): string;
}

const hhmmss = (d: Date) => [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
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
  interactionCount: 'cmi.interactions._count',
  objectiveCount: 'cmi.objectives._count',
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
  startValues(get) {
    const status = get('cmi.core.lesson_status');
    return status === 'not attempted' || status === '' ? [['cmi.core.lesson_status', 'incomplete']] : [];
  },
  recordsKnowledgeChecks: true,
  interactionSlots: 'journal',
  progressValues: () => [],
  interactionValues(n, i) {
    const p = `cmi.interactions.${n}`;
    const pairs: Pair[] = [
      [`${p}.id`, i.id],
      [`${p}.type`, i.type],
      [`${p}.time`, hhmmss(i.timestamp)],
    ];
    if (i.correctPattern !== null) pairs.push([`${p}.correct_responses.0.pattern`, i.correctPattern]);
    pairs.push([`${p}.student_response`, i.learnerResponse]);
    if (i.result) pairs.push([`${p}.result`, i.result]);
    pairs.push([`${p}.latency`, scorm12Time(i.latencySeconds)]);
    return pairs;
  },
  objectiveValues(n, o) {
    const p = `cmi.objectives.${n}`;
    return [[`${p}.id`, o.id], [`${p}.score.min`, '0'], [`${p}.score.max`, '100'], [`${p}.score.raw`, String(o.scorePercent)], [`${p}.status`, o.status]];
  },
  statusValues(r) {
    return [['cmi.core.lesson_status', r.passed ? 'passed' : r.final ? 'failed' : 'incomplete']];
  },
  // While retakes remain, a failed attempt is reported as incomplete and without its score: Moodle
  // (and other LMSs honouring adlcp:masteryscore) would turn a stored score below the mastery
  // score into `failed` at LMSFinish, and a failed attempt opens in review, locking the learner out.
  scoreValues(r) {
    if (!r.final) return [];
    return [['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(r.scorePercent)]];
  },
  exitValues(exit, seconds) {
    return [['cmi.core.session_time', scorm12Time(seconds)], ['cmi.core.exit', exit === 'suspend' ? 'suspend' : '']];
  },
};
