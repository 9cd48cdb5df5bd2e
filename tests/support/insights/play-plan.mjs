// Plays a learner plan (learner-plan.ts) in a Playwright page or frame. Plain JavaScript, so a
// Moodle rig step (run-scorm.mjs loads .mjs files) can import it as well as the TypeScript runners.
export async function openPage(target, pageId) {
  const toggle = target.locator('.menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const details = target.locator(`#course-menu details:has(a[href="#${pageId}"])`);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await target.locator(`#course-menu a[href="#${pageId}"]`).click();
  await target.waitForFunction((id) => document.querySelector('#course-menu a[aria-current="page"]')?.getAttribute('href') === `#${id}`, pageId);
}

export async function playPlan(target, plan) {
  const start = target.locator('main button.primary');
  for (const a of plan) {
    if (a.kind === 'wait') await target.waitForSelector(a.selector, { timeout: 20_000 });
    else if (a.kind === 'open') {
      // The title page's Start button comes first on a fresh launch.
      if (!(await target.locator('#course-menu').count()) && (await start.isVisible())) await start.click();
      await openPage(target, a.pageId);
    } else if (a.kind === 'check') await target.locator(a.selector).check();
    else if (a.kind === 'fill') await target.locator(a.selector).fill(a.value);
    else if (a.kind === 'click') await target.locator(a.selector).click();
  }
}
