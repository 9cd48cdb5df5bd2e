// One Chromium, the test LRS and a built xAPI or cmi5 package hosted beside it, for a test file:
// started before its tests, closed after (the same shape as web-build.ts for the web build).
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../build/harness/browser';
import { startTestLrs, type TestLrs } from '../../build/harness/lrs/lrs-front';
import { hostPackage, type HostedPackage } from '../../build/harness/lrs/package-host';
import { courseContent } from '../../build/harness/course-content';

export interface LrsRig {
  readonly browser: Browser;
  readonly lrs: TestLrs;
  readonly pkg: HostedPackage;
}

export function useLrsRig(format: 'cmi5' | 'xapi', lang: 'en' | 'it' = 'en'): LrsRig {
  let browser: Browser | undefined;
  let lrs: TestLrs | undefined;
  let pkg: HostedPackage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    lrs = await startTestLrs();
    pkg = hostPackage(lrs, lang, format, courseContent(lang).outline.iri);
  });
  afterAll(async () => {
    await browser?.close();
    await lrs?.close();
  });
  return {
    get browser() { return browser!; },
    get lrs() { return lrs!; },
    get pkg() { return pkg!; },
  };
}
