// A Vite plugin that serves the resolved content as virtual modules: the outline ships with the
// first page; each module's content and the course pages load on demand as their own chunks.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type { ResolvedCourse } from '../content/resolve.js';
import type { UiString } from '../../src/content/types.js';

const OUTLINE = 'virtual:course-outline';
const LOADERS = 'virtual:module-loaders';
const MODULE = 'virtual:module/';
const PAGES = 'virtual:course-pages';
const LATE_STRINGS = 'virtual:late-strings';

/** Interface strings only module pages and the journal use (their components are chunks of their
 *  own): they ship with those chunks, not with the first page. Every other string ships with it. */
const LATE_PREFIXES = ['assessment.', 'attestation.', 'certificate.', 'evaluation.', 'interactive.', 'quiz.', 'reflection.', 'directive.', 'journal.'];
const FIRST_PAGE_KEYS = new Set(['journal.menu', 'journal.loadFailed']);
export const isLateString = (key: string): boolean => !FIRST_PAGE_KEYS.has(key) && LATE_PREFIXES.some((p) => key.startsWith(p));

function splitStrings(ui: Record<string, UiString>): { first: Record<string, UiString>; late: Record<string, UiString> } {
  const first: Record<string, UiString> = {};
  const late: Record<string, UiString> = {};
  for (const [k, v] of Object.entries(ui)) (isLateString(k) ? late : first)[k] = v;
  return { first, late };
}

export function contentPlugin(getContent: () => ResolvedCourse): Plugin {
  let building = false;
  return {
    name: 'balint-content',
    configResolved(config) {
      building = config.command === 'build';
    },
    // The theme's logo goes into the package under the name the outline gives it.
    generateBundle() {
      const { outline, logoFile } = getContent();
      if (outline.logo && logoFile) this.emitFile({ type: 'asset', fileName: outline.logo.src, source: readFileSync(logoFile) });
    },
    resolveId(id) {
      if (id === OUTLINE || id === LOADERS || id === PAGES || id === LATE_STRINGS || id.startsWith(MODULE)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const content = getContent();
      const key = id.slice(1);
      if (key === OUTLINE) return `export default ${JSON.stringify({ ...content.outline, ui: splitStrings(content.outline.ui).first })};`;
      if (key === LATE_STRINGS) return `export default ${JSON.stringify(splitStrings(content.outline.ui).late)};`;
      if (key === PAGES) return `export default ${JSON.stringify(content.coursePages)};`;
      if (key === LOADERS) {
        // A dynamic import that failed (the network dropped) fails again for that URL until the page
        // reloads: Chromium keeps the failure in its module map. In a package each loader therefore
        // imports its chunk by URL, and a retry asks for the same file under a new query string.
        const loader = (id: string, name: string) => {
          if (!building) return `() => import(${JSON.stringify(id)})`;
          const ref = this.emitFile({ type: 'chunk', id, name, preserveSignature: 'strict' });
          return `(retry) => import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${ref} + (retry ? '?retry=' + retry : ''))`;
        };
        const entries = content.modules.map((m) => `${JSON.stringify(m.slug)}: ${loader(MODULE + m.slug, m.slug)}`);
        return `export const moduleLoaders = {${entries.join(',')}};\nexport const loadCoursePages = ${loader(PAGES, 'course-pages')};`;
      }
      const slug = key.slice(MODULE.length);
      const mod = content.modules.find((m) => m.slug === slug);
      if (!mod) throw new Error(`no module ${slug}`);
      return `export default ${JSON.stringify(mod)};`;
    },
  };
}
