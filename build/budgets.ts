// The size budgets (docs/architecture.md#budgets), measured on the built packages. Sizes are deterministic, so a
// test checks them; times are only printed by `npm run bench`.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

export const BUDGETS = { firstPageJsGzip: 60 * 1024, firstPageCssGzip: 15 * 1024, zipBytes: 400 * 1024 };

export interface PackageWeight {
  firstPageJsGzip: number;
  firstPageCssGzip: number;
  files: number;
  /** Bytes of the zip, or of the folder for the web build. */
  bytes: number;
}

/** What the first page loads: the entry script, its preloaded imports, the stylesheets, and the
 *  styles written into the page itself. */
export function firstPageAssets(html: string): { js: string[]; css: string[]; inlineCss: string } {
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1].replace(/^\.\//, ''));
  return {
    js: [...attr(/<script[^>]+src="([^"]+)"/g), ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    inlineCss: [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n'),
  };
}

export function weighFiles(files: Map<string, Uint8Array>, bytes: number): PackageWeight {
  const html = new TextDecoder().decode(files.get('index.html'));
  const { js, css, inlineCss } = firstPageAssets(html);
  const gz = (names: string[]) => names.reduce((n, name) => n + gzipSync(files.get(name) ?? new Uint8Array(), { level: 9 }).length, 0);
  const inline = inlineCss ? gzipSync(new TextEncoder().encode(inlineCss), { level: 9 }).length : 0;
  return { firstPageJsGzip: gz(js), firstPageCssGzip: gz(css) + inline, files: files.size, bytes };
}

export function weighZip(path: string): PackageWeight {
  const data = readFileSync(path);
  return weighFiles(new Map(Object.entries(unzipSync(data))), data.length);
}

export function overBudget(w: PackageWeight, isZip: boolean, budgets = BUDGETS): string[] {
  const over: string[] = [];
  if (w.firstPageJsGzip > budgets.firstPageJsGzip) over.push(`first-page JS ${kb(w.firstPageJsGzip)} > ${kb(budgets.firstPageJsGzip)}`);
  if (w.firstPageCssGzip > budgets.firstPageCssGzip) over.push(`first-page CSS ${kb(w.firstPageCssGzip)} > ${kb(budgets.firstPageCssGzip)}`);
  if (isZip && w.bytes > budgets.zipBytes) over.push(`zip ${kb(w.bytes)} > ${kb(budgets.zipBytes)}`);
  return over;
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const webFolder = (dist: string, lang: string) => join(dist, 'web', lang);
