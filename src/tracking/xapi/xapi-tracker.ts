// The Tracker for packages an LRS launched (cmi5 and Tin Can). Statements go through the durable
// outbox; the resume state goes to the State API after each event (only the latest is sent when
// events come faster than the LRS answers) and to localStorage, so nothing waits on the LRS.
import type { LaunchData, Snapshot, Tracker, TrackerNotice } from '../tracker';
import type { Outbox } from '../../xapi/outbox';
import type { DocumentAddress, LrsClient } from '../../xapi/lrs-client';
import type { SessionRecorder } from '../../xapi/session-recorder';
import { writeLocalResume, type ResumeDocument } from '../../xapi/resume-document';

export interface XapiTrackerOptions {
  standard: 'cmi5' | 'xapi';
  client: LrsClient;
  outbox: Outbox;
  recorder: SessionRecorder;
  /** Where the resume document lives in the State API. */
  resumeAt: DocumentAddress;
  /** localStorage key of the resume mirror. */
  localKey: string;
  launch: Pick<LaunchData, 'mode' | 'learner' | 'masteryScore' | 'preferredLang' | 'notices'>;
  saved: ResumeDocument | null;
  returnUrl: string | null;
  /** Lets the launch forward outbox notices to the player. */
  listeners: ((n: TrackerNotice) => void)[];
}

export function createXapiTracker(o: XapiTrackerOptions): Tracker {
  const recording = o.launch.mode === 'normal';
  let putting = false;
  let next: ResumeDocument | null = null;
  let finished = false;

  const put = (doc: ResumeDocument) => {
    putting = true;
    o.client
      .putState(o.resumeAt, doc, { keepalive: false })
      .catch(() => 0)
      .finally(() => {
        putting = false;
        const waiting = next;
        next = null;
        if (waiting) put(waiting);
      });
  };

  const saveState = (s: Snapshot, keepalive = false) => {
    if (!recording) return;
    const doc: ResumeDocument = { location: s.location, suspendData: s.suspendData, soFar: o.recorder.soFar(), savedAt: new Date().toISOString() };
    if (!writeLocalResume(o.localKey, doc)) o.listeners.forEach((l) => l({ key: 'notice.storageUnavailable' }));
    if (keepalive) void o.client.putState(o.resumeAt, doc, { keepalive: true }).catch(() => 0);
    else if (putting) next = doc;
    else put(doc);
  };

  const record = (statements: ReturnType<SessionRecorder['visitPage']>, s: Snapshot) => {
    o.outbox.enqueue(statements);
    saveState(s);
  };

  const tracker: Tracker = {
    standard: o.standard,
    async start(): Promise<LaunchData> {
      o.outbox.enqueue(o.recorder.start(o.saved !== null));
      void o.outbox.flush();
      const notices = [...o.launch.notices];
      if (o.launch.mode === 'browse') notices.push('notice.browse');
      if (o.launch.mode === 'review') notices.push('notice.review');
      return {
        standard: o.standard,
        reporting: recording,
        mode: o.launch.mode,
        learner: o.launch.learner,
        savedState: o.saved?.suspendData ?? null,
        location: o.saved?.location ?? null,
        masteryScore: o.launch.masteryScore,
        previouslyCompleted: o.launch.mode === 'review',
        preferredLang: o.launch.preferredLang,
        notices,
      };
    },
    visitPage: (s) => record(o.recorder.visitPage(s), s),
    answer: (events, s) => record(o.recorder.answer(events), s),
    reflect: (e, s) => record(o.recorder.reflect(e), s),
    survey: (events, s) => record(o.recorder.survey(events), s),
    setResult: (r, s) => record(o.recorder.setResult(r), s),
    save(s) {
      saveState(s);
      // The page may be hidden for good (mobile): send what is queued while we still can.
      o.outbox.flushOnExit();
    },
    finish(exit, s) {
      if (finished) return;
      finished = true;
      o.outbox.enqueue(o.recorder.finish(exit));
      saveState(s, true);
      o.outbox.flushOnExit();
    },
    onNotice(l) {
      o.listeners.push(l);
    },
  };
  if (o.returnUrl) {
    const returnUrl = o.returnUrl;
    tracker.leave = () => {
      // Give the LRS a moment to confirm, then go back to the LMS (keepalive covers the rest).
      const go = () => window.location.assign(returnUrl);
      void Promise.race([o.outbox.flush(), new Promise((r) => setTimeout(r, 2000))]).then(go, go);
    };
  }
  return tracker;
}
