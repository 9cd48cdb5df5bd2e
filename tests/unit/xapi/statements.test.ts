// The statement builders: every shape is valid xAPI 1.0.3 under strict validation, activity ids sit
// under the course IRI in every language, cmi5 categories only where cmi5 requires them, and a
// reflection's text is sent only when the course opts in.
import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { answerStatement, completedStatement, pageStatement, reflectionStatement, sessionStatement, surveyStatement, verdictStatement } from '../../../src/xapi/statements';
import { nameUuid, randomUuid, isUuid } from '../../../src/xapi/uuid';
import { CMI5 } from '../../../src/xapi/vocabulary';
import { statementProblems } from './strict-statement';
import { CMI5_TEMPLATE, COURSE_IRI, REGISTRATION, comment, likert, match, multiple, reflection, scope, single, sort, stamp, truefalse } from './fixtures';

const answer = (item: typeof single, response: unknown, correct = true) =>
  ({ item, response, correct, latencyMs: 12_345, moduleSlug: 'origins', objective: { id: 'origins', scorePercent: 50, status: 'incomplete' } }) as Parameters<typeof answerStatement>[2];

function every(s = scope()): Statement[] {
  return [
    sessionStatement(s, stamp(), 'initialized'),
    sessionStatement(s, stamp(), 'resumed'),
    pageStatement(s, stamp(), 'origins', 'origins-1'),
    answerStatement(s, stamp(), answer(single, { type: 'single', optionId: 'a' })),
    answerStatement(s, stamp(), answer(multiple, { type: 'multiple', optionIds: ['a', 'c'] })),
    answerStatement(s, stamp(), answer(truefalse, { type: 'truefalse', value: false })),
    answerStatement(s, stamp(), answer(sort, { type: 'sort', placements: { s2: 'cannot', s1: 'can' } })),
    answerStatement(s, stamp(), answer(match, { type: 'match', placements: { m1: 'balint', m2: 'balint' } }, false)),
    reflectionStatement(s, stamp(), { item: reflection, text: 'I felt tired.', moduleSlug: 'origins' }, false),
    reflectionStatement(s, stamp(), { item: reflection, text: 'I felt tired.', moduleSlug: 'origins' }, true),
    surveyStatement(s, stamp(), { item: likert, answer: 'agree', moduleSlug: 'assessment' }),
    surveyStatement(s, stamp(), { item: comment, answer: 'Useful.', moduleSlug: 'assessment' }),
    completedStatement(s, stamp(), 3_600_000),
    verdictStatement(s, stamp(), true, 85, 3_600_000, 0.8),
    verdictStatement(s, stamp(), false, 40, 61_000, null),
    sessionStatement(s, stamp(), 'suspended'),
    sessionStatement(s, stamp(), 'terminated', 3_723_450),
  ];
}

describe('statement builders', () => {
  it('builds only statements that pass strict xAPI 1.0.3 validation (Tin Can/SCORM and cmi5 scopes)', () => {
    const cmi5 = scope({ cmi5: true, contextTemplate: CMI5_TEMPLATE, root: { objectType: 'Activity', id: 'https://lms.example.org/au/1' } });
    for (const s of [...every(), ...every(cmi5), ...every(scope({ lang: 'it', registration: null }))]) {
      expect(statementProblems(s), JSON.stringify(s, null, 1)).toEqual([]);
    }
  });

  it('puts interaction definitions with type, components and the correct pattern on answers', () => {
    const [, , , s1, m, tf, so, ma] = every();
    const def = (s: Statement) => (s.object as unknown as { definition: Record<string, unknown> }).definition;
    expect(def(s1)).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['a'], choices: [{ id: 'a', description: { en: 'Budapest' } }, { id: 'b' }] });
    expect(def(s1).name).toEqual({ en: 'Where was Michael Balint born?' });
    expect(def(m)).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['a[,]c'] });
    expect(m.result?.response).toBe('a[,]c');
    expect(def(tf)).toMatchObject({ interactionType: 'true-false', correctResponsesPattern: ['false'] });
    expect(tf.result).toMatchObject({ response: 'false', success: true, duration: 'PT12.35S' });
    expect(def(so)).toMatchObject({ interactionType: 'matching', correctResponsesPattern: ['s1[.]can[,]s2[.]cannot'], source: [{ id: 's1' }, { id: 's2' }], target: [{ id: 'can' }, { id: 'cannot' }] });
    expect(so.result?.response).toBe('s1[.]can[,]s2[.]cannot');
    expect(ma.result).toMatchObject({ success: false, response: 'm1[.]balint[,]m2[.]balint' });
  });

  it('uses activity ids under the course IRI, the same in both languages, with the language in the context', () => {
    const en = answerStatement(scope(), stamp(), answer(single, { type: 'single', optionId: 'a' }));
    const it = answerStatement(scope({ lang: 'it' }), stamp(), answer(single, { type: 'single', optionId: 'a' }));
    expect((en.object as { id: string }).id).toBe(`${COURSE_IRI}/module/origins/item/origins-q1`);
    expect((it.object as { id: string }).id).toBe((en.object as { id: string }).id);
    expect(en.context?.language).toBe('en');
    expect(it.context?.language).toBe('it');
    expect(en.context?.registration).toBe(REGISTRATION);
    expect(en.context?.contextActivities?.parent?.[0].id).toBe(`${COURSE_IRI}/module/origins`);
    expect(en.context?.contextActivities?.grouping?.map((a) => a.id)).toEqual([COURSE_IRI]);
  });

  it('says a reflection was answered without its text, unless the course opts in', () => {
    const [, , , , , , , , privateOne, shared] = every();
    expect(privateOne.verb.id).toBe('http://adlnet.gov/expapi/verbs/responded');
    expect(JSON.stringify(privateOne)).not.toContain('I felt tired');
    expect(privateOne.result).toEqual({ completion: true });
    expect(shared.result?.response).toBe('I felt tired.');
  });

  it('gives cmi5-defined statements the cmi5 category, moveOn where cmi5 requires it, and keeps the context template', () => {
    const s = scope({ cmi5: true, contextTemplate: CMI5_TEMPLATE, root: { objectType: 'Activity', id: 'https://lms.example.org/au/1' } });
    const cats = (x: Statement) => (x.context?.contextActivities?.category ?? []).map((a) => a.id);
    const all = every(s);
    const byVerb = (v: string) => all.filter((x) => x.verb.id.endsWith(`/${v}`));
    for (const v of ['initialized', 'terminated']) expect(cats(byVerb(v)[0])).toEqual([CMI5.category]);
    for (const v of ['completed', 'passed', 'failed']) expect(cats(byVerb(v)[0])).toEqual([CMI5.category, CMI5.moveOnCategory]);
    for (const v of ['answered', 'experienced', 'responded', 'suspended', 'resumed']) for (const x of byVerb(v)) expect(cats(x)).toEqual([]);
    for (const x of all) {
      expect(x.context?.extensions?.[CMI5.sessionId]).toBe('session-1');
      expect(x.context?.contextActivities?.grouping?.[0].id).toBe('https://lms.example.org/course/7');
    }
    expect(byVerb('passed')[0].context?.extensions?.[CMI5.masteryScore]).toBe(0.8);
    expect(byVerb('failed')[0].context?.extensions?.[CMI5.masteryScore]).toBeUndefined();
    expect(byVerb('passed')[0].result).toEqual({ score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, success: true, duration: 'PT1H' });
    // The template given by the LMS is never changed.
    expect(CMI5_TEMPLATE.contextActivities.grouping).toHaveLength(1);
  });

  it('gives no cmi5 category outside cmi5', () => {
    for (const x of every()) expect(JSON.stringify(x)).not.toContain('cmi5');
  });
});

describe('durations and ids', () => {
  it('makes random v4 ids and stable name-based ids', () => {
    const ids = new Set(Array.from({ length: 200 }, randomUuid));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(isUuid(id)).toBe(true);
    expect(nameUuid('a|b')).toBe(nameUuid('a|b'));
    expect(nameUuid('a|b')).not.toBe(nameUuid('a|c'));
    expect(isUuid(nameUuid('x'))).toBe(true);
  });
});
