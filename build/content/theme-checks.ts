// The theme in course.json sets the player's colours. A trust that swaps in its own brand colours
// must not make text unreadable, so the build measures each pair the player actually draws
// (WCAG 2.2 SC 1.4.3: 4.5:1 for body-size text) and stops with the line to fix.
import type { JsonSource } from './json-source.js';
import type { Problems } from './problems.js';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
export const THEME_KEYS = ['text', 'background', 'accent', 'accentText'] as const;
type ThemeKey = (typeof THEME_KEYS)[number];

/** The panel colour theme.css paints behind the menu, objectives and interactive steps (--soft). */
export const PANEL = '#f1f5f8';

/** Every foreground/background pair the player draws from the theme, and what it is used for. */
const PAIRS: { fg: ThemeKey; bg: ThemeKey | typeof PANEL; use: string }[] = [
  { fg: 'text', bg: 'background', use: 'text' },
  { fg: 'accent', bg: 'background', use: 'link and button text' },
  { fg: 'accentText', bg: 'accent', use: 'text on primary buttons' },
  { fg: 'text', bg: PANEL, use: 'text on the panel colour' },
  { fg: 'accent', bg: PANEL, use: 'link text on the panel colour' },
];
const MIN = 4.5;

/** sRGB hex (#rgb or #rrggbb) to WCAG relative luminance (WCAG 2.2, "relative luminance"). */
export function relativeLuminance(hex: string): number {
  if (!HEX.test(hex)) throw new Error(`not a hex colour: ${hex}`);
  const h = hex.length === 4 ? hex.slice(1).split('').map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down, so a ratio just under the minimum never prints as the minimum. */
export const formatRatio = (r: number): string => `${(Math.floor(r * 100) / 100).toFixed(2).replace(/\.?0+$/, '')}:1`;

export function checkTheme(src: JsonSource, problems: Problems): void {
  const theme = (src.value as { theme?: unknown }).theme;
  if (!theme || typeof theme !== 'object') return; // course.json's own check reports the missing block
  const t = theme as Record<string, unknown>;
  let valid = true;
  for (const key of THEME_KEYS) {
    if (typeof t[key] !== 'string' || !HEX.test(t[key] as string)) {
      problems.add(src.file, src.lineOf(['theme', key]), `theme colour "${key}" must be a hex colour such as #1d5c7a`);
      valid = false;
    }
  }
  if (!valid) return;
  const colour = (k: ThemeKey | typeof PANEL) => (k === PANEL ? PANEL : (t[k] as string));
  for (const { fg, bg, use } of PAIRS) {
    const ratio = contrastRatio(colour(fg), colour(bg));
    if (ratio >= MIN) continue;
    const on = bg === PANEL ? `the panel colour ${PANEL}` : `"${bg}" ${colour(bg)}`;
    problems.add(src.file, src.lineOf(['theme', fg]),
      `theme colour "${fg}" ${colour(fg)} on ${on} has contrast ${formatRatio(ratio)}; ${use} needs at least ${MIN}:1 (WCAG 2.2 SC 1.4.3)`);
  }
}
