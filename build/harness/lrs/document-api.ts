// The State API and the agent and activity profiles of the test LRS, kept in memory: a document per
// key, GET, PUT, POST (which merges JSON objects, xAPI 1.0.3 Communication §2.6) and DELETE, and
// the list of state ids of an activity, agent and registration.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Documents = Map<string, { contentType: string; body: Buffer }>;

/** Writes a plain xAPI answer; returns its status for the request log. */
export function send(res: ServerResponse, status: number, text: string, type = 'text/plain'): number {
  res.writeHead(status, { 'content-type': type, 'X-Experience-API-Version': '1.0.3' });
  res.end(text);
  return status;
}

export const canonicalAgent = (raw: string | null): string => {
  try {
    const a = JSON.parse(raw ?? '') as Record<string, unknown>;
    const ifi = a.mbox ?? a.mbox_sha1sum ?? a.openid ?? (a.account ? JSON.stringify(a.account) : null);
    return String(ifi);
  } catch {
    return 'invalid';
  }
};


export const stateKey = (activityId: string, agent: unknown, registration: string | null, stateId: string): string =>
  `state|${activityId}|${canonicalAgent(typeof agent === 'string' ? agent : JSON.stringify(agent))}|${registration ?? ''}|${stateId}`;

/** Answers a request to `kind` (state, agents/profile, activities/profile); returns its status. */
export function documentRequest(documents: Documents, req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, kind: string): number {
  const q = url.searchParams;
  let key: string;
  if (kind === 'state') {
    const activityId = q.get('activityId');
    const agent = q.get('agent');
    if (!activityId || !agent) return send(res, 400, 'activityId and agent required');
    if (!q.get('stateId')) {
      if (req.method !== 'GET') return send(res, 400, 'stateId required');
      const prefix = stateKey(activityId, agent, q.get('registration'), '');
      return send(res, 200, JSON.stringify([...documents.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))), 'application/json');
    }
    key = stateKey(activityId, agent, q.get('registration'), q.get('stateId')!);
  } else if (kind === 'agents/profile') {
    if (!q.get('agent') || !q.get('profileId')) return send(res, 400, 'agent and profileId required');
    key = `agent|${canonicalAgent(q.get('agent'))}|${q.get('profileId')}`;
  } else {
    if (!q.get('activityId') || !q.get('profileId')) return send(res, 400, 'activityId and profileId required');
    key = `activity|${q.get('activityId')}|${q.get('profileId')}`;
  }
  const contentType = req.headers['content-type'] ?? 'application/octet-stream';
  switch (req.method) {
    case 'GET': {
      const doc = documents.get(key);
      if (!doc) return send(res, 404, '');
      res.writeHead(200, { 'content-type': doc.contentType });
      res.end(doc.body);
      return 200;
    }
    case 'PUT':
      documents.set(key, { contentType, body });
      return send(res, 204, '');
    case 'POST': {
      // POST merges JSON objects (xAPI §7.3).
      const old = documents.get(key);
      if (old && contentType.includes('json') && old.contentType.includes('json')) {
        const merged = { ...JSON.parse(old.body.toString()), ...JSON.parse(body.toString()) };
        documents.set(key, { contentType, body: Buffer.from(JSON.stringify(merged)) });
      } else documents.set(key, { contentType, body });
      return send(res, 204, '');
    }
    case 'DELETE':
      documents.delete(key);
      return send(res, 204, '');
    default:
      return send(res, 405, '');
  }
}
