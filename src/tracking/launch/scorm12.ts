// Launch for the scorm12 package: find the LMS's API; without one, or if it will not initialise,
// run standalone and tell the learner that nothing is being reported.
import type { CourseOutline } from '../../content/types';
import type { Tracker } from '../../events/tracker';
import { createStandaloneTracker } from '../standalone/standalone-tracker';
import { findApi } from '../scorm/find-api';
import { createScormTracker } from '../scorm/scorm-tracker';
import { scorm12Dialect } from '../../scorm12/dialect';
import { withStartFallback } from '../start-fallback';
import { withXapi } from '../with-xapi';
import { withSittingGuard } from '../sitting-guard';
import { recordedItems } from '../../scorm/recorded-items';
import { trackerKey } from '../../learner/storage-keys';

export async function launchTracker(outline: CourseOutline): Promise<Tracker> {
  const storageKey = trackerKey(outline, 'scorm12');
  const standalone = (notice: string) => createStandaloneTracker({ storageKey, notices: [notice] });
  const api = findApi(scorm12Dialect.apiName);
  if (!api) return standalone('notice.noLms');
  const tracker = createScormTracker(scorm12Dialect, api, { storageKey, courseId: outline.id, recordedItems: recordedItems(outline.modules, outline.privacy.sendReflectionsToLms), sendReflections: outline.privacy.sendReflectionsToLms });
  const scorm = withStartFallback(tracker, () => standalone('notice.lmsInitFailed'));
  // Decided at build time: without an LRS in course.json no xAPI code ships in the package.
  const reported = __HAS_LRS__ ? withXapi(scorm, outline, storageKey) : scorm;
  // One writer per attempt: a second tab on the same attempt takes over, this one stops recording.
  return withSittingGuard(reported, storageKey);
}
