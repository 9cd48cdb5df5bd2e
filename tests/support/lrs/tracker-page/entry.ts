// A bare page that runs one format's real launchTracker (cmi5 or Tin Can) without the player, so
// the tracker, the outbox and the LRS client can be driven event by event from a test.
import { launchTracker } from '$tracker';
import type { Snapshot, Tracker } from '../../../../src/events/tracker';
import type { CourseOutline } from '../../../../src/content/types';

const outline: CourseOutline = {
  lang: 'en', id: 'balint-method', iri: 'https://balint-course.org/xapi/course/balint-method', version: '1.0.0', title: 'Test course', description: '',
  masteryScore: 80, attemptsAllowed: 3, estimatedMinutes: 10,
  cme: { creditHours: 1, creditType: '', statement: '', provider: '', releaseDate: '', reviewDate: '', expiryDate: '' },
  privacy: { sendReflectionsToLms: false },
  xapi: { endpoint: null, accountHomePage: 'https://lms.example.org', sendReflectionText: false },
  modules: [{ slug: 'origins', title: 'Origins', assessment: false, objectives: [], pages: [{ id: 'p1', title: 'One', sections: [] }, { id: 'p2', title: 'Two', sections: [] }], items: [] }],
  coursePages: [], logo: null, ui: {}, scorm2004: { textBytes: null, brief: false },
};

const w = window as unknown as { harness: { tracker: Tracker; launch: unknown; notices: string[]; snap: (pageId: string) => Snapshot } };
const snap = (pageId: string): Snapshot => ({ location: pageId, suspendData: `state-at-${pageId}`, progress: 0.5, moduleSlug: 'origins', pageId });
const tracker = await launchTracker(outline);
const notices: string[] = [];
tracker.onNotice((n) => notices.push(n.key));
const launch = await tracker.start();
w.harness = { tracker, launch, notices, snap };
addEventListener('pagehide', () => tracker.finish('suspend', snap('p2')));
document.getElementById('status')!.textContent = 'ready';
