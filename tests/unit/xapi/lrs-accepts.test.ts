// Learning Locker's statement service (the test LRS) stores every statement shape we build, sent
// by our own LRS client (@xapi/xapi with our fetch adapter), with the version header on every call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import { startTestLrs, TEST_AUTH, type TestLrs } from '../../../build/harness/lrs/lrs-front';
import { loadLrsClient, type LrsClient } from '../../../src/xapi/lrs-client';
import { answerStatement, completedStatement, pageStatement, reflectionStatement, sessionStatement, surveyStatement, verdictStatement } from '../../../src/xapi/statements';
import { randomUuid } from '../../../src/xapi/uuid';
import { CMI5_TEMPLATE, comment, likert, match, multiple, reflection, scope, single, sort, truefalse } from './fixtures';

let lrs: TestLrs;
let client: LrsClient;
beforeAll(async () => {
  lrs = await startTestLrs();
  client = await loadLrsClient({ endpoint: lrs.endpoint, auth: TEST_AUTH });
});
afterAll(async () => {
  await lrs?.close();
});

const st = () => ({ id: randomUuid(), timestamp: new Date().toISOString() });
const ans = (item: typeof single, response: unknown) => ({ item, response, correct: true, latencyMs: 900, moduleSlug: 'origins', objective: { id: 'origins', scorePercent: 100, status: 'passed' } }) as never;

function allShapes(): Statement[] {
  const s = scope({ cmi5: true, contextTemplate: CMI5_TEMPLATE, root: { objectType: 'Activity', id: 'https://lms.example.org/au/1' } });
  return [
    sessionStatement(s, st(), 'initialized'), sessionStatement(s, st(), 'resumed'), pageStatement(s, st(), 'origins', 'origins-1'),
    answerStatement(s, st(), ans(single, { type: 'single', optionId: 'a' })), answerStatement(s, st(), ans(multiple, { type: 'multiple', optionIds: ['a', 'c'] })),
    answerStatement(s, st(), ans(truefalse, { type: 'truefalse', value: true })), answerStatement(s, st(), ans(sort, { type: 'sort', placements: { s1: 'can', s2: 'can' } })),
    answerStatement(s, st(), ans(match, { type: 'match', placements: { m1: 'balint', m2: 'therapy' } })),
    reflectionStatement(s, st(), { item: reflection, text: 'private', moduleSlug: 'origins' }, false),
    surveyStatement(s, st(), { item: likert, answer: 'agree', moduleSlug: 'assessment' }), surveyStatement(s, st(), { item: comment, answer: 'Good.', moduleSlug: 'assessment' }),
    completedStatement(s, st(), 1000), verdictStatement(s, st(), true, 90, 1000, 0.8), verdictStatement(s, st(), false, 10, 1000, null),
    sessionStatement(s, st(), 'suspended'), sessionStatement(s, st(), 'terminated', 5000),
  ];
}

describe('the test LRS and our LRS client', () => {
  it('stores every statement shape we build, in the order sent', async () => {
    const sent = allShapes();
    const answer = await client.send(sent, { keepalive: false });
    expect(answer.status, answer.body).toBe(200);
    const stored = await lrs.statements();
    expect(stored.map((s) => s.id)).toEqual(sent.map((s) => s.id));
    expect(lrs.requests.every((r) => r.version === '1.0.3')).toBe(true);
  });

  it('answers a duplicate send of the same ids without storing them twice', async () => {
    const sent = allShapes().slice(0, 3);
    expect((await client.send(sent, { keepalive: false })).status).toBe(200);
    const before = (await lrs.statements()).length;
    const again = await client.send(sent, { keepalive: false });
    expect([200, 204]).toContain(again.status);
    expect((await lrs.statements()).length).toBe(before);
  });

  it('refuses a request without the version header, and a statement with an unknown key', async () => {
    const r = await fetch(`${lrs.endpoint}statements`, { method: 'POST', headers: { Authorization: TEST_AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(allShapes().slice(0, 1)) });
    expect(r.status).toBe(400);
    const bad = { ...allShapes()[0], colour: 'blue' };
    expect((await client.send([bad as Statement], { keepalive: false })).status).toBe(400);
  });

  it('keeps and returns State API documents, and answers 404 for a missing one', async () => {
    const at = { activityId: 'https://lms.example.org/au/1', agent: scope().actor, registration: randomUuid(), stateId: 'resume' };
    expect((await client.getState(at)).status).toBe(404);
    expect(await client.putState(at, { location: 'p3' }, { keepalive: false })).toBe(204);
    expect(await client.getState(at)).toMatchObject({ status: 200, data: { location: 'p3' } });
  });

  it('answers 401 to a wrong credential', async () => {
    const stranger = await loadLrsClient({ endpoint: lrs.endpoint, auth: 'Basic bm9ib2R5Om5vdGhpbmc=' });
    expect((await stranger.send(allShapes().slice(0, 1), { keepalive: false })).status).toBe(401);
  });
});
