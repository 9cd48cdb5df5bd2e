// The reads a launch makes before its first screen (the State API and an Agent Profile), with
// fetch alone: the first screen then waits for the LRS, not for the LRS library too (xAPI 1.0.3
// Communication §2.3, §2.6: a GET with the document's address in the query string).
import type { Agent } from '@xapi/xapi';
import type { DocumentAddress, LrsConfig } from './lrs-client';

export interface LrsReader {
  getState(at: DocumentAddress): Promise<{ status: number; data: unknown }>;
  getAgentProfile(agent: Agent, profileId: string): Promise<{ status: number; data: unknown }>;
}

export function lrsReader(config: LrsConfig): LrsReader {
  const base = config.endpoint.endsWith('/') ? config.endpoint : `${config.endpoint}/`;
  const get = async (resource: string, query: Record<string, string | null | undefined>): Promise<{ status: number; data: unknown }> => {
    const q = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
    if (config.auth) headers.Authorization = config.auth;
    const res = await fetch(`${base}${resource}?${q}`, { headers, credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout?.(config.timeoutMs ?? 20_000) });
    const text = await res.text();
    try {
      return { status: res.status, data: text ? JSON.parse(text) : null };
    } catch {
      return { status: res.status, data: text };
    }
  };
  return {
    getState: (at) => get('activities/state', { activityId: at.activityId, agent: JSON.stringify(at.agent), registration: at.registration ?? undefined, stateId: at.stateId }),
    getAgentProfile: (agent, profileId) => get('agents/profile', { agent: JSON.stringify(agent), profileId }),
  };
}
