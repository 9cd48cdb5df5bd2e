// `npm run bench -- --first-control --trace`: where the time goes before the first working control.
// Filled in below.
import type { Browser } from 'playwright-core';
import type { BenchHarness } from './first-control.js';

export async function traceFirstControl(browser: Browser, h: BenchHarness): Promise<void> {
  void browser;
  void h;
}
