// One Vite build of the player for one format and language. The tracker for the format is
// chosen by an alias, so a package carries the runtime code of its own standard only.
import { build, type InlineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Lang, ThemeColours } from '../../src/content/types.js';
import type { ResolvedCourse } from '../content/resolve.js';
import type { Format } from '../formats.js';
import { contentPlugin } from './content-plugin.js';
import { htmlPlugin } from './html-plugin.js';
import { inlineEntryCss } from './inline-entry-css.js';

/** The toolkit's own folder: the player's sources live here, whatever content root is built. */
const TOOLKIT = resolve(import.meta.dirname, '..', '..');

/** The launch module that gives a package of this format its Tracker (`$tracker` in the player). */
export const trackerEntry = (format: Format): string => resolve(TOOLKIT, 'src/tracking/launch', `${format}.ts`);

/** Libraries whose `browser` entry (which Vite reads first) is a UMD file: the course takes the ES
 *  module build each names under `module` in its package.json (it tree-shakes, and loads as one chunk). */
export function libraryAliases(): { find: RegExp; replacement: string }[] {
  const pkgFile = createRequire(import.meta.url).resolve('@xapi/xapi/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { module: string };
  return [{ find: /^@xapi\/xapi$/, replacement: resolve(dirname(pkgFile), pkg.module) }];
}

export interface BundleOptions {
  format: Format;
  lang: Lang;
  content: ResolvedCourse;
  outDir: string;
  /** Content-Security-Policy connect-src additions (the configured LRS). */
  connectSrc: string[];
  theme: ThemeColours;
  /** course.json names an LRS. */
  hasLrs: boolean;
}

export function viteConfig(o: BundleOptions): InlineConfig {
  return {
    configFile: false,
    root: resolve(TOOLKIT, 'src'),
    base: './',
    logLevel: 'warn',
    plugins: [svelte({
        configFile: false,
        // Components read their props' starting values on purpose (a saved answer, a default).
        onwarn: (warning, handler) => {
          if (warning.code !== 'state_referenced_locally') handler?.(warning);
        },
      }), contentPlugin(() => o.content), htmlPlugin(o.content.outline, o.theme, o.connectSrc), inlineEntryCss()],
    resolve: {
      alias: [{ find: '$tracker', replacement: trackerEntry(o.format) }, ...libraryAliases()],
    },
    mode: 'production',
    define: { __FORMAT__: JSON.stringify(o.format), __HAS_LRS__: JSON.stringify(o.hasLrs) },
    build: {
      outDir: o.outDir,
      emptyOutDir: true,
      assetsDir: 'assets',
      target: 'es2020',
      sourcemap: process.env.BUNDLE_SOURCEMAP === '1',
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      chunkSizeWarningLimit: 200,
    },
  };
}

export async function bundle(o: BundleOptions): Promise<void> {
  await build(viteConfig(o));
}
