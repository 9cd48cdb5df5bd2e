// Fills index.html for one language: lang, title, description and a Content-Security-Policy
// that allows only the package itself and the configured LRS.
import type { Plugin } from 'vite';
import type { CourseOutline, ThemeColours } from '../../src/content/types.js';
import { formatUi } from '../../src/content/ui-format.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function contentSecurityPolicy(connectSrc: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${connectSrc.map((c) => ' ' + c).join('')}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export function themeCss(theme: ThemeColours): string {
  return `:root{--text:${theme.text};--bg:${theme.background};--accent:${theme.accent};--accent-text:${theme.accentText}}`;
}

/** What the learner sees before the player has started: the course's title and description, in plain
 *  HTML, so text is on screen as soon as the page arrives on a slow ward network. The player shows
 *  the same while it starts (App.svelte), then takes over. */
export function startingShell(outline: CourseOutline): string {
  return `<main id="main" tabindex="-1"><h1 id="page-title" tabindex="-1">${escapeHtml(outline.title)}</h1><p class="lead">${escapeHtml(outline.description)}</p><p class="loading" role="status">${escapeHtml(formatUi(outline.ui['app.loading'] ?? '', {}, outline.lang))}</p></main>`;
}

export function htmlPlugin(outline: CourseOutline, theme: ThemeColours, connectSrc: string[]): Plugin {
  return {
    name: 'balint-html',
    transformIndexHtml: {
      // Before Vite reads the inline <style>, so it sees real CSS rather than a marker.
      order: 'pre',
      handler: (html) =>
        html
        .replace('%LANG%', outline.lang)
        .replace('%TITLE%', escapeHtml(outline.title))
        .replace('%DESCRIPTION%', escapeHtml(outline.description))
        .replace('%THEME%', themeCss(theme))
        .replace('%CSP%', escapeHtml(contentSecurityPolicy(connectSrc)))
        .replace('%SHELL%', startingShell(outline)),
    },
  };
}
