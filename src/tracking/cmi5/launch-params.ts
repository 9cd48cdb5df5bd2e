// cmi5 launch parameters (cmi5 §8.1: endpoint, fetch, actor, registration, activityId), validated
// at the boundary.
import type { Agent } from '@xapi/xapi';
import { parseActor } from '../../xapi/actor';
import { isIri } from '../../xapi/activity-ids';
import { isUuid } from '../../xapi/uuid';
import { isHttpUrl, type ParsedLaunch } from '../xapi/launch-params';

export interface Cmi5Launch { endpoint: string; fetchUrl: string; actor: Agent; registration: string; activityId: string }

export function parseCmi5Launch(search: string): ParsedLaunch<Cmi5Launch> {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  if (!endpoint && !fetchUrl) return { kind: 'none' };
  if (!isHttpUrl(endpoint)) return { kind: 'invalid', reason: 'endpoint' };
  if (!isHttpUrl(fetchUrl)) return { kind: 'invalid', reason: 'fetch' };
  const actor = parseActor(q.get('actor'));
  if (!actor) return { kind: 'invalid', reason: 'actor' };
  const registration = q.get('registration');
  if (!isUuid(registration)) return { kind: 'invalid', reason: 'registration' };
  const activityId = q.get('activityId');
  if (!activityId || !isIri(activityId)) return { kind: 'invalid', reason: 'activityId' };
  return { kind: 'launch', launch: { endpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/`, fetchUrl, actor, registration, activityId } };
}
