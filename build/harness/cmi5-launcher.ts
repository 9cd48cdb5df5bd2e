// Acts as the cmi5 LMS for the browser tests (cmi5 §8, §10): for each launch it creates a session,
// a fetch URL that answers exactly once with a fresh token, LMS.LaunchData in the State API, the
// learner's preferences in the agent profile, and sends the `launched` statement; then it gives
// the AU's launch URL with endpoint, fetch, actor, registration and activityId.
import { randomUUID } from 'node:crypto';
import type { Agent, Statement } from '@xapi/xapi';
import type { TestLrs } from './lrs/lrs-front';
import type { HostedPackage } from './lrs/package-host';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const COURSE_ID = 'https://lms.example.org/courses/balint-method';

export interface Cmi5LaunchOptions {
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
  registration?: string;
  actor?: Agent;
  languagePreference?: string;
}

export interface Cmi5Launch { url: string; registration: string; sessionId: string; actor: Agent; fetchCalls: () => number; token: string }

export const LEARNER: Agent = { objectType: 'Agent', name: 'Ada Test', account: { homePage: 'https://lms.example.org', name: 'ada-test' } } as Agent;

export class Cmi5Lms {
  private readonly fetchCount = new Map<string, number>();
  private readonly tokens = new Map<string, string>();

  constructor(readonly lrs: TestLrs, readonly pkg: HostedPackage) {
    lrs.route((req, res, url) => {
      const m = /^\/lms\/fetch\/([\w-]+)$/.exec(url.pathname);
      // A session this launcher did not make is another launcher's (two languages in the preview).
      if (m && req.method === 'POST' && this.tokens.has(m[1])) {
        const n = (this.fetchCount.get(m[1]) ?? 0) + 1;
        this.fetchCount.set(m[1], n);
        res.setHeader('content-type', 'application/json');
        if (n > 1) res.writeHead(400).end(JSON.stringify({ 'error-code': '1', 'error-text': 'This fetch URL has already been used.' }));
        else res.writeHead(200).end(JSON.stringify({ 'auth-token': this.tokens.get(m[1]) }));
        return true;
      }
      if (url.pathname === '/lms/returned') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>LMS</title><h1>Back in the LMS</h1>');
        return true;
      }
      return false;
    });
  }

  async launch(o: Cmi5LaunchOptions = {}): Promise<Cmi5Launch> {
    const registration = o.registration ?? randomUUID();
    const sessionId = randomUUID();
    const actor = o.actor ?? LEARNER;
    const token = Buffer.from(`cmi5-${sessionId}`).toString('base64');
    this.tokens.set(sessionId, token);
    this.lrs.acceptToken(token, { cmi5Session: true });
    const launchMode = o.launchMode ?? 'Normal';
    const moveOn = o.moveOn ?? 'CompletedAndPassed';
    const contextTemplate = { contextActivities: { grouping: [{ objectType: 'Activity', id: COURSE_ID }] }, extensions: { [SESSION_EXT]: sessionId } };
    const launchData = {
      contextTemplate, launchMode, moveOn, launchParameters: '',
      ...(o.masteryScore !== undefined && { masteryScore: o.masteryScore }),
      ...(o.returnURL && { returnURL: o.returnURL }),
    };
    const key = this.lrs.stateKey(this.pkg.activityId, actor, registration, 'LMS.LaunchData');
    this.lrs.documents.set(key, { contentType: 'application/json', body: Buffer.from(JSON.stringify(launchData)) });
    if (o.languagePreference) this.lrs.documents.set(`agent|${agentIfi(actor)}|cmi5LearnerPreferences`, { contentType: 'application/json', body: Buffer.from(JSON.stringify({ languagePreference: o.languagePreference, audioPreference: 'on' })) });
    const auUrl = `${this.pkg.baseUrl}${this.pkg.launchPath}`;
    const launched: Statement = {
      id: randomUUID(), actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } as never },
      object: { objectType: 'Activity', id: this.pkg.activityId },
      context: {
        registration,
        contextActivities: { grouping: [{ objectType: 'Activity', id: COURSE_ID }], category: [{ objectType: 'Activity', id: CMI5_CATEGORY }] },
        extensions: {
          [SESSION_EXT]: sessionId, 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchMode,
          'https://w3id.org/xapi/cmi5/context/extensions/launchurl': auUrl, 'https://w3id.org/xapi/cmi5/context/extensions/moveon': moveOn,
          'https://w3id.org/xapi/cmi5/context/extensions/launchparameters': '',
        },
      },
      timestamp: new Date().toISOString(),
    };
    const status = await this.lrs.postStatements([launched]);
    if (status !== 200) throw new Error(`launched statement refused: ${status}`);
    const q = new URLSearchParams({ endpoint: this.lrs.endpoint, fetch: `${this.lrs.url}/lms/fetch/${sessionId}`, actor: JSON.stringify(actor), registration, activityId: this.pkg.activityId });
    return { url: `${auUrl}?${q}`, registration, sessionId, actor, token, fetchCalls: () => this.fetchCount.get(sessionId) ?? 0 };
  }
}

function agentIfi(actor: Agent): string {
  const a = actor as { mbox?: string; account?: unknown };
  return a.mbox ?? JSON.stringify(a.account);
}
