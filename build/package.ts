// Turns one staged Vite build into its package: the manifest(s) of its standard, the schema
// files SCORM packages carry, and a deterministic zip (or, for the web build, a folder).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CourseSource, Lang } from '../src/content/types.js';
import type { Format } from './formats.js';
import { cmi5Xml, METADATA_FILE, scorm12Manifest, scorm2004Manifest, scormMetadata, tincanXml } from './manifests.js';
import { deterministicZip } from './zip.js';

export const LAUNCH = 'index.html';

const SCHEMAS = resolve(import.meta.dirname, 'schemas');
/** The official schema files each SCORM package carries at its root, as the SCORM CAM expects:
 *  the ones its manifest names and what they include, read unmodified from build/schemas. */
export const PACKAGE_SCHEMAS: Partial<Record<Format, { dir: string; files: string[] }>> = {
  scorm12: { dir: join(SCHEMAS, 'scorm12'), files: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'] },
  scorm2004: {
    dir: join(SCHEMAS, 'scorm2004-4th'),
    files: [
      'XMLSchema.dtd', 'adlcp_v1p3.xsd', 'adlnav_v1p3.xsd', 'adlseq_v1p3.xsd', 'datatypes.dtd', 'imscp_v1p1.xsd', 'imsss_v1p0.xsd',
      'imsss_v1p0auxresource.xsd', 'imsss_v1p0control.xsd', 'imsss_v1p0delivery.xsd', 'imsss_v1p0limit.xsd', 'imsss_v1p0objective.xsd',
      'imsss_v1p0random.xsd', 'imsss_v1p0rollup.xsd', 'imsss_v1p0seqrule.xsd', 'imsss_v1p0util.xsd', 'xml.xsd',
    ],
  },
};

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function packageName(course: CourseSource, lang: Lang, format: Format): string {
  return `${course.id}-${course.version}-${lang}-${format}.zip`;
}

export interface PackageResult { path: string; bytes: number; files: number }

export function writePackage(course: CourseSource, lang: Lang, format: Format, stageDir: string, distDir: string): PackageResult {
  if (format === 'web') {
    const out = join(distDir, 'web', lang);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    cpSync(stageDir, out, { recursive: true });
    const files = listFiles(out);
    return { path: out, bytes: files.reduce((n, f) => n + statSync(join(out, f)).size, 0), files: files.length };
  }
  const files = new Map<string, Uint8Array>();
  for (const f of listFiles(stageDir)) files.set(f, readFileSync(join(stageDir, f)));
  const contentFiles = [...files.keys()];
  const input = { course, lang, files: contentFiles, launch: LAUNCH };
  const text = (s: string) => new TextEncoder().encode(s);
  const schemas = PACKAGE_SCHEMAS[format];
  if (schemas) for (const f of schemas.files) files.set(f, readFileSync(join(schemas.dir, f)));
  if (format === 'scorm12' || format === 'scorm2004') {
    files.set('imsmanifest.xml', text(format === 'scorm12' ? scorm12Manifest(input) : scorm2004Manifest(input)));
    files.set(METADATA_FILE, text(scormMetadata(input, format)));
  }
  if (format === 'cmi5') files.set('cmi5.xml', text(cmi5Xml({ ...input, auUrl: LAUNCH })));
  if (format === 'xapi') files.set('tincan.xml', text(tincanXml(input)));
  const zip = deterministicZip(files);
  mkdirSync(join(distDir, lang), { recursive: true });
  const path = join(distDir, lang, packageName(course, lang, format));
  writeFileSync(path, zip);
  return { path, bytes: zip.length, files: files.size };
}
