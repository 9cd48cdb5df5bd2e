// Where this browser keeps the learner's things (localStorage). The tracker's keys name the course,
// version, language and format, so two packages of one course never read each other's progress;
// the journal, the learner's typed name and evaluation comments belong to the course, whatever the
// package, so a learner's reflections follow them from one format to another.
import type { CourseOutline } from '../content/types';

const PREFIX = 'balint';

/** The tracker's own storage (state backup, statement outbox) in an LMS package. */
export const trackerKey = (o: Pick<CourseOutline, 'id' | 'version' | 'lang'>, format: string): string => `${PREFIX}:${o.id}:${o.version}:${o.lang}:${format}`;
/** The web build's progress. */
export const webProgressKey = (o: Pick<CourseOutline, 'id' | 'lang'>): string => `${PREFIX}:${o.id}:${o.lang}`;
export const journalKey = (courseId: string): string => `${PREFIX}:${courseId}:journal`;
export const journalNotesKey = (courseId: string): string => `${PREFIX}:${courseId}:journal-notes`;
export const learnerNameKey = (courseId: string): string => `${PREFIX}:${courseId}:learner-name`;
export const evaluationCommentsKey = (courseId: string): string => `${PREFIX}:${courseId}:evaluation-comments`;
