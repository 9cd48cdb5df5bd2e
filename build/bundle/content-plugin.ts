// A Vite plugin that serves the resolved content as virtual modules: the outline ships with the
// first page; each module's content and the course pages load on demand as their own chunks.
import type { Plugin } from 'vite';
import type { ResolvedCourse } from '../content/resolve.js';

const OUTLINE = 'virtual:course-outline';
const LOADERS = 'virtual:module-loaders';
const MODULE = 'virtual:module/';
const PAGES = 'virtual:course-pages';

export function contentPlugin(getContent: () => ResolvedCourse): Plugin {
  return {
    name: 'balint-content',
    resolveId(id) {
      if (id === OUTLINE || id === LOADERS || id === PAGES || id.startsWith(MODULE)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const content = getContent();
      const key = id.slice(1);
      if (key === OUTLINE) return `export default ${JSON.stringify(content.outline)};`;
      if (key === PAGES) return `export default ${JSON.stringify(content.coursePages)};`;
      if (key === LOADERS) {
        const entries = content.modules.map((m) => `${JSON.stringify(m.slug)}: () => import(${JSON.stringify(MODULE + m.slug)})`);
        return `export const moduleLoaders = {${entries.join(',')}};\nexport const loadCoursePages = () => import(${JSON.stringify(PAGES)});`;
      }
      const slug = key.slice(MODULE.length);
      const mod = content.modules.find((m) => m.slug === slug);
      if (!mod) throw new Error(`no module ${slug}`);
      return `export default ${JSON.stringify(mod)};`;
    },
  };
}
