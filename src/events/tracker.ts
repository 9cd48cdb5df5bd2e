// The one interface between the player and whatever launched it (SCORM 1.2, SCORM 2004, cmi5,
// Tin Can, or nothing). The player calls these events and never knows the standard; each
// adapter translates them to its runtime. Every event carries the current snapshot, and an
// adapter makes at most one commit per event.
import type { Lang, QuizItem, ScoredItem } from '../content/types';
import type { Response } from '../quiz/response';

export type Standard = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi' | 'standalone';

/** What the runtime told us at launch. */
export interface LaunchData {
  standard: Standard;
  /** False when nothing records the learner's progress but this browser. */
  reporting: boolean;
  /** normal: records; browse (preview) and review: shows, never changes status or score. */
  mode: 'normal' | 'browse' | 'review';
  learner: { id: string | null; name: string | null };
  /** The saved state (suspend_data or its equivalent), exactly as stored. */
  savedState: string | null;
  /** The saved bookmark, exactly as stored. */
  location: string | null;
  /** A mastery score (0–100) set by the LMS, overriding course.json. */
  masteryScore: number | null;
  /** The attempt was finished before: open in review. */
  previouslyCompleted: boolean;
  /** A language the runtime prefers (cmi5 languagePreference). */
  preferredLang: Lang | null;
  /** Interface-string keys of notices to show the learner (e.g. no LMS found). */
  notices: string[];
}

/** The state to persist with every event: bookmark, encoded progress and answers. */
export interface Snapshot {
  location: string;
  suspendData: string;
  /** 0–1 share of pages visited. */
  progress: number;
  moduleSlug: string;
  pageId: string;
}

export interface AnswerEvent {
  item: ScoredItem;
  /** A module's knowledge check, or the final assessment. */
  kind: 'check' | 'assessment';
  response: Response;
  correct: boolean;
  latencyMs: number;
  moduleSlug: string;
  /** The module's objective after this answer. */
  objective: { id: string; scorePercent: number; status: 'passed' | 'failed' | 'incomplete' };
}

export interface ReflectionEvent { item: QuizItem; text: string; moduleSlug: string }
export interface SurveyEvent { item: QuizItem; answer: string; moduleSlug: string }

export interface ResultEvent {
  scorePercent: number;
  passed: boolean;
  /** The assessment was submitted, so the course's content is done (xAPI `completed`). */
  completed: boolean;
  /** The attempt is over: passed, or failed with no retake left. SCORM reports a failed attempt
   *  with retakes left as unfinished: an LMS opens a finished one in review, with no way to retake. */
  final: boolean;
}

/** Something the learner should know about tracking: a value the LMS refused, storage full… */
export interface TrackerNotice { key: string; detail?: string }

/** Whether what the learner did is stored where it is reported: `saved` (the LMS or LRS confirmed
 *  all of it), `saving` (on its way), `offline` (kept in this browser, to be sent when it can be). */
export type SyncState = 'saved' | 'saving' | 'offline';

export interface Tracker {
  readonly standard: Standard;
  start(): Promise<LaunchData>;
  visitPage(snapshot: Snapshot): void;
  /** One or more answers submitted together (a quiz item, or a whole assessment): one commit. */
  answer(events: AnswerEvent[], snapshot: Snapshot): void;
  reflect(event: ReflectionEvent, snapshot: Snapshot): void;
  survey(events: SurveyEvent[], snapshot: Snapshot): void;
  setResult(event: ResultEvent, snapshot: Snapshot): void;
  /** Persist now (pagehide, visibilitychange) without ending the session. */
  save(snapshot: Snapshot): void;
  /** End the session exactly once: suspend when unfinished, normal when finished. */
  finish(exit: 'suspend' | 'normal', snapshot: Snapshot): void;
  onNotice(listener: (notice: TrackerNotice) => void): void;
  /** Told each time the sync state changes. Trackers with nothing to send never call it. */
  onSync?(listener: (state: SyncState) => void): void;
  /** Another sitting of this attempt has taken over: make no call to the LMS from now on. */
  standBy?(): void;
  /** The learner's Exit: end the session like finish(), but in order, waiting for the LMS to
   *  confirm, then take the learner back to it (cmi5 returnURL). Present only when the LMS gave
   *  somewhere to go, so the player shows its Exit button only then. */
  leave?(exit: 'suspend' | 'normal', snapshot: Snapshot): void;
}
