// Turns Tracker events into statements and enforces the cmi5 rules on their order: nothing before
// initialized or after terminated; completed once per registration; no passed after passed; no
// completed/passed/failed in browse or review. No I/O: the caller queues what it returns.
import type { Statement } from '@xapi/xapi';
import type { AnswerEvent, LaunchData, ReflectionEvent, ResultEvent, Snapshot, SurveyEvent } from '../events/tracker';
import { answerStatement, completedStatement, pageStatement, reflectionStatement, sessionStatement, surveyStatement, verdictStatement, type Stamp, type StatementScope } from './statements';
import { randomUuid } from './uuid';

/** What this registration already recorded, kept with the resume state across sessions. */
export interface RecordedSoFar { completed: boolean; passed: boolean }

export interface RecorderOptions {
  scope: StatementScope;
  mode: LaunchData['mode'];
  /** The LMS's masteryScore (0–1) when it set one (cmi5), for the passed/failed context. */
  masteryScaled: number | null;
  sendReflectionText: boolean;
  soFar: RecordedSoFar;
  now?: () => number;
  newId?: () => string;
}

export interface SessionRecorder {
  start(resumed: boolean): Statement[];
  visitPage(s: Snapshot): Statement[];
  answer(events: AnswerEvent[]): Statement[];
  reflect(e: ReflectionEvent): Statement[];
  survey(events: SurveyEvent[]): Statement[];
  setResult(r: ResultEvent): Statement[];
  finish(exit: 'suspend' | 'normal'): Statement[];
  soFar(): RecordedSoFar;
}

export function createSessionRecorder(o: RecorderOptions): SessionRecorder {
  const now = o.now ?? Date.now;
  const newId = o.newId ?? randomUuid;
  const scope = o.scope;
  const soFar = { ...o.soFar };
  let startedAt = now();
  let state: 'new' | 'open' | 'closed' = 'new';
  let lastPage = '';
  const stamp = (): Stamp => ({ id: newId(), timestamp: new Date(now()).toISOString() });
  const open = () => state === 'open';
  const recording = () => open() && o.mode === 'normal';
  const elapsed = () => now() - startedAt;

  return {
    start(resumed) {
      if (state !== 'new') return [];
      state = 'open';
      startedAt = now();
      const out = [sessionStatement(scope, stamp(), 'initialized')];
      if (resumed && o.mode === 'normal') out.push(sessionStatement(scope, stamp(), 'resumed'));
      return out;
    },
    visitPage(s) {
      if (!open() || s.pageId === lastPage) return [];
      lastPage = s.pageId;
      return [pageStatement(scope, stamp(), s.moduleSlug, s.pageId)];
    },
    answer(events) {
      return recording() ? events.map((e) => answerStatement(scope, stamp(), e)) : [];
    },
    reflect(e) {
      return recording() ? [reflectionStatement(scope, stamp(), e, o.sendReflectionText)] : [];
    },
    survey(events) {
      return recording() ? events.map((e) => surveyStatement(scope, stamp(), e)) : [];
    },
    setResult(r) {
      if (!recording()) return [];
      const out: Statement[] = [];
      if (r.completed && !soFar.completed) {
        soFar.completed = true;
        out.push(completedStatement(scope, stamp(), elapsed()));
      }
      if (!soFar.passed && (r.passed || r.completed)) {
        soFar.passed = r.passed;
        out.push(verdictStatement(scope, stamp(), r.passed, r.scorePercent, elapsed(), o.masteryScaled));
      }
      return out;
    },
    finish(exit) {
      if (!open()) return [];
      state = 'closed';
      const out: Statement[] = [];
      if (exit === 'suspend' && o.mode === 'normal') out.push(sessionStatement(scope, stamp(), 'suspended'));
      out.push(sessionStatement(scope, stamp(), 'terminated', elapsed()));
      return out;
    },
    soFar: () => ({ ...soFar }),
  };
}
