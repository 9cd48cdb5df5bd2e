// The packages the build writes: four LMS formats per language, plus the web folder.
export const FORMATS = ['scorm12', 'scorm2004', 'cmi5', 'xapi', 'web'] as const;
export type Format = (typeof FORMATS)[number];
export const ZIP_FORMATS: readonly Format[] = ['scorm12', 'scorm2004', 'cmi5', 'xapi'];
