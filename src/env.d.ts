/// <reference types="svelte" />
declare const __FORMAT__: 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi' | 'web';
/** course.json names an LRS: SCORM packages also report through xAPI. */
declare const __HAS_LRS__: boolean;

declare module 'virtual:course-outline' {
  const outline: import('./content/types').CourseOutline;
  export default outline;
}
declare module 'virtual:late-strings' {
  const strings: Record<string, string>;
  export default strings;
}
declare module 'virtual:module-loaders' {
  /** `retry` (1, 2, …) after a failed load: the package asks for the same file under a new URL. */
  export const moduleLoaders: Record<string, (retry?: number) => Promise<{ default: import('./content/types').Module }>>;
  export const loadCoursePages: (retry?: number) => Promise<{ default: import('./content/types').CoursePage[] }>;
}
declare module '$tracker' {
  export function launchTracker(outline: import('./content/types').CourseOutline): Promise<import('./events/tracker').Tracker>;
}
