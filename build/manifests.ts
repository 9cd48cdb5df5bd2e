// Writes each package's manifest from the course data: both imsmanifest.xml files from the one
// imsmanifest.template.xml, and cmi5.xml and tincan.xml. Pure: text in, text out.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CourseSource, Lang } from '../src/content/types.js';

export interface ManifestInput {
  course: CourseSource;
  lang: Lang;
  /** Every content file of the package, POSIX paths relative to its root, sorted. */
  files: string[];
  launch: string;
}

export const METADATA_FILE = 'metadata.xml';
const TEMPLATE = resolve(import.meta.dirname, '..', 'imsmanifest.template.xml');

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** SCORM identifiers: no spaces, letters, digits, - _ . only. */
const identifier = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');

/** Keeps the blocks of one standard, drops the other's, and fills the markers. */
export function fillTemplate(template: string, standard: 'scorm12' | 'scorm2004', values: Record<string, string>): string {
  const other = standard === 'scorm12' ? 'scorm2004' : 'scorm12';
  return template
    .replace(/<!--[\s\S]*?-->\n?/, '')
    .replace(new RegExp(`\\{\\{#${other}\\}\\}[\\s\\S]*?\\{\\{/${other}\\}\\}\\n?`, 'g'), '')
    .replace(new RegExp(`\\{\\{[#/]${standard}\\}\\}\\n?`, 'g'), '')
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      if (!(key in values)) throw new Error(`imsmanifest.template.xml: no value for {{${key}}}`);
      return values[key];
    });
}

function manifest(input: ManifestInput, standard: 'scorm12' | 'scorm2004'): string {
  const { course, lang } = input;
  const base = identifier(`${course.id}-${course.version}-${lang}`);
  const files = [...input.files, METADATA_FILE].sort().map((f) => `      <file href="${escapeXml(f)}" />`).join('\n');
  return fillTemplate(readFileSync(TEMPLATE, 'utf8'), standard, {
    manifestId: `${base}-${standard}`,
    version: escapeXml(course.version),
    orgId: `${identifier(course.id)}-org`,
    itemId: `${identifier(course.id)}-item`,
    resourceId: `${identifier(course.id)}-sco`,
    title: escapeXml(course.title[lang]),
    masteryScore: String(Math.round(course.masteryScore)),
    minNormalizedMeasure: (course.masteryScore / 100).toFixed(2),
    launch: escapeXml(input.launch),
    metadataFile: METADATA_FILE,
    files,
  });
}

export const scorm12Manifest = (input: ManifestInput): string => manifest(input, 'scorm12');
export const scorm2004Manifest = (input: ManifestInput): string => manifest(input, 'scorm2004');

/** The course's title and description as metadata the SCORM manifests point to. */
export function scormMetadata(input: ManifestInput, standard: 'scorm12' | 'scorm2004'): string {
  const { course, lang } = input;
  const t = escapeXml(course.title[lang]);
  const d = escapeXml(course.description[lang]);
  if (standard === 'scorm12') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
  <general>
    <title><langstring xml:lang="${lang}">${t}</langstring></title>
    <language>${lang}</language>
    <description><langstring xml:lang="${lang}">${d}</langstring></description>
  </general>
  <lifecycle><version><langstring xml:lang="x-none">${escapeXml(course.version)}</langstring></version></lifecycle>
</lom>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="${lang}">${t}</string></title>
    <language>${lang}</language>
    <description><string language="${lang}">${d}</string></description>
  </general>
  <lifeCycle><version><string language="x-none">${escapeXml(course.version)}</string></version></lifeCycle>
</lom>
`;
}

/** cmi5 course structure: one course, one AU that must be completed and passed. */
export function cmi5Xml(input: ManifestInput & { auUrl: string }): string {
  const { course, lang } = input;
  const langs = [lang, ...course.languages.filter((l) => l !== lang)];
  const strings = (text: Record<Lang, string>) => langs.map((l) => `<langstring lang="${l}">${escapeXml(text[l])}</langstring>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(course.iri)}">
    <title>${strings(course.title)}</title>
    <description>${strings(course.description)}</description>
  </course>
  <au id="${escapeXml(course.iri)}/au" moveOn="CompletedAndPassed" masteryScore="${(course.masteryScore / 100).toFixed(2)}" launchMethod="AnyWindow">
    <title>${strings(course.title)}</title>
    <description>${strings(course.description)}</description>
    <url>${escapeXml(input.auUrl)}</url>
  </au>
</courseStructure>
`;
}

/** Tin Can launch: the course activity and its launch page. */
export function tincanXml(input: ManifestInput): string {
  const { course, lang } = input;
  return `<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${escapeXml(course.iri)}" type="http://adlnet.gov/expapi/activities/course">
      <name lang="${lang}">${escapeXml(course.title[lang])}</name>
      <description lang="${lang}">${escapeXml(course.description[lang])}</description>
      <launch lang="${lang}">${escapeXml(input.launch)}</launch>
    </activity>
  </activities>
</tincan>
`;
}
