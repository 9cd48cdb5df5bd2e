// The whole content validation, as `npm run check`, `npm run build` and `npm run dev` run it: load,
// resolve every language, check (the sources of facts, then the course-wide checks). Throws
// ContentInvalid with the problems.
import { LANGS } from '../../src/content/types.js';
import { loadCourse } from './load.js';
import { resolveCourse, type ResolvedCourse } from './resolve.js';
import { ContentInvalid } from './problems.js';
import { checkResolved } from './course-checks.js';
import { checkSources } from './source-checks.js';

export function checkContent(root: string): { resolved: Map<string, ResolvedCourse>; loaded: ReturnType<typeof loadCourse> } {
  const loaded = loadCourse(root);
  const resolved = new Map(LANGS.map((lang) => [lang, resolveCourse(loaded, lang)] as const));
  const problems = [...checkSources(loaded), ...checkResolved(loaded, resolved)];
  if (problems.length) throw new ContentInvalid(problems);
  return { loaded, resolved };
}
