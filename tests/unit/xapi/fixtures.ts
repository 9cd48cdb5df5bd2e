// Small, hand-made course data for the xAPI unit tests (the real course is tested end to end).
import type { ModuleOutline, ReflectionItem, ScoredItem, SurveyItem } from '../../../src/content/types';
import type { StatementScope } from '../../../src/xapi/statements';

export const COURSE_IRI = 'https://balint-course.org/xapi/course/balint-method';
export const REGISTRATION = '6c4f6d2e-9a51-4d9b-8f3e-2b7b8d6e1a10';

export const single: ScoredItem = {
  id: 'origins-q1', type: 'single', teaches: 'budapest', prompt: 'Where was <em>Michael Balint</em> born?',
  options: [
    { id: 'a', text: 'Budapest', correct: true, feedback: 'Yes.' },
    { id: 'b', text: 'Vienna', correct: false, feedback: 'No.' },
  ],
};
export const multiple: ScoredItem = {
  id: 'premises-q2', type: 'multiple', teaches: 'drug', prompt: 'Which are premises?',
  options: [
    { id: 'a', text: 'The doctor is a drug', correct: true, feedback: '' },
    { id: 'b', text: 'Experience is enough', correct: false, feedback: '' },
    { id: 'c', text: 'Relationships matter', correct: true, feedback: '' },
  ],
};
export const truefalse: ScoredItem = { id: 'myths-q1', type: 'truefalse', teaches: 'myths', prompt: 'It is group therapy.', labels: { true: 'Myth', false: 'Fact' }, answer: false, feedback: { true: '', false: '' } };
export const sort: ScoredItem = {
  id: 'can-q1', type: 'sort', teaches: 'can', prompt: 'Sort these.',
  categories: [{ id: 'can', text: 'Can' }, { id: 'cannot', text: 'Cannot' }],
  statements: [{ id: 's1', text: 'Loosen rigid thinking', category: 'can', feedback: '' }, { id: 's2', text: 'Cure burnout alone', category: 'cannot', feedback: '' }],
};
export const match: ScoredItem = {
  id: 'diff-q1', type: 'match', teaches: 'diff', prompt: 'Match.',
  targets: [{ id: 'balint', text: 'Balint group' }, { id: 'therapy', text: 'Group therapy' }],
  sources: [{ id: 'm1', text: 'Focus on the relationship', target: 'balint', feedback: '' }, { id: 'm2', text: 'Focus on the members', target: 'therapy', feedback: '' }],
};
export const reflection: ReflectionItem = { id: 'origins-r1', type: 'reflection', teaches: 'budapest', prompt: 'How did this patient make you feel?', hint: '' };
export const likert: SurveyItem = { id: 'eval-1', type: 'survey', teaches: 'eval', prompt: 'Relevant to practice?', scale: [{ id: 'agree', text: 'Agree' }, { id: 'disagree', text: 'Disagree' }] };
export const comment: SurveyItem = { id: 'eval-9', type: 'survey', teaches: 'eval', prompt: 'Any comment?', scale: null };

export const modules: ModuleOutline[] = [
  { slug: 'origins', title: 'Origins', assessment: false, objectives: [], pages: [{ id: 'origins-1', title: 'Budapest', sections: [] }], items: [] },
  { slug: 'assessment', title: 'Assessment', assessment: true, objectives: [], pages: [{ id: 'assessment-1', title: 'Final assessment', sections: [] }], items: [] },
];

export function scope(overrides: Partial<StatementScope> = {}): StatementScope {
  return {
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-42' } },
    courseIri: COURSE_IRI,
    root: { objectType: 'Activity', id: COURSE_IRI },
    lang: 'en',
    registration: REGISTRATION,
    contextTemplate: null,
    cmi5: false,
    modules,
    ...overrides,
  };
}

export const CMI5_TEMPLATE = {
  contextActivities: { grouping: [{ objectType: 'Activity' as const, id: 'https://lms.example.org/course/7' }] },
  extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
};

let n = 0;
export const stamp = () => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, timestamp: '2026-12-01T10:00:00.000Z' });
