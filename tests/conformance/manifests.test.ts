// The manifest writers against the official XSDs: what the build writes validates in both
// languages, and each deliberately broken manifest in tests/fixtures/manifests is rejected.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmi5Xml, scorm12Manifest, scorm2004Manifest, tincanXml } from '../../build/manifests';
import { validateXml, type XmlKind } from '../../build/validate-xml';
import type { CourseSource } from '../../src/content/types';
import { ROOT } from '../support/paths';

const course = JSON.parse(readFileSync(join(ROOT, 'course', 'course.json'), 'utf8')) as CourseSource;
const files = ['assets/index-abc.js', 'assets/index-def.css', 'assets/module-welcome.js', 'index.html'];
const BROKEN = join(ROOT, 'tests', 'fixtures', 'manifests');

describe.each(['en', 'it'] as const)('manifests in %s', (lang) => {
  const input = { course, lang, files, launch: 'index.html' };

  it('SCORM 1.2 manifest validates, carries the mastery score and lists every file once', async () => {
    const xml = scorm12Manifest(input);
    expect(await validateXml(xml, 'scorm12')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain(`<adlcp:masteryscore>${course.masteryScore}</adlcp:masteryscore>`);
    expect(xml).toContain(`<title>${course.title[lang]}</title>`);
    for (const f of files) expect(xml.split(`<file href="${f}" />`)).toHaveLength(2);
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
  });

  it('SCORM 2004 manifest validates, with minNormalizedMeasure from the mastery score', async () => {
    const xml = scorm2004Manifest(input);
    expect(await validateXml(xml, 'scorm2004')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain(`<imsss:minNormalizedMeasure>${(course.masteryScore / 100).toFixed(2)}</imsss:minNormalizedMeasure>`);
    expect(xml).toContain('satisfiedByMeasure="true"');
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  it('cmi5.xml validates, with the AU masteryScore from course.json', async () => {
    const xml = cmi5Xml({ ...input, auUrl: 'index.html' });
    expect(await validateXml(xml, 'cmi5')).toEqual({ valid: true, errors: [] });
    expect(xml).toContain(`masteryScore="${(course.masteryScore / 100).toFixed(2)}"`);
    expect(xml).toContain(`<course id="${course.iri}">`);
  });

  it('tincan.xml names the course IRI and launch page in the language', () => {
    const xml = tincanXml(input);
    expect(xml).toContain(`<activity id="${course.iri}" type="http://adlnet.gov/expapi/activities/course">`);
    expect(xml).toContain(`<launch lang="${lang}">index.html</launch>`);
  });
});

it('escapes XML special characters in titles and still validates', async () => {
  const odd = { ...course, title: { en: 'Doctors & "patients" <together>', it: 'Medici & pazienti' } };
  const xml = scorm2004Manifest({ course: odd, lang: 'en', files: ['a&b.js', 'index.html'], launch: 'index.html' });
  expect(xml).toContain('Doctors &amp; &quot;patients&quot; &lt;together&gt;');
  expect((await validateXml(xml, 'scorm2004')).valid).toBe(true);
  expect((await validateXml(scorm12Manifest({ course: odd, lang: 'en', files: ['a&b.js'], launch: 'index.html' }), 'scorm12')).valid).toBe(true);
});

describe('deliberately broken manifests', () => {
  const cases = readdirSync(BROKEN).filter((f) => f.endsWith('.xml')).sort();
  it('has one fixture per rule', () => expect(cases.length).toBeGreaterThanOrEqual(6));
  it.each(cases)('%s is rejected by the official schema', async (name) => {
    const kind = name.split('-')[0] as XmlKind;
    const result = await validateXml(readFileSync(join(BROKEN, name), 'utf8'), kind);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
