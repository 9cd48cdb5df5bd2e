// The LRS with fetch alone, for when the LRS library (lrs-client.ts) is not there yet:
// - the reads a launch makes before its first screen (the State API and an Agent Profile), so the
//   first screen waits for the LRS and not for the library too (xAPI 1.0.3 Communication §2.3,
//   §2.6: a GET with the document's address in the query string);
// - the keepalive writes of a learner who leaves before it has loaded (POST /statements, §2.1; PUT
//   of a state document, §2.3), started at once, since a page being dismissed waits for no import.
import type { Agent, Statement } from '@xapi/xapi';
import type { LrsAnswer } from './outbox';

export interface LrsConfig {
  endpoint: string;
  /** The Authorization header value ("Basic …"), or null when the LRS needs none. */
  auth: string | null;
  timeoutMs?: number;
}

export interface DocumentAddress { activityId: string; agent: Agent; registration?: string | null; stateId: string }

export interface LrsReader {
  getState(at: DocumentAddress): Promise<{ status: number; data: unknown }>;
  getAgentProfile(agent: Agent, profileId: string): Promise<{ status: number; data: unknown }>;
}

const baseOf = (config: LrsConfig) => (config.endpoint.endsWith('/') ? config.endpoint : `${config.endpoint}/`);
const headersOf = (config: LrsConfig, body: boolean): Record<string, string> => ({
  'X-Experience-API-Version': '1.0.3',
  ...(body && { 'Content-Type': 'application/json' }),
  ...(config.auth && { Authorization: config.auth }),
});
const stateQuery = (at: DocumentAddress) => new URLSearchParams({ activityId: at.activityId, agent: JSON.stringify(at.agent), ...(at.registration && { registration: at.registration }), stateId: at.stateId });

export function lrsReader(config: LrsConfig): LrsReader {
  const get = async (resource: string, query: URLSearchParams): Promise<{ status: number; data: unknown }> => {
    const res = await fetch(`${baseOf(config)}${resource}?${query}`, { headers: headersOf(config, false), credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout?.(config.timeoutMs ?? 20_000) });
    const text = await res.text();
    try {
      return { status: res.status, data: text ? JSON.parse(text) : null };
    } catch {
      return { status: res.status, data: text };
    }
  };
  return {
    getState: (at) => get('activities/state', stateQuery(at)),
    getAgentProfile: (agent, profileId) => get('agents/profile', new URLSearchParams({ agent: JSON.stringify(agent), profileId })),
  };
}

/** Statements in one keepalive POST. */
export async function postStatementsNow(config: LrsConfig, statements: Statement[]): Promise<LrsAnswer> {
  const res = await fetch(`${baseOf(config)}statements`, { method: 'POST', headers: headersOf(config, true), body: JSON.stringify(statements), keepalive: true, credentials: 'omit', cache: 'no-store' });
  return { status: res.status, body: await res.text() };
}

/** A state document in one keepalive PUT; the LRS's status. */
export async function putStateNow(config: LrsConfig, at: DocumentAddress, document: unknown): Promise<number> {
  const res = await fetch(`${baseOf(config)}activities/state?${stateQuery(at)}`, { method: 'PUT', headers: headersOf(config, true), body: JSON.stringify(document), keepalive: true, credentials: 'omit', cache: 'no-store' });
  return res.status;
}
