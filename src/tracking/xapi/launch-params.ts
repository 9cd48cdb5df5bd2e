// Tin Can launch parameters (endpoint, auth, actor, registration, activity_id), validated at the
// boundary. A launch without them is not a Tin Can launch; a launch with bad ones is refused.
import type { Agent } from '@xapi/xapi';
import { parseActor } from '../../xapi/actor';
import { isIri } from '../../xapi/activity-ids';
import { isUuid } from '../../xapi/uuid';

export interface TinCanLaunch { endpoint: string; auth: string | null; actor: Agent; registration: string | null; activityId: string }

export type ParsedLaunch<T> = { kind: 'launch'; launch: T } | { kind: 'none' } | { kind: 'invalid'; reason: string };

export function isHttpUrl(value: string | null): value is string {
  if (!value) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

export function parseTinCanLaunch(search: string): ParsedLaunch<TinCanLaunch> {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  if (!endpoint && !q.get('actor')) return { kind: 'none' };
  if (!isHttpUrl(endpoint)) return { kind: 'invalid', reason: 'endpoint' };
  const actor = parseActor(q.get('actor'));
  if (!actor) return { kind: 'invalid', reason: 'actor' };
  const registration = q.get('registration') || null;
  if (registration !== null && !isUuid(registration)) return { kind: 'invalid', reason: 'registration' };
  const activityId = q.get('activity_id');
  if (!activityId || !isIri(activityId)) return { kind: 'invalid', reason: 'activity_id' };
  const auth = q.get('auth');
  if (auth !== null && !/^[A-Za-z]+ [\x21-\x7e]+$/.test(auth)) return { kind: 'invalid', reason: 'auth' };
  return { kind: 'launch', launch: { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, auth, actor, registration, activityId } };
}
