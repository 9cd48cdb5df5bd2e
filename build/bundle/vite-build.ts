// One Vite build of the player for one format and language. The tracker for the format is
// chosen by an alias, so a package carries the runtime code of its own standard only.
import { build, type InlineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
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
      alias: { '$tracker': trackerEntry(o.format) },
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
