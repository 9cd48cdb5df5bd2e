// What an LMS administrator uploads: each zip's manifest lists exactly the files in it, every
// manifest validates against the official XSDs, the zips are reproducible, and each package
// carries only its own standard's runtime and nothing build-time.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip, zipPath, type ZipFormat } from '../../build/harness/packages';
import { CONTENT_ROOT, DIST, ROOT } from '../../build/harness/paths';
import { validateXml } from '../../build/validate-xml';

const LANGS = ['en', 'it'] as const;
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const isSchemaFile = (name: string) => !name.includes('/') && /\.(xsd|dtd)$/.test(name);

function manifestFiles(xml: string): string[] {
  return [...xml.matchAll(/<file\s+href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

describe.each(LANGS)('packages in %s', (lang) => {
  for (const format of ['scorm12', 'scorm2004'] as const) {
    it(`${format}: the manifest lists every file in the zip, and the zip holds every listed file`, () => {
      const zip = readZip(zipPath(lang, format));
      const manifest = text(zip.get('imsmanifest.xml'));
      const listed = manifestFiles(manifest).sort();
      const inZip = [...zip.keys()].filter((f) => f !== 'imsmanifest.xml' && !isSchemaFile(f) && !f.endsWith('/')).sort();
      expect(listed).toEqual(inZip);
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed).toContain('index.html');
    });

    it(`${format}: the manifest validates against the official XSDs`, async () => {
      const manifest = text(readZip(zipPath(lang, format)).get('imsmanifest.xml'));
      const result = await validateXml(manifest, format);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }

  it('cmi5: cmi5.xml validates against the cmi5 CourseStructure XSD', async () => {
    const xml = text(readZip(zipPath(lang, 'cmi5')).get('cmi5.xml'));
    const result = await validateXml(xml, 'cmi5');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('xapi: tincan.xml names the course activity and the launch page', () => {
    const xml = text(readZip(zipPath(lang, 'xapi')).get('tincan.xml'));
    expect(xml).toMatch(/<launch lang="[a-z-]+">index\.html<\/launch>/);
    expect(xml).toContain('http://adlnet.gov/expapi/activities/course');
  });

  // What marks each runtime in the bundled code, and what must not travel with it. cmi5 is an
  // xAPI profile, so cmi5 and Tin Can share the xAPI statement code; neither carries SCORM, and a
  // SCORM package (with no LRS configured) carries no xAPI.
  const RUNTIME: Record<ZipFormat, { own: RegExp; foreign: RegExp[] }> = {
    scorm12: { own: /LMSInitialize/, foreign: [/API_1484_11/, /X-Experience-API-Version/, /activity_id/] },
    scorm2004: { own: /API_1484_11/, foreign: [/LMSInitialize/, /X-Experience-API-Version/, /activity_id/] },
    cmi5: { own: /LMS\.LaunchData/, foreign: [/LMSInitialize/, /API_1484_11/, /activity_id/] },
    xapi: { own: /activity_id/, foreign: [/LMSInitialize/, /API_1484_11/] },
  };

  it.each(['scorm12', 'scorm2004', 'cmi5', 'xapi'] as ZipFormat[])('%s carries only its own runtime and no build-time code', (format) => {
    const zip = readZip(zipPath(lang, format));
    const js = [...zip.entries()].filter(([n]) => n.endsWith('.js')).map(([, b]) => text(b)).join('\n');
    expect(js).toMatch(RUNTIME[format].own);
    for (const foreign of RUNTIME[format].foreign) expect(js, `${format} holds ${foreign}`).not.toMatch(foreign);
    // marked renders at build time; scorm-again is the LMS side: neither ships. (Strings of their
    // own code, not the word "marked", which the course's prose may well use.)
    expect(js).not.toMatch(/github\.com\/markedjs|input parameter is undefined or null|Scorm12API|Scorm2004API|loadFromFlattenedJSON/);
  });
});

describe('the web build', () => {
  it.each(LANGS)('%s works from a subpath: every asset reference is relative', (lang) => {
    const html = readFileSync(join(DIST, 'web', lang, 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.startsWith('./') || r.startsWith('assets/') || r.startsWith('data:'), r).toBe(true);
    expect(html).toMatch(new RegExp(`<html lang="${lang}"`));
  });
});

describe('reproducible builds', () => {
  it('two builds of the same sources give byte-identical zips', () => {
    const second = mkdtempSync(join(tmpdir(), 'balint-rebuild-'));
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'build', 'cli.ts'), 'build', CONTENT_ROOT, second], { stdio: 'pipe' });
      for (const lang of LANGS) {
        const names = readdirSync(join(DIST, lang)).filter((f) => f.endsWith('.zip')).sort();
        expect(names.length).toBe(4);
        expect(readdirSync(join(second, lang)).sort()).toEqual(names);
        for (const name of names) {
          const a = readFileSync(join(DIST, lang, name));
          const b = readFileSync(join(second, lang, name));
          expect(Buffer.compare(a, b), `${lang}/${name} differs between builds`).toBe(0);
        }
      }
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  }, 180_000);
});
