// The Tracker for packages an LRS launched (cmi5 and Tin Can). Statements go through the durable
// outbox; the resume state goes to the State API after each event (only the latest is sent when
// events come faster than the LRS answers) and to localStorage, so nothing waits on the LRS.
import type { LaunchData, Snapshot, Tracker, TrackerNotice } from '../../events/tracker';
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

/** How long the Exit button waits for the LRS before going back to the LMS anyway. */
const LEAVE_WAIT_MS = 3000;

export function createXapiTracker(o: XapiTrackerOptions): Tracker {
  const recording = o.launch.mode === 'normal';
  /** The State API write on the wire, if any; writes go one at a time, in order. */
  let writing: Promise<unknown> | null = null;
  let next: ResumeDocument | null = null;
  /** After finish or leave: nothing more is recorded or written (a cmi5 LMS refuses it). */
  let finished = false;

  const docOf = (s: Snapshot): ResumeDocument => ({ location: s.location, suspendData: s.suspendData, soFar: o.recorder.soFar(), savedAt: new Date().toISOString() });

  const put = (doc: ResumeDocument, keepalive = false): Promise<unknown> => {
    const sent = o.client.putState(o.resumeAt, doc, { keepalive }).catch(() => 0);
    writing = sent.finally(() => {
      writing = null;
      const waiting = next;
      next = null;
      if (waiting && !finished) void put(waiting);
    });
    return writing;
  };

  /** Keeps the state in this browser at once, and in the State API as soon as the last write is done. */
  const saveState = (s: Snapshot) => {
    if (!recording) return;
    const doc = docOf(s);
    if (!writeLocalResume(o.localKey, doc)) o.listeners.forEach((l) => l({ key: 'notice.storageUnavailable' }));
    if (writing) next = doc;
    else void put(doc);
  };

  const record = (statements: ReturnType<SessionRecorder['visitPage']>, s: Snapshot) => {
    if (finished) return;
    o.outbox.enqueue(statements);
    saveState(s);
  };

  /** The last state, kept locally now; `next` is dropped, this one supersedes it. */
  const finalState = (s: Snapshot): ResumeDocument | null => {
    next = null;
    if (!recording) return null;
    const doc = docOf(s);
    writeLocalResume(o.localKey, doc);
    return doc;
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
      if (finished) return;
      saveState(s);
      // The page may be hidden for good (mobile): send what is queued while we still can.
      o.outbox.flushOnExit();
    },
    finish(exit, s) {
      // The page is going (pagehide): nothing can be awaited. The state goes on the wire first,
      // then everything else with `terminated` last, in one request.
      if (finished) return;
      finished = true;
      const doc = finalState(s);
      if (doc) void o.client.putState(o.resumeAt, doc, { keepalive: true }).catch(() => 0);
      o.outbox.enqueue(o.recorder.finish(exit));
      o.outbox.flushOnExit();
    },
    onNotice(l) {
      o.listeners.push(l);
    },
  };
  if (o.returnUrl) {
    const returnUrl = o.returnUrl;
    tracker.leave = (exit, s) => {
      if (finished) return;
      finished = true;
      // The learner pressed Exit: end the session in order, and only then go back to the LMS.
      // The last state must be stored before `terminated` (a cmi5 LMS refuses State API writes
      // after it), and `terminated` must go once and last.
      const doc = finalState(s);
      const closing = o.recorder.finish(exit);
      let stateSent = false;
      let enqueued = false;
      const enqueueClosing = () => {
        if (enqueued) return;
        enqueued = true;
        o.outbox.enqueue(closing);
      };
      const end = (async () => {
        if (writing) await writing;
        stateSent = true;
        if (doc) await put(doc, true);
        enqueueClosing();
        await o.outbox.close();
      })();
      // If the LRS is slow the learner still goes back; what is left goes out as the page leaves.
      window.addEventListener('pagehide', () => {
        if (doc && !stateSent) {
          stateSent = true;
          void o.client.putState(o.resumeAt, doc, { keepalive: true }).catch(() => 0);
        }
        enqueueClosing();
        o.outbox.flushOnExit();
      }, { once: true });
      const go = () => window.location.assign(returnUrl);
      void Promise.race([end, new Promise((r) => setTimeout(r, LEAVE_WAIT_MS))]).then(go, go);
    };
  }
  return tracker;
}
