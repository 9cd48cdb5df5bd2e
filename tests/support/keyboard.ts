// A keyboard-only learner: Tab, Shift+Tab, Enter, Space, arrows and typing; never a click.
// Every element the learner tabs through is checked for a visible focus indicator on the way.
import type { Page } from 'playwright-core';
import type { ScoredItem } from '../../src/content/types';
import { answerFor } from '../../build/harness/course-driver';

export class KeyboardLearner {
  /** Elements reached by Tab that showed no focus indicator (SC 2.4.7). */
  readonly invisibleFocus = new Set<string>();
  /** Elements reached by Tab that sat entirely under the sticky header (SC 2.4.11). */
  readonly obscuredFocus = new Set<string>();
  tabs = 0;

  constructor(readonly page: Page) {}

  /** Where focus is, and whether the focus ring can be seen. */
  private async focused(selector: string): Promise<{ matches: boolean; where: string; visible: boolean; obscured: boolean }> {
    return this.page.evaluate((sel) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { matches: false, where: 'body', visible: true, obscured: false };
      const cs = getComputedStyle(el);
      // An outline of 2 px or more, or a box shadow, in a colour that is not transparent.
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 && !/rgba\(.*, 0\)$/.test(cs.outlineColor);
      const visible = outline || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
      const where = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
      // A sticky header stays on screen while the page scrolls under it; the focused element must not vanish beneath.
      const header = document.querySelector('header.top');
      const headerBottom = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      // Within the header's band and not the topmost thing there (the skip link, say, is painted above it).
      const obscured = !header?.contains(el) && r.bottom <= headerBottom && !(hit && el.contains(hit));
      return { matches: el.matches(sel), where, visible, obscured };
    }, selector);
  }

  /** Tabs forward (or back) until focus is on an element matching `selector`. */
  async tabTo(selector: string, { back = false, limit = 600 } = {}): Promise<void> {
    const start = await this.focused(selector);
    if (start.matches) return;
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      this.tabs++;
      const f = await this.focused(selector);
      if (!f.visible) this.invisibleFocus.add(f.where);
      if (f.obscured) this.obscuredFocus.add(f.where);
      if (f.matches) return;
    }
    throw new Error(`${selector} not reachable with ${back ? 'Shift+Tab' : 'Tab'} (focus ended on ${(await this.focused(selector)).where})`);
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Tabs to a control and presses Enter on it. */
  async activate(selector: string, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await this.tabTo(selector);
    await this.page.keyboard.press(key);
  }

  /** Selects a radio button as a keyboard user does: Tab into its group, arrows to it, Space. */
  async chooseRadio(selector: string): Promise<void> {
    const name = await this.page.locator(selector).getAttribute('name');
    await this.tabTo(`input[type=radio][name="${name}"]`);
    for (let i = 0; i < 20; i++) {
      if (await this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) {
        if (!(await this.page.evaluate(() => (document.activeElement as HTMLInputElement).checked))) await this.press('Space');
        return;
      }
      await this.press('ArrowDown');
    }
    throw new Error(`arrows never reached ${selector}`);
  }

  /** Gives an item's right (or wrong) answer inside `container`, control by control in page order. */
  async answer(container: string, item: ScoredItem, right: boolean): Promise<void> {
    for (const input of answerFor(item, right).inputs) {
      const selector = `${container} ${input}`;
      if (input.startsWith('input[type=checkbox]')) {
        await this.tabTo(selector);
        if (!(await this.page.locator(selector).isChecked())) await this.press('Space');
      } else await this.chooseRadio(selector);
    }
  }

  /** Types into a field reached by Tab, replacing what it held. */
  async fill(selector: string, text: string): Promise<void> {
    await this.tabTo(selector);
    await this.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }
}
