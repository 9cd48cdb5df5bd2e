// Debian's Chromium driven by playwright-core, with the flags that work on a machine whose network
// reaches nothing but loopback (without them Chromium's background connections fail, many at a
// time). Never downloads a browser.
import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    // playwright gives every launch a fresh, empty profile of its own (no --user-data-dir needed).
  });
}

/** Collects console errors and uncaught exceptions, which a learner would meet as a broken page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    // The State and Agent Profile APIs answer 404 for a document not yet written (xAPI 1.0.3 §2.7.2); Chromium
    // logs every 404 fetch, but for a first launch that answer is the expected one.
    if (/status of 404/.test(m.text()) && /\/(activities\/state|agents\/profile)\b/.test(m.location().url)) return;
    errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
