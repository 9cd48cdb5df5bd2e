// Launch for the xapi (Tin Can) package: read the five launch parameters, load the LRS client,
// read the resume state, and report with the same statements as cmi5, without cmi5's categories.
// Opened without them, the course runs standalone and says so.
import type { CourseOutline } from '../../content/types';
import type { Tracker, TrackerNotice } from '../../events/tracker';
import { createStandaloneTracker } from '../standalone/standalone-tracker';
import { lazyLrsClient } from '../../xapi/lrs-client';
import { lrsReader } from '../../xapi/lrs-fetch';
import { whenIdle } from '../../time/when-idle';
import { createOutbox } from '../../xapi/outbox';
import { createSessionRecorder } from '../../xapi/session-recorder';
import { RESUME_STATE_ID } from '../../xapi/resume-document';
import { ACTIVITY_TYPES } from '../../xapi/vocabulary';
import { langMap } from '../../xapi/interaction';
import { agentId } from '../../xapi/actor';
import { parseTinCanLaunch } from '../xapi/launch-params';
import { createXapiTracker } from '../xapi/xapi-tracker';
import { readResume } from '../xapi/resume';
import { trackerKey } from '../../learner/storage-keys';

export async function launchTracker(outline: CourseOutline): Promise<Tracker> {
  const base = trackerKey(outline, 'xapi');
  const parsed = parseTinCanLaunch(window.location.search);
  if (parsed.kind !== 'launch') {
    if (parsed.kind === 'invalid') console.warn(`Tin Can launch parameter not valid: ${parsed.reason}`);
    return createStandaloneTracker({ storageKey: base, notices: [parsed.kind === 'none' ? 'notice.noLms' : 'notice.xapiLaunchInvalid'] });
  }
  const p = parsed.launch;
  const lrs = { endpoint: p.endpoint, auth: p.auth };
  // The resume read with fetch alone; the LRS library loads after the first screen.
  const client = lazyLrsClient(lrs);
  const listeners: ((n: TrackerNotice) => void)[] = [];
  const outbox = createOutbox({ storageKey: `${base}:outbox`, transport: client, onNotice: (key) => listeners.forEach((l) => l({ key })) });
  const resumeAt = { activityId: p.activityId, agent: p.actor, registration: p.registration, stateId: RESUME_STATE_ID };
  const localKey = `${base}:resume:${p.registration ?? 'none'}`;
  const { saved, reachable } = await readResume(lrsReader(lrs), resumeAt, localKey);
  whenIdle(client.preload);
  const recorder = createSessionRecorder({
    scope: {
      actor: p.actor, courseIri: outline.iri, lang: outline.lang, registration: p.registration, contextTemplate: null, cmi5: false, modules: outline.modules,
      root: { objectType: 'Activity', id: p.activityId, definition: { type: ACTIVITY_TYPES.course, name: langMap(outline.lang, outline.title) } },
    },
    mode: 'normal',
    masteryScaled: null,
    sendReflectionText: outline.xapi.sendReflectionText,
    soFar: saved?.soFar ?? { completed: false, passed: false },
  });
  return createXapiTracker({
    standard: 'xapi', client, outbox, recorder, resumeAt, localKey, saved, returnUrl: null, listeners,
    launch: { mode: 'normal', learner: { id: agentId(p.actor), name: p.actor.name ?? null }, masteryScore: null, preferredLang: null, notices: reachable ? [] : ['notice.xapiOffline'] },
  });
}
