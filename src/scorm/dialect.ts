// What differs between SCORM 1.2 and SCORM 2004 for this course: element names, formats, limits
// and the order of values. The one SCORM tracker (src/tracking/scorm) speaks through a dialect;
// each version's folder (src/scorm12, src/scorm2004) owns the names and formats it writes.
import type { LaunchData, ResultEvent, AnswerEvent } from '../events/tracker';
import type { InteractionRecord, ResponseFormat } from './interaction';

/** The LMS API, called the same way for both standards. */
export interface ScormCalls {
  initialize(): string;
  terminate(): string;
  getValue(element: string): string;
  setValue(element: string, value: string): string;
  commit(): string;
  getLastError(): string;
  getErrorString(code: string): string;
}

/** An element and the value to set. */
export type Pair<Element extends string = string> = [element: Element, value: string];

export interface RecordedInteraction extends InteractionRecord {
  timestamp: Date;
  /** 0 when not measured (an assessment submitted whole, a comment): SCORM 2004 then sends none. */
  latencySeconds: number;
  /** SCORM 2004: leave out the question text and the time, when the whole attempt would not
   *  otherwise fit the post Moodle makes as the learner leaves (scorm2004/unload-budget.ts). */
  brief?: boolean;
}

export interface ScormDialect {
  standard: 'scorm12' | 'scorm2004';
  apiName: 'API' | 'API_1484_11';
  calls(api: unknown): ScormCalls;
  suspendDataLimit: number;
  location: string;
  suspendData: string;
  /** The exit element: "suspend" from the first save, the sitting's own exit when it ends. */
  exit: string;
  interactionCount: string;
  objectiveCount: string;
  /** The id the LMS is given for one of the course's item ids or module slugs (SCORM 2004: a URN). */
  identifier(courseId: string, id: string): string;
  /** The element holding the id of interaction n, and of objective n (read back at launch). */
  interactionId(n: number): string;
  objectiveId(n: number): string;
  /** How this version writes responses and free text. */
  responses: ResponseFormat;
  /** Reads mode, learner, saved state, mastery score and whether the attempt was finished. */
  readLaunch(get: (element: string) => string): Omit<LaunchData, 'standard' | 'reporting' | 'notices' | 'preferredLang'>;
  /** Values to set on the first commit of a new attempt (status incomplete). */
  startValues(get: (element: string) => string): Pair[];
  progressValues(progress: number): Pair[];
  /** Where each recorded item's interaction is: one per item, updated when it is answered again.
   *  fixed: at the item's place among the course's recorded items (SCORM 1.2's interactions are
   *  write-only, so a sitting cannot read back where an earlier one put them); read-back: where the
   *  LMS holds an interaction with its id, else the next free one (SCORM 2004). */
  interactionSlots: 'fixed' | 'read-back';
  /** The session time so far, set with every commit: some LMSs (Forma) store what the course set
   *  before the page went, not what it sets as it goes. */
  sessionTime(seconds: number): Pair;
  interactionValues(n: number, i: RecordedInteraction): Pair[];
  objectiveValues(n: number, o: AnswerEvent['objective']): Pair[];
  /** The attempt's status (1.2 lesson_status; 2004 success and completion), committed on its own first. */
  statusValues(r: ResultEvent): Pair[];
  /** The score, committed after the status: Moodle judges grade and completion when score.raw is
   *  stored, reading the status it holds by then (docs/standards-notes.md). Empty when the score must wait. */
  scoreValues(r: ResultEvent): Pair[];
  exitValues(exit: 'suspend' | 'normal', sessionSeconds: number): Pair[];
}
