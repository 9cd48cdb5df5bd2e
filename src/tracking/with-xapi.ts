// SCORM packages report through xAPI too when course.json names an LRS: the same
// statements as cmi5/Tin Can, from an account agent (LMS learner id + the configured home page),
// sent through the durable outbox. The SCORM tracker is called first and never waits on the LRS.
import type { CourseOutline } from '../content/types';
import type { Tracker, TrackerNotice } from '../events/tracker';
import { accountAgent } from '../xapi/actor';
import { lazyLrsClient } from '../xapi/lrs-client';
import { whenIdle } from '../time/when-idle';
import { createOutbox, type Outbox } from '../xapi/outbox';
import { createSessionRecorder, type RecordedSoFar, type SessionRecorder } from '../xapi/session-recorder';
import { ACTIVITY_TYPES } from '../xapi/vocabulary';
import { langMap } from '../xapi/interaction';
import { isUuid, randomUuid } from '../xapi/uuid';

interface AttemptRecord { registration: string; soFar: RecordedSoFar }

const readJson = <T>(key: string): T | null => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
};
const writeJson = (key: string, value: unknown) => {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // the outbox tells the learner when storage is full
  }
};

/**
 * Wraps a SCORM tracker so that it also sends xAPI statements to course.json's LRS. Returns the
 * tracker unchanged when no LRS is configured (then @xapi/xapi is never loaded).
 * `storageKey` is the SCORM launch's own key; the outbox and attempt records hang off it.
 */
export function withXapi(tracker: Tracker, outline: CourseOutline, storageKey: string): Tracker {
  const endpoint = outline.xapi.endpoint;
  if (!endpoint) return tracker;
  const listeners: ((n: TrackerNotice) => void)[] = [];
  const client = lazyLrsClient({ endpoint, auth: outline.xapi.auth ?? null });
  whenIdle(client.preload);
  const outbox: Outbox = createOutbox({
    storageKey: `${storageKey}:xapi-outbox`,
    transport: client,
    onNotice: (key) => listeners.forEach((l) => l({ key })),
  });
  let recorder: SessionRecorder | null = null;
  let attemptKey = '';

  const send = (make: (r: SessionRecorder) => ReturnType<SessionRecorder['visitPage']>) => {
    if (!recorder) return;
    outbox.enqueue(make(recorder));
  };
  const remember = () => {
    if (recorder && attemptKey) writeJson(attemptKey, { registration: readJson<AttemptRecord>(attemptKey)?.registration, soFar: recorder.soFar() });
  };

  return {
    get standard() {
      return tracker.standard;
    },
    async start() {
      const launch = await tracker.start();
      const learnerId = launch.learner.id;
      // Without an LMS there is no learner to report about.
      if (launch.standard === 'standalone' || !learnerId) return launch;
      // Registration: one per learner and attempt. A fresh attempt (nothing saved) starts a new one;
      // a resumed attempt reuses the one this browser recorded.
      attemptKey = `${storageKey}:xapi-attempt:${learnerId}`;
      const fresh = launch.savedState === null && launch.location === null && !launch.previouslyCompleted;
      const kept = readJson<AttemptRecord>(attemptKey);
      const attempt: AttemptRecord = !fresh && kept && isUuid(kept.registration) ? kept : { registration: randomUuid(), soFar: { completed: launch.previouslyCompleted, passed: false } };
      writeJson(attemptKey, attempt);
      recorder = createSessionRecorder({
        scope: {
          actor: accountAgent(outline.xapi.accountHomePage, learnerId), courseIri: outline.iri, lang: outline.lang, registration: attempt.registration,
          contextTemplate: null, cmi5: false, modules: outline.modules,
          root: { objectType: 'Activity', id: outline.iri, definition: { type: ACTIVITY_TYPES.course, name: langMap(outline.lang, outline.title) } },
        },
        mode: launch.mode,
        masteryScaled: null,
        sendReflectionText: outline.xapi.sendReflectionText,
        soFar: attempt.soFar,
      });
      send((r) => r.start(!fresh));
      return launch;
    },
    visitPage(s) {
      tracker.visitPage(s);
      send((r) => r.visitPage(s));
    },
    answer(events, s) {
      tracker.answer(events, s);
      send((r) => r.answer(events));
    },
    reflect(e, s) {
      tracker.reflect(e, s);
      send((r) => r.reflect(e));
    },
    survey(events, s) {
      tracker.survey(events, s);
      send((r) => r.survey(events));
    },
    setResult(e, s) {
      tracker.setResult(e, s);
      send((r) => r.setResult(e));
      remember();
    },
    save(s) {
      tracker.save(s);
      outbox.flushOnExit();
    },
    finish(exit, s) {
      tracker.finish(exit, s);
      send((r) => r.finish(exit));
      outbox.flushOnExit();
    },
    onNotice(l) {
      listeners.push(l);
      tracker.onNotice(l);
    },
    // What the learner is told about saving is the LMS's: the statements follow in their own time.
    onSync: (l) => tracker.onSync?.(l),
    standBy: () => tracker.standBy?.(),
    ...(tracker.leave && { leave: (exit, s) => tracker.leave?.(exit, s) }),
  };
}
