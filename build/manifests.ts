// Writes each package's manifest from the course data: both imsmanifest.xml files from the one
// imsmanifest.template.xml, the metadata file they point to, cmi5.xml and tincan.xml.
// Text in, text out: the template is read once when first needed, nothing else touches disk.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CourseSource, Lang } from '../src/content/types.js';
import { decimal, escapeXml, fillTemplate, pathHref } from './xml.js';

export { escapeXml };

export interface ManifestInput {
  course: CourseSource;
  lang: Lang;
  /** Every content file of the package, POSIX paths relative to its root. */
  files: string[];
  /** The SCO's launch page, one of `files`. */
  launch: string;
}

export type ScormStandard = 'scorm12' | 'scorm2004';

/** Title and description (LOM) that both SCORM manifests point to with adlcp:location. */
export const METADATA_FILE = 'metadata.xml';

export const TEMPLATE_PATH = resolve(import.meta.dirname, '..', 'imsmanifest.template.xml');
let template: string | undefined;

/** SCORM identifiers are xs:ID: no spaces, only letters, digits, - _ . and a letter or _ first. */
export function scormIdentifier(s: string): string {
  const id = s.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

function checkMasteryScore(course: CourseSource): number {
  const score = course.masteryScore;
  if (!Number.isFinite(score) || score < 0 || score > 100) {
    throw new RangeError(`course.json: masteryScore must be a number from 0 to 100, got ${score}`);
  }
  return score;
}

/** The files a manifest lists: each once, sorted, the launch page among them, none outside the package. */
function packageFiles(input: ManifestInput, extra: string[]): string[] {
  const files = [...new Set([...input.files, ...extra])].filter((f) => f !== 'imsmanifest.xml').sort();
  for (const f of files) {
    if (f === '' || f.startsWith('/') || f.includes('\\') || f.split('/').some((s) => s === '..' || s === '.' || s === '')) {
      throw new Error(`manifest: "${f}" is not a relative POSIX path inside the package`);
    }
  }
  if (!files.includes(input.launch)) throw new Error(`manifest: the launch page "${input.launch}" is not among the package files`);
  return files;
}

/** The values imsmanifest.template.xml names, for one standard. */
export function manifestValues(input: ManifestInput, standard: ScormStandard) {
  const { course, lang } = input;
  const score = checkMasteryScore(course);
  const id = scormIdentifier(course.id);
  return {
    scorm12: standard === 'scorm12',
    scorm2004: standard === 'scorm2004',
    manifestId: scormIdentifier(`${course.id}-${course.version}-${lang}-${standard}`),
    version: course.version,
    organizationId: `${id}-org`,
    itemId: `${id}-item`,
    resourceId: `${id}-sco`,
    objectiveId: `${id}-mastery`,
    title: course.title[lang],
    masteryScore: decimal(score),
    minNormalizedMeasure: decimal(score / 100),
    metadataFile: METADATA_FILE,
    launch: pathHref(input.launch),
    files: packageFiles(input, [METADATA_FILE]).map((f) => ({ href: pathHref(f) })),
  };
}

function manifest(input: ManifestInput, standard: ScormStandard): string {
  template ??= readFileSync(TEMPLATE_PATH, 'utf8');
  return fillTemplate(template, manifestValues(input, standard), 'imsmanifest.template.xml');
}

/** SCORM 1.2 imsmanifest.xml: one organization, one item, one SCO with adlcp:masteryscore. */
export const scorm12Manifest = (input: ManifestInput): string => manifest(input, 'scorm12');

/** SCORM 2004 4th Edition imsmanifest.xml: one SCO whose primary objective is satisfied by measure. */
export const scorm2004Manifest = (input: ManifestInput): string => manifest(input, 'scorm2004');

/**
 * The metadata file both manifests point to: the course's title, language, description and
 * version as IMS MD 1.2.1 (SCORM 1.2) or IEEE LOM (SCORM 2004). Kept out of the manifest because
 * inline IMS MD cannot be checked with the schema tools we run (see build/schemas/SOURCES.md).
 */
export function scormMetadata(input: ManifestInput, standard: ScormStandard): string {
  const { course, lang } = input;
  const title = escapeXml(course.title[lang]);
  const description = escapeXml(course.description[lang]);
  const version = escapeXml(course.version);
  if (standard === 'scorm12') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
  <general>
    <title><langstring xml:lang="${lang}">${title}</langstring></title>
    <language>${lang}</language>
    <description><langstring xml:lang="${lang}">${description}</langstring></description>
  </general>
  <lifecycle><version><langstring xml:lang="x-none">${version}</langstring></version></lifecycle>
</lom>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="${lang}">${title}</string></title>
    <language>${lang}</language>
    <description><string language="${lang}">${description}</string></description>
  </general>
  <lifeCycle><version><string language="x-none">${version}</string></version></lifeCycle>
</lom>
`;
}

/** cmi5.xml: the course and one AU that moves on when completed and passed. `auUrl` is used
 *  as given: a path relative to cmi5.xml or an absolute URL. */
export function cmi5Xml(input: ManifestInput & { auUrl: string }): string {
  const { course, lang } = input;
  const score = checkMasteryScore(course);
  // The package's language first: an LMS that shows one langstring shows that one.
  const langs = [lang, ...course.languages.filter((l) => l !== lang)];
  const text = (t: Record<Lang, string>, indent: string) =>
    langs.map((l) => `${indent}<langstring lang="${l}">${escapeXml(t[l])}</langstring>`).join('\n');
  const block = (name: string, t: Record<Lang, string>, indent: string) =>
    `${indent}<${name}>\n${text(t, `${indent}  `)}\n${indent}</${name}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(course.iri)}">
${block('title', course.title, '    ')}
${block('description', course.description, '    ')}
  </course>
  <au id="${escapeXml(`${course.iri}/au`)}" moveOn="CompletedAndPassed" masteryScore="${decimal(score / 100)}" launchMethod="AnyWindow">
${block('title', course.title, '    ')}
${block('description', course.description, '    ')}
    <url>${escapeXml(input.auUrl)}</url>
  </au>
</courseStructure>
`;
}

/** tincan.xml: the course activity and its launch page, in the package's language. */
export function tincanXml(input: ManifestInput): string {
  const { course, lang } = input;
  return `<?xml version="1.0" encoding="UTF-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${escapeXml(course.iri)}" type="http://adlnet.gov/expapi/activities/course">
      <name lang="${lang}">${escapeXml(course.title[lang])}</name>
      <description lang="${lang}">${escapeXml(course.description[lang])}</description>
      <launch lang="${lang}">${escapeXml(pathHref(input.launch))}</launch>
    </activity>
  </activities>
</tincan>
`;
}
