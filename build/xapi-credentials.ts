// Warns when course.json puts an LRS credential into every package (docs/lms-admin.md explains write-only keys and the cmi5 fetch token).
// Anyone who can open the zip can read it and write statements as the course, so the build says so
// and names the safer routes. Returns the warning lines (empty when there is nothing to say).
import type { CourseSource } from '../src/content/types.js';

export function xapiCredentialWarnings(course: Pick<CourseSource, 'xapi'>): string[] {
  const auth = course.xapi.auth?.trim();
  const endpoint = course.xapi.endpoint ?? '';
  const inUrl = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+@/i.test(endpoint);
  if (!auth && !inUrl) return [];
  return [
    `warning: course.json xapi.${auth ? 'auth' : 'endpoint'} holds an LRS credential; it will be readable by anyone who opens a SCORM or web package.`,
    '  The risk: anyone can send (and, with a read key, read) statements in this course\'s name.',
    '  Safer: a write-only key scoped to this course and LRS store, rotated per release; a small token proxy',
    '  that hands short-lived tokens to signed-in learners; or the cmi5 package, whose LMS gives each launch its own token (fetch URL).',
  ];
}

/** For build/cli.ts: prints the warning, if any, to stderr. */
export function warnAboutXapiCredentials(course: Pick<CourseSource, 'xapi'>, log: (line: string) => void = console.warn): void {
  for (const line of xapiCredentialWarnings(course)) log(line);
}
