// One Chromium and one static server of the web build (dist/web) for a test file: started before
// its tests, closed after. `mount` serves the build under a subpath, as a trust's web server might;
// `extra` adds routes beside it (e.g. axe-core for the accessibility checks).
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../build/harness/browser';
import { serveStatic, type StaticServer } from '../../build/harness/static-server';
import { DIST } from '../../build/harness/paths';

export interface WebBuild {
  readonly browser: Browser;
  /** The address of dist/web, without a trailing slash: add `/<lang>/`. */
  readonly url: string;
}

export function useWebBuild(mount = '/', extra: Record<string, string> = {}): WebBuild {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveStatic({ [mount]: join(DIST, 'web'), ...extra });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() { return browser!; },
    get url() { return `${server!.url}${mount.replace(/\/$/, '')}`; },
  };
}
