// One Tracker for both SCORM versions (the dialect holds the differences). Every event sets its
// values and commits once. A value the LMS refuses is kept, the learner is told calmly, and it is
// sent again with the next commit; a copy of the state also stays in this browser, so a refusing
// LMS or a closed tab loses nothing. The values of a commit the LMS did not confirm are sent again
// at the next launch (unconfirmed.ts says why once is not enough in Moodle).
import type { LaunchData, Snapshot, SyncState, Tracker, TrackerNotice } from '../../events/tracker';
import { browserConnection, type Connection } from '../connection';
import type { ScormCalls, ScormDialect, Pair } from '../../scorm/dialect';
import { toInteraction, toReflectionInteraction, toSurveyInteraction } from '../../scorm/interaction';
import { readBackup, writeBackup } from './local-backup';
import { remember, renumber, supersede, type Unconfirmed } from '../../scorm/unconfirmed';

export interface ScormTrackerOptions {
  storageKey: string;
  /** course.json's id: SCORM 2004 names items and objectives by URNs in its namespace. */
  courseId: string;
  /** The items whose answers become interactions, in course order: the final assessment, the
   *  evaluation, and reflections when shared. Module knowledge checks are their module's objective. */
  recordedItems: string[];
  sendReflections: boolean;
  /** SCORM 2004 (CourseOutline.scorm2004): the most bytes of UTF-8 of a free text (reflection,
   *  comment), and interactions without question text and time. */
  textBytes?: number | null;
  brief?: boolean;
  connection?: Connection;
}

export function createScormTracker(dialect: ScormDialect, api: unknown, options: ScormTrackerOptions): Tracker {
  const lms: ScormCalls = dialect.calls(api);
  const listeners: ((n: TrackerNotice) => void)[] = [];
  const notify = (n: TrackerNotice) => listeners.forEach((l) => l(n));
  const syncListeners: ((s: SyncState) => void)[] = [];
  let sync: SyncState = 'saved';
  const setSync = (s: SyncState) => {
    if (s === sync) return;
    sync = s;
    syncListeners.forEach((l) => l(s));
  };
  const connection = options.connection ?? browserConnection;
  /** The commits the browser could not make for want of a network, kept in order and not yet set: an
   *  LMS such as Moodle marks a committed value as sent before its post arrives, and never posts it
   *  again in that sitting; and each must still be its own commit (the status before the score),
   *  so each waits whole for the network (docs/standards-notes.md). */
  let held: Unconfirmed = [];
  let lastSnapshot: Snapshot | null = null;
  /** Values not yet accepted by the LMS, resent in order on the next commit. */
  const pending = new Map<string, string>();
  const objectiveIndex = new Map<string, number>();
  /** Read-back slots (SCORM 2004): the interaction that holds each item's answer. */
  const itemSlot = new Map<string, number>();
  let interactionCount = 0;
  let mode: LaunchData['mode'] = 'normal';
  let learnerId: string | null = null;
  let started = false;
  let finished = false;
  let firstCommit = true;
  let startValues: Pair[] = [];
  /** The bookmark and state the LMS last accepted, so an unchanged save sends nothing. */
  let lastCommitted = '';
  const stateKey = (s: Snapshot) => `${s.location}\n${s.suspendData}`;
  /** Values of commits the LMS did not confirm in this sitting, and those of the last sitting still
   *  to be sent again (with the first commit). */
  let unconfirmed: Unconfirmed = [];
  let replay: Unconfirmed = [];
  /** The state in the LMS is older than this browser's copy. */
  let unsynced = false;
  /** Not sent again: the bookmark and state travel in the backup itself; exit and time are the sitting's. */
  const notReplayed = new Set([dialect.location, dialect.suspendData, ...dialect.exitValues('suspend', 0).map(([e]) => e)]);
  const startedAt = Date.now();

  const get = (element: string): string => {
    try {
      return String(lms.getValue(element) ?? '');
    } catch {
      return '';
    }
  };

  const set = (element: string, value: string): boolean => {
    let ok = false;
    try {
      ok = String(lms.setValue(element, value)) === 'true';
    } catch {
      ok = false;
    }
    if (ok) {
      pending.delete(element);
      return true;
    }
    pending.delete(element);
    pending.set(element, value);
    const code = safe(() => String(lms.getLastError()));
    console.warn(`LMS refused ${element} (error ${code}: ${safe(() => String(lms.getErrorString(code)))})`);
    return false;
  };

  const safe = (f: () => string): string => {
    try {
      return f();
    } catch {
      return '';
    }
  };

  /** Sets the values (after any still pending), then stores them with `persist` (Commit, or
   *  Terminate on the way out), keeping a copy in this browser that says whether the LMS took them.
   *  `leaving`: the page may be unloading, when an LMS such as Moodle posts by sendBeacon and
   *  answers true whatever becomes of the post; after a failure, such a true proves nothing. */
  const store = (pairs: Pair[], snapshot: Snapshot, persist: () => unknown, leaving = false): boolean => {
    // Leaving while still offline: what was held goes into this last post, and is kept for the next launch.
    const all: Pair[] = [...held.flat(), ...pending.entries(), ...(firstCommit ? startValues : []), ...pairs];
    firstCommit = false;
    lastSnapshot = snapshot;
    let refused = 0;
    for (const [el, v] of all) if (!set(el, v)) refused++;
    const stored = safe(() => String(persist())) === 'true';
    // A refused value stays pending and goes with the next commit; a commit not confirmed is kept
    // whole, and so is what was held while offline until a commit confirms it.
    const notConfirmed = !stored || (leaving && (unsynced || unconfirmed.length > 0 || replay.length > 0 || held.length > 0));
    const failed = refused > 0 || notConfirmed;
    unconfirmed = notConfirmed ? remember([...unconfirmed, ...held], all, notReplayed) : supersede(unconfirmed, all);
    held = [];
    unsynced = failed;
    if (!failed) lastCommitted = stateKey(snapshot);
    backup(snapshot);
    setSync(failed ? 'offline' : 'saved');
    return !failed;
  };

  const backup = (snapshot: Snapshot) => {
    if (recording()) writeBackup(options.storageKey, { learnerId, location: snapshot.location, suspendData: snapshot.suspendData, unsynced, unconfirmed: [...replay, ...unconfirmed, ...held] });
  };

  /** Offline: the commit waits, whole, and this browser keeps a copy. */
  const hold = (pairs: Pair[], snapshot: Snapshot): void => {
    const all: Pair[] = [...(firstCommit ? startValues : []), ...pairs];
    firstCommit = false;
    lastSnapshot = snapshot;
    held = remember(held, all, notReplayed);
    unsynced = true;
    backup(snapshot);
    setSync('offline');
  };

  /** The network is back: each held commit is made, in order, as it would have been. */
  const flushHeld = (): void => {
    const groups = held;
    held = [];
    for (const [n, g] of groups.entries()) {
      const refused = g.filter(([el, v]) => !set(el, v)).length;
      if (refused > 0 || safe(() => String(lms.commit())) !== 'true') {
        unconfirmed = [...unconfirmed, ...groups.slice(n)];
        return;
      }
    }
  };

  /** Sends again, in order and each as its own commit, what the last sitting could not confirm. */
  const replayUnconfirmed = (): void => {
    const groups = replay;
    replay = [];
    for (const g of groups) {
      const pairs = renumber(g, slotFor, objectiveSlot);
      const refused = pairs.filter(([el, v]) => !set(el, v)).length;
      if (refused > 0 || safe(() => String(lms.commit())) !== 'true') unconfirmed = remember(unconfirmed, pairs, notReplayed);
    }
  };

  /** Sets the values and commits once (without a network: sets them and waits for it). */
  const commit = (pairs: Pair[], snapshot: Snapshot, leaving = false): void => {
    if (!started || finished) return;
    if (recording() && !leaving && !connection.online()) return hold(pairs, snapshot);
    if (held.length && !leaving) flushHeld();
    if (replay.length && !leaving) replayUnconfirmed();
    if (!store(pairs, snapshot, () => lms.commit(), leaving) && recording() && connection.online()) notify({ key: 'notice.lmsRefused' });
  };

  // The network is back: commit what was held, which the LMS then posts as new values.
  connection.onOnline(() => {
    if (held.length && lastSnapshot && !finished) commit(stateValues(lastSnapshot), lastSnapshot);
    else if (!unsynced) setSync('saved');
  });
  // The session time in the LMS's data model stays current without a commit: an LMS that posts its
  // whole record as its own page unloads, before the course hears of it (Forma), posts this one.
  const clock = setInterval(() => {
    if (started && !finished && recording()) safe(() => String(lms.setValue(...dialect.sessionTime((Date.now() - startedAt) / 1000))));
  }, 2000);
  connection.onOffline(() => {
    if (started && !finished && recording()) setSync('offline');
  });

  const stateValues = (s: Snapshot): Pair[] => {
    if (mode !== 'normal') return [];
    return [
      [dialect.location, s.location], [dialect.suspendData, s.suspendData], ...dialect.progressValues(s.progress),
      // What resume and time need is stored before the page goes: an LMS may post nothing as it does.
      dialect.sessionTime((Date.now() - startedAt) / 1000),
    ];
  };

  const recording = () => mode === 'normal';
  /** An item id or module slug as this LMS is given it (SCORM 2004: a URN). */
  const lmsId = (id: string) => dialect.identifier(options.courseId, id);
  const textBytes = options.textBytes ?? Infinity;
  const brief = options.brief ?? false;

  /** The index an id already has, or the next one, kept. */
  const indexOf = (index: Map<string, number>, id: string, next: () => number): number => {
    if (!index.has(id)) index.set(id, next());
    return index.get(id)!;
  };
  /** The objective that holds a module's score: the one the LMS already has, or the next. */
  const objectiveSlot = (id: string): number => indexOf(objectiveIndex, id, () => objectiveIndex.size);
  /** Where an item's answer goes: a new interaction, or (per item) the one that already holds it. */
  const fixedSlots = new Map(options.recordedItems.map((id, n) => [lmsId(id), n]));
  /** SCORM 1.2 fills its interactions array in order, and a sitting cannot read back what is in it:
   *  each sitting's first commit names every recorded item's place, so an answer can go to its own. */
  const fixedSlotIds = (): Pair[] => (dialect.interactionSlots === 'fixed' ? [...fixedSlots].map(([id, n]) => [dialect.interactionId(n), id]) : []);
  const slotFor = (itemId: string): number =>
    indexOf(dialect.interactionSlots === 'fixed' ? fixedSlots : itemSlot, itemId, () => (dialect.interactionSlots === 'fixed' ? fixedSlots.size : interactionCount++));

  return {
    standard: dialect.standard,

    async start(): Promise<LaunchData> {
      let initialised = false;
      try {
        initialised = String(lms.initialize()) === 'true';
      } catch {
        initialised = false;
      }
      if (!initialised) throw new ScormStartError(safe(() => String(lms.getLastError())));
      started = true;
      const read = dialect.readLaunch(get);
      mode = read.mode;
      learnerId = read.learner.id;
      interactionCount = Number.parseInt(get(dialect.interactionCount), 10) || 0;
      if (dialect.interactionSlots === 'read-back') for (let n = 0; n < interactionCount; n++) itemSlot.set(get(dialect.interactionId(n)), n);
      const objectives = Number.parseInt(get(dialect.objectiveCount), 10) || 0;
      for (let n = 0; n < objectives; n++) objectiveIndex.set(get(dialect.objectiveId(n)), n);
      // A fresh attempt (the LMS has no status for it yet) has start values.
      const fresh = dialect.startValues(get);
      // Suspended from the first save, not only when the sitting ends: a tab the phone kills never
      // ends it, and an LMS restores the bookmark and state only after exit "suspend" (SCORM 2004;
      // Moodle's scorm_13lib.php). finish() sets the exit the sitting really had.
      startValues = recording() ? [...fresh, [dialect.exit, 'suspend'], ...fixedSlotIds()] : [];
      const notices: string[] = [];
      if (mode === 'browse') notices.push('notice.browse');
      if (mode === 'review') notices.push('notice.review');
      // A state this browser kept because the LMS refused it last time is newer than the LMS's.
      let { savedState, location } = read;
      // Not into a new attempt, though: it starts clean, as Moodle's "Start a new attempt" promises.
      const backup = readBackup(options.storageKey);
      if (backup && backup.learnerId === learnerId && mode === 'normal' && fresh.length === 0) {
        if (backup.unsynced) {
          savedState = backup.suspendData;
          location = backup.location;
          unsynced = true;
          notices.push('notice.restoredLocal');
        }
        replay = backup.unconfirmed;
      }
      return { ...read, savedState, location, standard: dialect.standard, reporting: mode === 'normal', notices, preferredLang: null };
    },

    visitPage(s) {
      commit(stateValues(s), s);
    },

    answer(events, s) {
      if (!recording()) return commit([], s);
      const pairs: Pair[] = [];
      for (const e of events) {
        // A knowledge check is recorded as its module's objective: every item as an interaction would
        // pass what LMSs post as the page unloads (Moodle's and Forma's beacons, within 64 KiB).
        if (e.kind === 'check') continue;
        const i = toInteraction(e.item, e.response, dialect.responses);
        const id = lmsId(i.id);
        pairs.push(...dialect.interactionValues(slotFor(id), { ...i, id, timestamp: new Date(), latencySeconds: e.latencyMs / 1000, brief }));
      }
      const objective = events.at(-1)?.objective;
      if (objective) {
        const id = lmsId(objective.id);
        pairs.push(...dialect.objectiveValues(objectiveSlot(id), { ...objective, id }));
      }
      commit([...pairs, ...stateValues(s)], s);
    },

    reflect(e, s) {
      if (!recording() || !options.sendReflections) return commit(stateValues(s), s);
      const r = toReflectionInteraction(e.item, e.text, dialect.responses, textBytes);
      if (r.truncated) notify({ key: 'notice.reflectionTruncated' });
      const id = lmsId(r.id);
      commit([...dialect.interactionValues(slotFor(id), { ...r, id, timestamp: new Date(), latencySeconds: 0, brief }), ...stateValues(s)], s);
    },

    survey(events, s) {
      if (!recording()) return commit([], s);
      const pairs = events.flatMap((e) => {
        const i = toSurveyInteraction(e.item, e.answer, dialect.responses, textBytes);
        const id = lmsId(i.id);
        return dialect.interactionValues(slotFor(id), { ...i, id, timestamp: new Date(), latencySeconds: 0, brief });
      });
      commit([...pairs, ...stateValues(s)], s);
    },

    // Two commits: the status first, then the score. Moodle 4.3 judges activity completion when
    // score.raw is stored, reading the status it holds then, and it posts a commit's score before
    // its status; a status that changes (incomplete → passed) is never judged again (docs/standards-notes.md).
    setResult(r, s) {
      if (!recording()) return commit([], s);
      commit([...dialect.statusValues(r), ...stateValues(s)], s);
      const score = dialect.scoreValues(r);
      if (score.length) commit(score, s);
    },

    // Called when the page is hidden, often just before it unloads: everything is committed with
    // each event already, so only a change since then is sent. While a page unloads an LMS such
    // as Moodle posts by sendBeacon, whose budget (about 64 KB in flight) a second copy would spend.
    save(s) {
      if (!recording()) return;
      if (pending.size === 0 && lastCommitted === stateKey(s)) return;
      commit(stateValues(s), s, true);
    },

    // The exit values, then Terminate, which stores them itself: one post on the way out, not two.
    // The exit is "suspend" even when the learner has finished: a learner comes back to a finished
    // attempt for their result and certificate, and an LMS hands the saved state back only to a
    // suspended attempt (Moodle's SCORM 2004 player; SCORM 2004 RTE 4.2.8: "normal" ends it).
    finish(_exit, s) {
      if (!started || finished) return;
      finished = true;
      // Review and preview record nothing: end the session and keep no copy of their state.
      if (!recording()) {
        safe(() => String(lms.terminate()));
        return;
      }
      clearInterval(clock);
      if (!store([...stateValues(s), ...dialect.exitValues('suspend', (Date.now() - startedAt) / 1000)], s, () => lms.terminate(), true)) {
        console.warn(`LMS did not confirm the end of the session (error ${safe(() => String(lms.getLastError()))})`);
      }
    },

    onNotice(l) {
      listeners.push(l);
    },

    onSync(l) {
      syncListeners.push(l);
    },

    standBy() {
      clearInterval(clock);
    },
  };
}

export class ScormStartError extends Error {
  constructor(readonly code: string) {
    super(`LMS initialise failed (error ${code})`);
  }
}
