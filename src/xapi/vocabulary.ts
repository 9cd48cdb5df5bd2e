// The verbs and cmi5 IRIs this course speaks. ADL verbs for everything; cmi5 adds categories and
// context extensions. Kept in one place so a statement never carries a misspelt IRI.
import type { Verb } from '@xapi/xapi';

const adl = (name: string): Verb => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } as Verb['display'] });

export const VERBS = {
  launched: adl('launched'),
  initialized: adl('initialized'),
  experienced: adl('experienced'),
  answered: adl('answered'),
  responded: adl('responded'),
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
  suspended: adl('suspended'),
  resumed: adl('resumed'),
  terminated: adl('terminated'),
} as const;

export type VerbName = keyof typeof VERBS;

/** cmi5 (2016 / quartz) identifiers. */
export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
  launchUrl: 'https://w3id.org/xapi/cmi5/context/extensions/launchurl',
  moveOn: 'https://w3id.org/xapi/cmi5/context/extensions/moveon',
  launchParameters: 'https://w3id.org/xapi/cmi5/context/extensions/launchparameters',
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  launchDataStateId: 'LMS.LaunchData',
  learnerPreferencesProfileId: 'cmi5LearnerPreferences',
} as const;

/** Activity types (ADL vocabulary). */
export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  module: 'http://adlnet.gov/expapi/activities/module',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;
