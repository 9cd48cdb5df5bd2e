// Pictures of every page, for a person to look at after a UI change: `npm run screenshots` writes
// them (SCREENSHOTS=1); the everyday `npm test` makes the same checks without them, since full-page
// pictures of every page are the slowest part of a walk and no test reads them.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

export const TAKING_SCREENSHOTS = process.env.SCREENSHOTS === '1';

export async function pageScreenshot(page: Page, path: string): Promise<void> {
  if (!TAKING_SCREENSHOTS) return;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}
