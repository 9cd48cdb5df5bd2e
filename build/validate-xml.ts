// Validates manifests against the official XSDs in build/schemas with libxml2 compiled to
// WebAssembly (xmllint-wasm), so neither tests nor the build need a system xmllint. Then checks
// the few SCORM rules the XSDs leave open (schemaversion, masteryscore range, references).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export type XmlKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'scorm2004-metadata';
export interface XmlValidation { valid: boolean; errors: string[] }

/**
 * What each kind loads, as paths relative to the schemas folder. xmllint-wasm only sees files
 * handed to it, so every file an import, include or DOCTYPE names must be preloaded under the
 * path that reference resolves to (tests/conformance/manifests.test.ts checks the lists are closed).
 */
export const SCHEMA_SETS: Record<XmlKind, { entry: string; preload: string[]; document: string }> = {
  scorm12: {
    document: 'imsmanifest.xml',
    entry: 'wrappers/scorm12.xsd',
    preload: ['scorm12/imscp_rootv1p1p2.xsd', 'scorm12/adlcp_rootv1p2.xsd', 'scorm12/ims_xml.xsd'],
  },
  scorm2004: {
    document: 'imsmanifest.xml',
    entry: 'wrappers/scorm2004-4th.xsd',
    preload: [
      ...['imscp_v1p1.xsd', 'xml.xsd', 'XMLSchema.dtd', 'datatypes.dtd'],
      ...['adlcp_v1p3.xsd', 'adlseq_v1p3.xsd', 'adlnav_v1p3.xsd'],
      ...['', 'auxresource', 'control', 'delivery', 'limit', 'objective', 'random', 'rollup', 'seqrule', 'util'].map((p) => `imsss_v1p0${p}.xsd`),
      ...lomFiles(),
    ].map((f) => `scorm2004-4th/${f}`),
  },
  'scorm2004-metadata': {
    document: 'metadata.xml',
    entry: 'scorm2004-4th/lom.xsd',
    preload: lomFiles().filter((f) => f !== 'lom.xsd').map((f) => `scorm2004-4th/${f}`),
  },
  cmi5: { document: 'cmi5.xml', entry: 'cmi5/CourseStructure.xsd', preload: [] },
};

/** IEEE LOM as lom.xsd sets it up: strict unique, vocab and extend (the loose/custom ones are commented out). */
function lomFiles(): string[] {
  const common = ['anyElement', 'dataTypes', 'elementNames', 'elementTypes', 'rootElement', 'vocabTypes', 'vocabValues'];
  return ['lom.xsd', ...common.map((c) => `common/${c}.xsd`), 'unique/strict.xsd', 'vocab/strict.xsd', 'extend/strict.xsd'];
}

export function schemasDir(): string {
  return process.env.SCHEMAS_DIR ?? resolve(import.meta.dirname, 'schemas');
}

const loaded = new Map<string, string>();
function schemaFile(dir: string, name: string): { fileName: string; contents: string } {
  const path = resolve(dir, name);
  let contents = loaded.get(path);
  if (contents === undefined) {
    try {
      contents = readFileSync(path, 'utf8');
    } catch {
      throw new Error(`validate-xml: schema file ${name} not found in ${dir} (the official schemas live in build/schemas; SCHEMAS_DIR overrides)`);
    }
    loaded.set(path, contents);
  }
  return { fileName: name, contents };
}

/** Validates one document of a kind; errors read `imsmanifest.xml:LINE: message` like xmllint's. */
export async function validateXml(xml: string, kind: XmlKind, dir = schemasDir()): Promise<XmlValidation> {
  const set = SCHEMA_SETS[kind];
  let errors: string[];
  try {
    const result = await validateXML({
      xml: [{ fileName: set.document, contents: xml }],
      schema: [schemaFile(dir, set.entry)],
      preload: set.preload.map((f) => schemaFile(dir, f)),
    });
    errors = result.valid ? [] : documentErrors(result.rawOutput, set.document);
  } catch (e) {
    // xmllint exits 5 when a schema does not compile: our set-up is broken, not the document.
    if ((e as { code?: number }).code === 5) throw new Error(`validate-xml: the ${kind} schemas did not compile:\n${(e as Error).message}`);
    errors = documentErrors((e as Error).message, set.document);
  }
  if (errors.length === 0) errors = scormRules(xml, kind, set.document);
  return { valid: errors.length === 0, errors };
}

/** Checks only that a document parses (for tincan.xml, which has no schema here). */
export async function checkWellFormed(xml: string, document = 'document.xml'): Promise<XmlValidation> {
  try {
    const result = await validateXML({ xml: [{ fileName: document, contents: xml }], normalization: 'format' });
    const errors = result.valid ? [] : documentErrors(result.rawOutput, document);
    return { valid: errors.length === 0, errors };
  } catch (e) {
    return { valid: false, errors: documentErrors((e as Error).message, document) };
  }
}

/** Only the lines about the document: libxml2 also warns about the official SCORM 1.2 ims_xml.xsd. */
function documentErrors(output: string, document: string): string[] {
  const lines = output.split('\n').filter((l) => l.trim() !== '' && !l.endsWith(' fails to validate'));
  const own = lines.filter((l) => l.startsWith(`${document}:`));
  return own.length > 0 ? own : lines.length > 0 ? lines : [`${document}: fails to validate`];
}

/**
 * SCORM rules the official XSDs do not express, checked on a document that already passed them
 * (so its structure is known and text matching is safe): the exact schemaversion, masteryscore
 * 0–100 (a plain string in the 1.2 XSD), a SCORM type on every resource (optional in the XSDs),
 * and item/organization references that point at something that exists.
 */
function scormRules(xml: string, kind: XmlKind, document: string): string[] {
  if (kind !== 'scorm12' && kind !== 'scorm2004') return [];
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${document}: SCORM rule: ${message}`);
  const elements = (name: string) => [...text.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([^<]*)<`, 'g'))].map((m) => m[1].trim());
  const attributes = (element: string, attribute: string) =>
    [...text.matchAll(new RegExp(`<(?:[\\w.-]+:)?${element}\\s[^>]*?\\b${attribute}\\s*=\\s*(["'])(.*?)\\1`, 'g'))].map((m) => m[2]);

  const expected = kind === 'scorm12' ? '1.2' : '2004 4th Edition';
  const version = elements('schemaversion')[0];
  if (version !== expected) fail(`<schemaversion> must be "${expected}", found ${version === undefined ? 'none' : `"${version}"`}`);
  if (elements('schema')[0] !== 'ADL SCORM') fail('<schema> must be "ADL SCORM"');

  if (kind === 'scorm12') {
    for (const score of elements('masteryscore')) {
      const n = Number(score);
      if (score === '' || !Number.isFinite(n) || n < 0 || n > 100) fail(`adlcp:masteryscore must be a number from 0 to 100, found "${score}"`);
    }
  }

  const typeAttribute = kind === 'scorm12' ? 'scormtype' : 'scormType';
  const resources = [...text.matchAll(/<(?:[\w.-]+:)?resource\s([^>]*)>/g)].map((m) => m[1]);
  for (const attrs of resources) {
    if (!new RegExp(`[\\w.-]+:${typeAttribute}\\s*=\\s*(["'])(sco|asset)\\1`).test(attrs)) {
      const id = /\bidentifier\s*=\s*(["'])(.*?)\1/.exec(attrs)?.[2] ?? '?';
      fail(`resource "${id}" needs adlcp:${typeAttribute}="sco" or "asset"`);
    }
  }

  const resourceIds = new Set(attributes('resource', 'identifier'));
  for (const ref of attributes('item', 'identifierref')) {
    if (!resourceIds.has(ref)) fail(`item identifierref "${ref}" names no resource`);
  }
  const organizationIds = new Set(attributes('organization', 'identifier'));
  for (const ref of attributes('organizations', 'default')) {
    if (!organizationIds.has(ref)) fail(`organizations default "${ref}" names no organization`);
  }
  return errors;
}
