// Debian's Chromium for the xAPI browser tests, with the GUIDE §7 flags. Like tests/support/browser.ts
// but without --user-data-dir, which playwright-core refuses in launch() (each launch already gets a
// fresh temporary profile).
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../browser';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
