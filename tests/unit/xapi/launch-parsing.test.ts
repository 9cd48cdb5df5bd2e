// Launch parameters are validated at the boundary: cmi5 and Tin Can query strings, the actor,
// the fetch URL's answer, LMS.LaunchData and the learner's language preference.
import { describe, expect, it } from 'vitest';
import { parseCmi5Launch } from '../../../src/tracking/cmi5/launch-params';
import { parseTokenAnswer } from '../../../src/tracking/cmi5/auth-token';
import { parseLaunchData, preferredLanguage } from '../../../src/tracking/cmi5/launch-data';
import { parseTinCanLaunch } from '../../../src/tracking/xapi/launch-params';
import { parseActor } from '../../../src/xapi/actor';
import { xapiCredentialWarnings } from '../../../build/xapi-credentials';

const actor = JSON.stringify({ objectType: 'Agent', name: 'Ada', account: { homePage: 'https://lms.example.org', name: 'ada' } });
const q = (o: Record<string, string>) => '?' + new URLSearchParams(o).toString();
const cmi5 = { endpoint: 'https://lrs.example.org/xapi', fetch: 'https://lms.example.org/fetch/1', actor, registration: '6c4f6d2e-9a51-4d9b-8f3e-2b7b8d6e1a10', activityId: 'https://lms.example.org/au/1' };

describe('launch parameters', () => {
  it('reads a cmi5 launch and refuses each bad parameter', () => {
    const ok = parseCmi5Launch(q(cmi5));
    expect(ok).toMatchObject({ kind: 'launch', launch: { endpoint: 'https://lrs.example.org/xapi/', fetchUrl: cmi5.fetch, activityId: cmi5.activityId } });
    expect(parseCmi5Launch('')).toEqual({ kind: 'none' });
    expect(parseCmi5Launch(q({ ...cmi5, endpoint: 'javascript:alert(1)' }))).toMatchObject({ kind: 'invalid', reason: 'endpoint' });
    expect(parseCmi5Launch(q({ ...cmi5, registration: 'not-a-uuid' }))).toMatchObject({ kind: 'invalid', reason: 'registration' });
    expect(parseCmi5Launch(q({ ...cmi5, actor: '{"name":"no ifi"}' }))).toMatchObject({ kind: 'invalid', reason: 'actor' });
    expect(parseCmi5Launch(q({ ...cmi5, activityId: 'not an iri' }))).toMatchObject({ kind: 'invalid', reason: 'activityId' });
  });

  it('reads a Tin Can launch, registration optional', () => {
    const base = { endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic dGVzdDp0ZXN0', actor, registration: cmi5.registration, activity_id: 'https://balint-course.org/xapi/course/balint-method' };
    expect(parseTinCanLaunch(q(base))).toMatchObject({ kind: 'launch', launch: { auth: 'Basic dGVzdDp0ZXN0', registration: cmi5.registration } });
    const { registration: _r, ...noReg } = base;
    expect(parseTinCanLaunch(q(noReg))).toMatchObject({ kind: 'launch', launch: { registration: null } });
    expect(parseTinCanLaunch(q({ ...base, auth: 'Basic abc\ndef' }))).toMatchObject({ kind: 'invalid', reason: 'auth' });
  });

  it('reduces an actor to one identifier and a name, and normalises the Tin Can 0.9 shape', () => {
    expect(parseActor(actor)).toEqual({ objectType: 'Agent', name: 'Ada', account: { homePage: 'https://lms.example.org', name: 'ada' } });
    expect(parseActor('{"mbox":["mailto:ada@example.org"],"name":["Ada"]}')).toEqual({ objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' });
    expect(parseActor('{"account":[{"accountServiceHomePage":"https://lms.example.org","accountName":"ada"}]}')).toEqual({ objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'ada' } });
    expect(parseActor('{"mbox":"ada@example.org"}')).toBeNull();
    expect(parseActor('{"objectType":"Group","mbox":"mailto:a@b.c"}')).toBeNull();
    expect(parseActor('not json')).toBeNull();
  });

  it('reads the fetch URL answer and its error document', () => {
    expect(parseTokenAnswer(200, { 'auth-token': 'abc' })).toEqual({ ok: true, token: 'abc' });
    expect(parseTokenAnswer(400, { 'error-code': '1', 'error-text': 'already used' })).toEqual({ ok: false, reason: 'error-code 1: already used' });
    expect(parseTokenAnswer(500, null)).toEqual({ ok: false, reason: 'HTTP 500' });
  });

  it('reads LMS.LaunchData and refuses a document without a context template or launch mode', () => {
    const doc = { contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's1' } }, launchMode: 'Browse', masteryScore: 0.6, moveOn: 'CompletedAndPassed', returnURL: 'https://lms.example.org/back', launchParameters: '' };
    expect(parseLaunchData(doc)).toMatchObject({ launchMode: 'Browse', masteryScore: 0.6, moveOn: 'CompletedAndPassed', returnUrl: 'https://lms.example.org/back', sessionId: 's1' });
    expect(parseLaunchData({ ...doc, returnURL: 'javascript:alert(1)' })?.returnUrl).toBeNull();
    expect(parseLaunchData({ ...doc, masteryScore: 80 })?.masteryScore).toBeNull();
    expect(parseLaunchData({ launchMode: 'Normal' })).toBeNull();
    expect(parseLaunchData({ ...doc, launchMode: 'Play' })).toBeNull();
  });

  it('picks the first preferred language the course has', () => {
    expect(preferredLanguage({ languagePreference: 'fr-FR,it-IT,en-US' }, ['en', 'it'])).toBe('it');
    expect(preferredLanguage({ languagePreference: 'de' }, ['en', 'it'])).toBeNull();
    expect(preferredLanguage(null, ['en', 'it'])).toBeNull();
  });
});

describe('credential warning for the build', () => {
  it('is silent without a credential and names the risk and the safer routes with one', () => {
    expect(xapiCredentialWarnings({ xapi: { endpoint: 'https://lrs.example.org/xapi/', accountHomePage: 'https://lms.example.org', sendReflectionText: false } })).toEqual([]);
    const lines = xapiCredentialWarnings({ xapi: { endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic abc', accountHomePage: 'x', sendReflectionText: false } }).join('\n');
    expect(lines).toMatch(/credential/);
    expect(lines).toMatch(/write-only/);
    expect(lines).toMatch(/fetch URL/);
    expect(xapiCredentialWarnings({ xapi: { endpoint: 'https://key:secret@lrs.example.org/xapi/', accountHomePage: 'x', sendReflectionText: false } })).not.toEqual([]);
  });
});
