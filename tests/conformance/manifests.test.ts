// The manifest writers against the official XSDs: what the build writes from the real
// course.json validates in both languages, carries the mastery score, lists every file once and
// escapes what it must; each deliberately broken manifest in tests/fixtures/manifests is rejected
// with the error it names.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import {
  cmi5Xml,
  METADATA_FILE,
  scorm12Manifest,
  scorm2004Manifest,
  scormMetadata,
  TEMPLATE_PATH,
  tincanXml,
  type ManifestInput,
} from '../../build/manifests';
import { checkWellFormed, SCHEMA_SETS, schemasDir, validateXml, type XmlKind } from '../../build/validate-xml';
import { fillTemplate } from '../../build/xml';
import { LANGS, type CourseSource, type Lang } from '../../src/content/types';
import { ROOT } from '../../build/harness/paths';

const course = JSON.parse(readFileSync(join(ROOT, 'course', 'course.json'), 'utf8')) as CourseSource;
const FILES = [
  'assets/index-3f2a9c.css',
  'assets/index-9b1c4d.js',
  'assets/modules/origins-77d0e1.js',
  'index.html',
  'media/diagrams/group-circle.svg',
];
const BROKEN = join(ROOT, 'tests', 'fixtures', 'manifests');
const VALID = { valid: true, errors: [] };

const inputFor = (lang: Lang, c: CourseSource = course, files = FILES): ManifestInput => ({ course: c, lang, files, launch: 'index.html' });
const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The first capture of `re` in `xml`, failing the test when there is none. */
function capture(xml: string, re: RegExp): string {
  const m = re.exec(xml);
  expect(m, `${re} in\n${xml}`).not.toBeNull();
  return m![1];
}
const listedFiles = (xml: string) => [...xml.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => m[1]);
const withCourse = (patch: Partial<CourseSource>): CourseSource => ({ ...course, ...patch });

describe.each(LANGS)('the manifests of the %s packages', (lang) => {
  const input = inputFor(lang);

  it('the SCORM 1.2 manifest passes the official SCORM 1.2 schemas and rules', async () => {
    expect(await validateXml(scorm12Manifest(input), 'scorm12')).toEqual(VALID);
  });

  it('the SCORM 2004 manifest passes the official 4th Edition schemas and rules', async () => {
    expect(await validateXml(scorm2004Manifest(input), 'scorm2004')).toEqual(VALID);
  });

  it('cmi5.xml passes the official cmi5 CourseStructure schema', async () => {
    expect(await validateXml(cmi5Xml({ ...input, auUrl: 'index.html' }), 'cmi5')).toEqual(VALID);
  });

  it('tincan.xml is well-formed and names the course activity, its title and launch page in the package language', async () => {
    const xml = tincanXml(input);
    expect(await checkWellFormed(xml, 'tincan.xml')).toEqual(VALID);
    expect(xml).toContain(`<activity id="${course.iri}" type="http://adlnet.gov/expapi/activities/course">`);
    expect(unescapeXml(capture(xml, new RegExp(`<name lang="${lang}">([^<]*)</name>`)))).toBe(course.title[lang]);
    expect(unescapeXml(capture(xml, new RegExp(`<description lang="${lang}">([^<]*)</description>`)))).toBe(course.description[lang]);
    expect(xml).toContain(`<launch lang="${lang}">index.html</launch>`);
  });

  it('both SCORM manifests declare their schema version and title the organization and item in the package language', () => {
    const v12 = scorm12Manifest(input);
    const v2004 = scorm2004Manifest(input);
    expect(capture(v12, /<schemaversion>([^<]*)</)).toBe('1.2');
    expect(capture(v2004, /<schemaversion>([^<]*)</)).toBe('2004 4th Edition');
    for (const xml of [v12, v2004]) {
      const titles = [...xml.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => unescapeXml(m[1]));
      expect(titles).toEqual([course.title[lang], course.title[lang]]);
      expect(capture(xml, /<resource [^>]*href="([^"]*)"/)).toBe('index.html');
      expect(xml).toMatch(/<resource [^>]*adlcp:scorm[tT]ype="sco"/);
    }
  });

  it('each SCORM manifest lists every package file exactly once, plus the metadata file it points to', () => {
    for (const xml of [scorm12Manifest(input), scorm2004Manifest(input)]) {
      const listed = listedFiles(xml);
      for (const f of FILES) expect(listed.filter((l) => l === f), f).toHaveLength(1);
      expect(listed.sort()).toEqual([...FILES, METADATA_FILE].sort());
      expect(capture(xml, /<adlcp:location>([^<]*)</)).toBe(METADATA_FILE);
    }
  });

  it('a file given twice, or the manifest itself, is still listed once or not at all', () => {
    const xml = scorm12Manifest(inputFor(lang, course, [...FILES, 'index.html', 'imsmanifest.xml', METADATA_FILE]));
    expect(listedFiles(xml).sort()).toEqual([...FILES, METADATA_FILE].sort());
  });

  it('the SCORM 2004 metadata file holds the title and description and passes the official IEEE LOM schema', async () => {
    const xml = scormMetadata(input, 'scorm2004');
    expect(await validateXml(xml, 'scorm2004-metadata')).toEqual(VALID);
    expect(unescapeXml(capture(xml, /<title><string language="[a-z]+">([^<]*)</))).toBe(course.title[lang]);
    expect(unescapeXml(capture(xml, /<description><string language="[a-z]+">([^<]*)</))).toBe(course.description[lang]);
  });

  it.skipIf(!debianXmllint())('the SCORM 1.2 metadata file passes the official IMS MD 1.2.1 schema (system xmllint 2.9: the wasm libxml2 cannot compile it)', () => {
    const xml = scormMetadata(input, 'scorm12');
    const run = spawnSync('xmllint', ['--noout', '--schema', join(schemasDir(), 'wrappers', 'scorm12-with-imsmd.xsd'), '-'], { input: xml, encoding: 'utf8' });
    expect(run.stderr).toContain('- validates');
    expect(run.status).toBe(0);
    expect(unescapeXml(capture(xml, /<description><langstring xml:lang="[a-z]+">([^<]*)</))).toBe(course.description[lang]);
  });

  it('cmi5.xml gives the title and description in every course language, the package language first', () => {
    const xml = cmi5Xml({ ...input, auUrl: 'index.html' });
    const order = [lang, ...course.languages.filter((l) => l !== lang)];
    const course_ = capture(xml, /<course [^>]*>([\s\S]*?)<\/course>/);
    expect([...course_.matchAll(/<langstring lang="([a-z]+)">/g)].map((m) => m[1])).toEqual([...order, ...order]);
    for (const l of order) expect(course_).toContain(`<langstring lang="${l}">${course.title[l]}</langstring>`);
    expect(xml).toContain(`<course id="${course.iri}">`);
    expect(xml).toMatch(new RegExp(`<au id="${course.iri}/au" [^>]*launchMethod="AnyWindow"`));
    expect(xml).toContain('<url>index.html</url>');
  });
});

describe('the mastery score comes from course.json', () => {
  const input = inputFor('en');

  it('SCORM 1.2 adlcp:masteryscore is the course masteryScore', () => {
    expect(Number(capture(scorm12Manifest(input), /<adlcp:masteryscore>([^<]*)</))).toBe(course.masteryScore);
  });

  it('SCORM 2004 satisfies the primary objective by measure, with minNormalizedMeasure = masteryScore / 100', () => {
    const xml = scorm2004Manifest(input);
    expect(xml).toMatch(/<imsss:primaryObjective [^>]*satisfiedByMeasure="true"/);
    expect(Number(capture(xml, /<imsss:minNormalizedMeasure>([^<]*)</))).toBe(course.masteryScore / 100);
  });

  it('the cmi5 AU masteryScore is masteryScore / 100, and the AU moves on when completed and passed', () => {
    const xml = cmi5Xml({ ...input, auUrl: 'index.html' });
    expect(Number(capture(xml, /<au [^>]*masteryScore="([^"]*)"/))).toBe(course.masteryScore / 100);
    expect(xml).toMatch(/<au [^>]*moveOn="CompletedAndPassed"/);
  });

  it('another mastery score in course.json changes all three, and they still validate', async () => {
    const other = inputFor('en', withCourse({ masteryScore: 65 }));
    const v12 = scorm12Manifest(other);
    const v2004 = scorm2004Manifest(other);
    const cmi5 = cmi5Xml({ ...other, auUrl: 'index.html' });
    expect(capture(v12, /<adlcp:masteryscore>([^<]*)</)).toBe('65');
    expect(capture(v2004, /<imsss:minNormalizedMeasure>([^<]*)</)).toBe('0.65');
    expect(capture(cmi5, /masteryScore="([^"]*)"/)).toBe('0.65');
    expect(await validateXml(v12, 'scorm12')).toEqual(VALID);
    expect(await validateXml(v2004, 'scorm2004')).toEqual(VALID);
    expect(await validateXml(cmi5, 'cmi5')).toEqual(VALID);
  });

  it('a mastery score outside 0–100 is refused before any manifest is written', () => {
    for (const masteryScore of [-1, 101, Number.NaN]) {
      const bad = inputFor('en', withCourse({ masteryScore }));
      expect(() => scorm12Manifest(bad)).toThrow(/masteryScore must be a number from 0 to 100/);
      expect(() => scorm2004Manifest(bad)).toThrow(RangeError);
      expect(() => cmi5Xml({ ...bad, auUrl: 'index.html' })).toThrow(RangeError);
    }
  });
});

describe('escaping, file hrefs and identifiers', () => {
  it('XML special characters in titles, descriptions and file names are escaped and every manifest still validates', async () => {
    const title = `Doctors & "patients" <together> it's ]]> fine`;
    const description = 'A < B && C > D';
    const odd = withCourse({ title: { en: title, it: title }, description: { en: description, it: description } });
    const input = inputFor('en', odd, [...FILES, 'notes&refs.html']);
    const v12 = scorm12Manifest(input);
    const v2004 = scorm2004Manifest(input);
    const cmi5 = cmi5Xml({ ...input, auUrl: 'index.html' });
    const tincan = tincanXml(input);
    for (const xml of [v12, v2004, cmi5, tincan]) {
      expect(xml).toContain('Doctors &amp; &quot;patients&quot; &lt;together&gt; it\'s ]]&gt; fine');
      expect(xml).not.toContain(title);
    }
    expect(listedFiles(v12)).toContain('notes&amp;refs.html');
    expect(unescapeXml(capture(v2004, /<title>([^<]*)<\/title>/))).toBe(title);
    expect(unescapeXml(capture(tincan, /<description lang="en">([^<]*)</))).toBe(description);
    expect(await validateXml(v12, 'scorm12')).toEqual(VALID);
    expect(await validateXml(v2004, 'scorm2004')).toEqual(VALID);
    expect(await validateXml(cmi5, 'cmi5')).toEqual(VALID);
    expect(await checkWellFormed(tincan)).toEqual(VALID);
    expect(await validateXml(scormMetadata(input, 'scorm2004'), 'scorm2004-metadata')).toEqual(VALID);
    expect(await checkWellFormed(scormMetadata(input, 'scorm12'))).toEqual(VALID);
  });

  it('a file name with a space, # or accented letter is listed as a percent-encoded relative URL', async () => {
    const xml = scorm2004Manifest(inputFor('it', course, [...FILES, 'media/città piazza#1.png']));
    expect(listedFiles(xml)).toContain('media/citt%C3%A0%20piazza%231.png');
    expect(await validateXml(xml, 'scorm2004')).toEqual(VALID);
  });

  it('identifiers never contain spaces, even when the course id and version do', async () => {
    const spaced = withCourse({ id: '2 balint method', version: '1.0 beta' });
    const v12 = scorm12Manifest(inputFor('en', spaced));
    const v2004 = scorm2004Manifest(inputFor('en', spaced));
    for (const xml of [v12, v2004]) {
      const ids = [...xml.matchAll(/\b(?:identifier|identifierref|default|objectiveID)="([^"]*)"/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThanOrEqual(4);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    }
    expect(await validateXml(v12, 'scorm12')).toEqual(VALID);
    expect(await validateXml(v2004, 'scorm2004')).toEqual(VALID);
  });

  it('a launch page missing from the files, or a path that leaves the package, is refused', () => {
    expect(() => scorm12Manifest({ ...inputFor('en'), launch: 'start.html' })).toThrow(/launch page "start.html"/);
    for (const bad of ['../secret.txt', '/etc/passwd', 'assets\\x.js', 'assets//x.js']) {
      expect(() => scorm2004Manifest(inputFor('en', course, [...FILES, bad])), bad).toThrow(/not a relative POSIX path/);
    }
  });
});

describe('SCORM 2004 sequencing', () => {
  it('leaves completion and success to the SCO and hides the LMS previous and continue buttons', () => {
    const xml = scorm2004Manifest(inputFor('en'));
    expect(xml).toMatch(/<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"\/>/);
    const item = capture(xml, /<item [^>]*>([\s\S]*?)<\/item>/);
    expect(item).toContain('<imsss:sequencing>');
    expect([...item.matchAll(/<adlnav:hideLMSUI>(\w+)</g)].map((m) => m[1])).toEqual(['previous', 'continue']);
    expect(xml).toMatch(/<imsss:controlMode choice="true" flow="true"\/>/);
  });
});

describe('the one manifest template', () => {
  it('both SCORM manifests come from imsmanifest.template.xml, with no marker left and the same identifiers', () => {
    const template = readFileSync(TEMPLATE_PATH, 'utf8');
    expect(template).toContain('{{#scorm12}}');
    expect(template).toContain('{{#scorm2004}}');
    const ids = (xml: string) => [...xml.matchAll(/<(?:organization|item|resource) identifier="([^"]*)"/g)].map((m) => m[1]);
    const v12 = scorm12Manifest(inputFor('en'));
    const v2004 = scorm2004Manifest(inputFor('en'));
    for (const xml of [v12, v2004]) expect(xml).not.toMatch(/\{\{|\}\}/);
    expect(ids(v12)).toEqual(ids(v2004));
    expect(v12).not.toMatch(/imsss:|adlnav:|adlseq:/);
    expect(v2004).not.toContain('masteryscore');
  });

  it('fills values escaped, keeps or drops sections, repeats list sections, and refuses an unknown marker', () => {
    const template = '{{! a note }}\n<a{{#off}} c="1"{{/off}}>\n{{#on}}\n  <b>{{x}}</b>\n{{/on}}\n{{#list}}\n  <d v="{{v}}"/>\n{{/list}}\n</a>\n';
    expect(fillTemplate(template, { on: true, off: false, x: '1 < 2', list: [{ v: 'p"q' }, { v: 'r' }] })).toBe(
      '<a>\n  <b>1 &lt; 2</b>\n  <d v="p&quot;q"/>\n  <d v="r"/>\n</a>\n',
    );
    expect(() => fillTemplate('<a>{{typo}}</a>', {}, 'imsmanifest.template.xml')).toThrow('imsmanifest.template.xml: no text value for {{typo}}');
  });
});

describe('the validator', () => {
  it.each(Object.keys(SCHEMA_SETS) as XmlKind[])('%s preloads every schema file its imports, includes and DTD references name', (kind) => {
    const set = SCHEMA_SETS[kind];
    const loaded = new Set([set.entry, ...set.preload]);
    for (const file of loaded) {
      const text = readFileSync(join(schemasDir(), file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const refs = [
        ...[...text.matchAll(/<(?:\w+:)?(?:import|include|redefine)\b[^>]*?schemaLocation\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]),
        ...[...text.matchAll(/<!(?:DOCTYPE|ENTITY)[^>]*?(?:SYSTEM|PUBLIC\s+["'][^"']*["'])\s+["']([^"']+)["']/g)].map((m) => m[1]),
      ];
      for (const ref of refs) {
        expect(ref, `${file} refers to a remote file`).not.toMatch(/^[a-z]+:/);
        expect(loaded, `${file} needs ${ref}`).toContain(posix.normalize(posix.join(posix.dirname(file), ref)));
      }
    }
  });

  it('reports errors by document line, without the libxml2 warning about the official SCORM 1.2 ims_xml.xsd', async () => {
    const broken = scorm12Manifest(inputFor('en')).replace('<schema>ADL SCORM</schema>', '<schema>ADL SCORM</schema><bogus/>');
    const result = await validateXml(broken, 'scorm12');
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e).toMatch(/^imsmanifest\.xml:\d+: /);
  });

  it('reports a document that is not well-formed as invalid instead of throwing', async () => {
    const result = await validateXml('<manifest><organizations></manifest>', 'scorm2004');
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/^imsmanifest\.xml:1: parser error/);
    expect((await checkWellFormed('<tincan><activities></tincan>', 'tincan.xml')).valid).toBe(false);
  });

  it('accepts a valid manifest written with other namespace prefixes and single-quoted attributes', async () => {
    const restyled = scorm2004Manifest(inputFor('en'))
      .replace(/adlcp:/g, 'scorm:')
      .replace('xmlns:adlcp=', 'xmlns:scorm=')
      .replace(/(<[^?!][^>]*>)/g, (tag) => tag.replace(/="([^"]*)"/g, "='$1'"));
    expect(restyled).toContain("scorm:scormType='sco'");
    expect(await validateXml(restyled, 'scorm2004')).toEqual(VALID);
  });

  it('rejects a cmi5.xml offered as a SCORM manifest', async () => {
    expect((await validateXml(cmi5Xml({ ...inputFor('en'), auUrl: 'index.html' }), 'scorm2004')).valid).toBe(false);
  });
});

describe('deliberately broken manifests in tests/fixtures/manifests', () => {
  const cases = readdirSync(BROKEN).filter((f) => f.endsWith('.xml')).sort();
  const kindOf = (name: string) => name.split('-')[0] as XmlKind;
  const expected = (text: string) => /expect: ([\s\S]*?)\s*-->/.exec(text)?.[1];

  it('cover each kind, and each names the rule it breaks and the error it expects', () => {
    for (const kind of ['scorm12', 'scorm2004', 'cmi5']) expect(cases.filter((c) => kindOf(c) === kind).length, kind).toBeGreaterThanOrEqual(3);
    for (const name of cases) {
      const text = readFileSync(join(BROKEN, name), 'utf8');
      expect(text, name).toMatch(/<!-- Broken on purpose: /);
      expect(expected(text), name).toBeTruthy();
    }
  });

  // Independent xmllint-wasm workers: run side by side.
  it.concurrent.for(cases)('%s is rejected with the error it expects', async (name, { expect }) => {
    const text = readFileSync(join(BROKEN, name), 'utf8');
    const result = await validateXml(text, kindOf(name));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain(expected(text));
  });
});

/** The IMS MD 1.2.1 schema compiles only in libxml2 2.9 (see build/schemas/SOURCES.md). */
function debianXmllint(): boolean {
  const run = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return run.status === 0 && /libxml version 209\d\d/.test(run.stderr + run.stdout);
}
