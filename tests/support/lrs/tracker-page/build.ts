// Builds the tracker page for one format with Vite (the same alias the course build uses).
import { build } from 'vite';
import { resolve } from 'node:path';
import { ROOT, OUTPUT } from '../../../../build/harness/paths';
import { libraryAliases, trackerEntry } from '../../../../build/bundle/vite-build';

export async function buildTrackerPage(format: 'cmi5' | 'xapi'): Promise<string> {
  const outDir = resolve(OUTPUT, `tracker-page-${format}`);
  await build({
    configFile: false, root: resolve(ROOT, 'tests/support/lrs/tracker-page'), base: './', logLevel: 'warn',
    resolve: { alias: [{ find: '$tracker', replacement: trackerEntry(format) }, ...libraryAliases()] },
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: { polyfill: false } },
  });
  return outDir;
}
