// What the accessibility suites measure in a real page: axe-core's WCAG 2.2 AA rules, sideways
// scrolling, pointer target sizes, running motion and lang attributes. Each returns readable
// findings (selector and what is wrong) so an assertion message says where to look.
import type { BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from '../../build/harness/paths';

/** Serve this folder beside the course at AXE_ROUTE: the package's CSP allows only same-origin
 *  scripts, and the check must run under that CSP rather than switch it off. */
export const AXE_DIR = join(ROOT, 'node_modules', 'axe-core');
export const AXE_ROUTE = '/__axe/';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Makes Math.random repeatable, so the assessment draws the same order (and screenshots agree) on every run. */
export async function seedRandom(context: BrowserContext, seed = 20261201): Promise<void> {
  await context.addInitScript((s: number) => {
    let a = s >>> 0;
    Math.random = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }, seed);
}

/** axe-core's violations on the page as it is now, one line per rule with the failing selectors. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${AXE_ROUTE}axe.min.js` });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: tags, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, TAGS);
}

/** Set when the page scrolls sideways: the reader at 320 CSS px (or 400% zoom) would have to pan. */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    // A framed part (an interactive section, a quiz item) that its content spills out of is cut
    // off or overlaps its border even when the page itself does not scroll.
    const spilled = [...document.querySelectorAll<HTMLElement>('main, section.interactive, .quiz-item, .reflection')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className.trim().split(/\s+/).join('.')} content ${el.scrollWidth} px in ${el.clientWidth} px`);
    if (scrollWidth <= clientWidth) return spilled.length ? spilled.join(', ') : null;
    // Name the widest elements, which is where the fix goes.
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (right ${Math.round(el.getBoundingClientRect().right)})`);
    return `scrollWidth ${scrollWidth} > clientWidth ${clientWidth}: ${[...wide, ...spilled].join(', ')}`;
  });
}

/**
 * Visible pointer targets smaller than 24 × 24 CSS px (WCAG 2.2 SC 2.5.8). Links inside a
 * sentence are the SC's own exception; a radio or checkbox counts with its label, which
 * takes the same click.
 */
export async function smallTargets(page: Page, min = 24): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    const selector = 'a[href], button, input, select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // The skip link waits above the page until it is focused.
      if (el.classList.contains('skip-link')) continue;
      const inlineInText = el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.closest('p, li, td, dd, blockquote') !== null;
      if (inlineInText) continue;
      let box = el.getBoundingClientRect();
      const input = el as HTMLInputElement;
      if (el.tagName === 'INPUT' && (input.type === 'radio' || input.type === 'checkbox') && el.closest('label')) box = el.closest('label')!.getBoundingClientRect();
      if (box.width < min - 0.01 || box.height < min - 0.01) {
        const text = (el.innerText || el.getAttribute('aria-label') || (el as HTMLInputElement).value || '').trim().slice(0, 40);
        found.push(`${el.tagName.toLowerCase()} "${text}" is ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
      }
    }
    return found;
  }, min);
}

/** Elements still animating or transitioning for longer than `maxSeconds` (prefers-reduced-motion). */
export async function runningMotion(page: Page, maxSeconds = 0.01): Promise<string[]> {
  return page.evaluate((max) => {
    const seconds = (v: string) => Math.max(0, ...v.split(',').map((s) => (s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)) || 0));
    const found: string[] = [];
    for (const el of [document.documentElement, ...document.querySelectorAll<HTMLElement>('body *')]) {
      const cs = getComputedStyle(el);
      const anim = cs.animationName !== 'none' ? seconds(cs.animationDuration) : 0;
      const trans = seconds(cs.transitionDuration);
      if (anim > max || trans > max) found.push(`${el.tagName.toLowerCase()}.${String(el.className)} animation ${anim}s transition ${trans}s`);
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') found.push('html scroll-behavior: smooth');
    for (const a of document.getAnimations()) found.push(`running animation ${a.constructor.name}`);
    return found;
  }, maxSeconds);
}

/** The page's language and every other language marked inside it. */
export async function languages(page: Page): Promise<{ root: string; fragments: string[] }> {
  return page.evaluate(() => ({
    root: document.documentElement.lang,
    fragments: [...document.body.querySelectorAll('[lang]')].map((el) => el.getAttribute('lang') ?? ''),
  }));
}
