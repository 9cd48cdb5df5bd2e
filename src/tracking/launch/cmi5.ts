// Launch for the cmi5 package (an AU): validate the launch parameters, POST the fetch URL once for
// the token, read LMS.LaunchData and the learner's preferences, read the resume state, then report
// the cmi5-defined statements in order through the durable outbox. Opened outside an LMS, or when
// the LMS will not give a token or launch data, the course runs standalone and says why.
import type { Statement } from '@xapi/xapi';
import type { CourseOutline } from '../../content/types';
import { LANGS } from '../../content/types';
import type { LaunchData, Tracker, TrackerNotice } from '../../events/tracker';
import { createStandaloneTracker } from '../standalone/standalone-tracker';
import { lazyLrsClient } from '../../xapi/lrs-client';
import { lrsReader } from '../../xapi/lrs-fetch';
import { whenIdle } from '../../time/when-idle';
import { createOutbox } from '../../xapi/outbox';
import { createSessionRecorder } from '../../xapi/session-recorder';
import { RESUME_STATE_ID } from '../../xapi/resume-document';
import { CMI5 } from '../../xapi/vocabulary';
import { agentId } from '../../xapi/actor';
import { createXapiTracker } from '../xapi/xapi-tracker';
import { readResume } from '../xapi/resume';
import { parseCmi5Launch } from '../cmi5/launch-params';
import { fetchAuthToken } from '../cmi5/auth-token';
import { parseLaunchData, preferredLanguage } from '../cmi5/launch-data';
import { trackerKey } from '../../learner/storage-keys';

const MODES: Record<string, LaunchData['mode']> = { Normal: 'normal', Browse: 'browse', Review: 'review' };

export async function launchTracker(outline: CourseOutline): Promise<Tracker> {
  const base = trackerKey(outline, 'cmi5');
  const standalone = (notice: string) => createStandaloneTracker({ storageKey: base, notices: [notice] });
  const parsed = parseCmi5Launch(window.location.search);
  if (parsed.kind === 'none') return standalone('notice.noLms');
  if (parsed.kind === 'invalid') {
    console.warn(`cmi5 launch parameter not valid: ${parsed.reason}`);
    return standalone('notice.xapiLaunchInvalid');
  }
  const p = parsed.launch;
  const token = await fetchAuthToken(p.fetchUrl);
  if (!token.ok) {
    console.warn(`cmi5 fetch URL refused: ${token.reason}`);
    return standalone('notice.xapiTokenFailed');
  }
  const lrs = { endpoint: p.endpoint, auth: `Basic ${token.token}` };
  // The launch's reads go together, with fetch alone; the LRS library loads after the first screen.
  const reads = lrsReader(lrs);
  const client = lazyLrsClient(lrs);
  const agentParams = { activityId: p.activityId, agent: p.actor, registration: p.registration };
  const resumeAt = { ...agentParams, stateId: RESUME_STATE_ID };
  const localKey = `${base}:resume:${p.registration}`;
  const [launchDoc, prefs, resume] = await Promise.all([
    reads.getState({ ...agentParams, stateId: CMI5.launchDataStateId }).catch(() => ({ status: 0, data: null })),
    reads.getAgentProfile(p.actor, CMI5.learnerPreferencesProfileId).catch(() => ({ status: 0, data: null })),
    readResume(reads, resumeAt, localKey),
  ]);
  const launchData = launchDoc.status === 200 ? parseLaunchData(launchDoc.data) : null;
  if (!launchData) {
    console.warn(`cmi5 LMS.LaunchData not readable (HTTP ${launchDoc.status})`);
    return standalone('notice.lmsInitFailed');
  }
  const mode = MODES[launchData.launchMode];
  const listeners: ((n: TrackerNotice) => void)[] = [];
  // A statement left from an earlier session can never be delivered: that session is over, and a
  // cmi5 LMS would count its `terminated` against this one (CATAPULT does not check the session id).
  const sessionId = launchData.sessionId;
  const ofThisSession = (s: Statement) => sessionId === null || (s.context?.extensions as Record<string, unknown> | undefined)?.[CMI5.sessionId] === sessionId;
  const outbox = createOutbox({ storageKey: `${base}:outbox`, transport: client, onNotice: (key) => listeners.forEach((l) => l({ key })), stillSendable: ofThisSession });
  const { saved, reachable } = resume;
  whenIdle(client.preload);
  const recorder = createSessionRecorder({
    scope: {
      actor: p.actor, courseIri: outline.iri, lang: outline.lang, registration: p.registration, contextTemplate: launchData.contextTemplate, cmi5: true, modules: outline.modules,
      root: { objectType: 'Activity', id: p.activityId },
    },
    mode,
    masteryScaled: launchData.masteryScore,
    sendReflectionText: outline.xapi.sendReflectionText,
    soFar: saved?.soFar ?? { completed: false, passed: false },
  });
  return createXapiTracker({
    standard: 'cmi5', client, outbox, recorder, resumeAt, localKey, saved, returnUrl: launchData.returnUrl, listeners,
    launch: {
      mode,
      learner: { id: agentId(p.actor), name: p.actor.name ?? null },
      masteryScore: launchData.masteryScore === null ? null : Math.round(launchData.masteryScore * 100),
      preferredLang: preferredLanguage(prefs.status === 200 ? prefs.data : null, LANGS),
      notices: reachable ? [] : ['notice.xapiOffline'],
    },
  });
}
