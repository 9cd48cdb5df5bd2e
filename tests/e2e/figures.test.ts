// The course's figures in real Chromium, on the built web package, in both languages, on the
// narrowest phone (320 CSS px) and a desktop (1280 CSS px): each is one image with its page
// language's alt text and description, within 8 KB gzip, fits the column without sideways scrolling,
// keeps its labels inside the drawing and apart from each other, shows text no smaller than 12 px,
// and its page has no axe violation. No figure ships with the first page, in any package.
// A screenshot of every figure goes to $OUTPUT_DIR/screenshots/figures/ for a person to look at.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { collectErrors } from '../../build/harness/browser';
import { useWebBuild } from '../support/web-build';
import { CONTENT_ROOT, DIST, OUTPUT } from '../../build/harness/paths';
import { openPage } from '../../build/harness/course-driver';
import { AXE_DIR, AXE_ROUTE, axeViolations, horizontalOverflow } from '../support/a11y';
import { loadCourse } from '../../build/content/load';
import { firstPageAssets } from '../../build/budgets';
import { FIGURE_MAX_GZIP_BYTES, figureIdPrefix } from '../../build/content/figure-checks';
import type { RawFigure } from '../../build/content/markdown-source';
import { LANGS, type Lang } from '../../src/content/types';

/** Smallest text a phone reader should have to read in a figure, in CSS px. */
const MIN_TEXT_PX = 12;

const loaded = loadCourse(CONTENT_ROOT);
const figuresOf = (lang: Lang) =>
  loaded.modules.flatMap((m) => m.prose[lang].pages.flatMap((p) => p.blocks.filter((b): b is RawFigure => b.kind === 'figure').map((f) => ({ page: p.id, fig: f, id: figureIdPrefix(f.src) }))));

const web = useWebBuild('/', { [AXE_ROUTE]: AXE_DIR });

describe('figures', () => {
  it('the course places at least four figures, the same in both languages', () => {
    for (const lang of LANGS) expect(figuresOf(lang).length).toBeGreaterThanOrEqual(4);
    expect(figuresOf('it').map((f) => `${f.page} ${f.id}`)).toEqual(figuresOf('en').map((f) => `${f.page} ${f.id}`));
  });

  it('ship with their module chunks, never with the first page of any package', () => {
    const packages: { name: string; files: Map<string, Uint8Array> }[] = [];
    for (const lang of LANGS) {
      for (const zip of readdirSync(join(DIST, lang)).filter((f) => f.endsWith('.zip'))) {
        packages.push({ name: zip, files: new Map(Object.entries(unzipSync(readFileSync(join(DIST, lang, zip))))) });
      }
      const web = join(DIST, 'web', lang);
      const names = ['index.html', ...readdirSync(join(web, 'assets')).map((f) => `assets/${f}`)];
      packages.push({ name: `web/${lang}`, files: new Map(names.map((n) => [n, readFileSync(join(web, n))])) });
    }
    expect(packages).toHaveLength(10);
    const ids = figuresOf('en').map((f) => f.id);
    for (const { name, files } of packages) {
      const text = (n: string) => new TextDecoder().decode(files.get(n) ?? new Uint8Array());
      const html = text('index.html');
      const { js, css } = firstPageAssets(html);
      expect(js.length, name).toBeGreaterThan(0);
      for (const file of ['index.html', ...js, ...css]) {
        expect(/<svg|<figure/.test(text(file)), `${name}: ${file} holds a figure`).toBe(false);
      }
      // …and each figure is somewhere in the package: in its module's chunk.
      const rest = [...files.keys()].filter((f) => f.endsWith('.js') && !js.includes(f)).map(text).join('\n');
      for (const id of ids) expect(rest.includes(`<figure class="figure" id="${id}">`) || rest.includes(`<figure class=\\"figure\\" id=\\"${id}\\">`), `${name} lacks ${id}`).toBe(true);
    }
  });

  for (const lang of LANGS) {
    for (const width of [320, 1280]) {
      it(`render in ${lang} at ${width} px: named, described, within budget, readable, no overflow, no axe violation`, async () => {
        const context = await web.browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(`${web.url}/${lang}/`);
        await page.waitForSelector('h1#page-title');
        const shots = join(OUTPUT, 'screenshots', 'figures');
        mkdirSync(shots, { recursive: true });
        const problems: string[] = [];
        const pages = [...new Set(figuresOf(lang).map((f) => f.page))];
        for (const pageId of pages) {
          await openPage(page, pageId);
          for (const { fig, id } of figuresOf(lang).filter((f) => f.page === pageId)) {
            const where = `${lang} ${width}px ${pageId} ${id}`;
            const figure = page.locator(`figure#${id}`);
            await figure.waitFor();
            // One image to assistive technology, named by this language's alt text.
            const named = page.getByRole('img', { name: fig.alt, exact: true });
            if ((await named.count()) !== 1) problems.push(`${where}: no single image named "${fig.alt}"`);
            const measured = await figure.evaluate((el) => {
              const svg = el.querySelector('svg')!;
              const desc = document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? null;
              const vb = svg.viewBox.baseVal;
              const box = svg.getBoundingClientRect();
              const scale = box.width / vb.width;
              const texts = [...svg.querySelectorAll('text')].map((t) => {
                const b = t.getBBox();
                return { text: t.textContent ?? '', x: b.x, y: b.y, w: b.width, h: b.height, px: parseFloat(getComputedStyle(t).fontSize) * scale };
              });
              return { desc, html: el.outerHTML, vb: { w: vb.width, h: vb.height }, right: box.right, column: el.parentElement!.getBoundingClientRect().right, texts };
            });
            if (fig.description && measured.desc !== fig.description) problems.push(`${where}: described as "${measured.desc}"`);
            const gz = gzipSync(measured.html, { level: 9 }).length;
            if (gz > FIGURE_MAX_GZIP_BYTES) problems.push(`${where}: ${gz} bytes gzip`);
            if (measured.right > measured.column + 0.5 || measured.right > width) problems.push(`${where}: right edge ${measured.right} beyond the column (${measured.column})`);
            for (const t of measured.texts) {
              if (t.px < MIN_TEXT_PX) problems.push(`${where}: "${t.text}" drawn at ${t.px.toFixed(1)} px`);
              if (t.x < 0 || t.y < 0 || t.x + t.w > measured.vb.w + 0.5 || t.y + t.h > measured.vb.h + 0.5) problems.push(`${where}: "${t.text}" runs outside the drawing`);
            }
            for (const [i, a] of measured.texts.entries()) {
              for (const b of measured.texts.slice(i + 1)) {
                const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
                if (overlap) problems.push(`${where}: "${a.text}" overlaps "${b.text}"`);
              }
            }
            await figure.screenshot({ path: join(shots, `${lang}-${width}-${id.replace(/^figure-/, '')}.png`) });
          }
          const overflow = await horizontalOverflow(page);
          if (overflow) problems.push(`${lang} ${width}px ${pageId}: ${overflow}`);
          for (const v of await axeViolations(page)) problems.push(`${lang} ${width}px ${pageId}: axe ${v}`);
        }
        expect(problems).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
