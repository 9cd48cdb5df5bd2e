// Where the tests find the repository, the built packages and the official schemas.
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** DIST_DIR and OUTPUT_DIR let two checkouts' suites run side by side without sharing files. */
export const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : resolve(ROOT, 'dist');
export const OUTPUT = process.env.OUTPUT_DIR ? resolve(process.env.OUTPUT_DIR) : resolve(ROOT, 'tests', '.output');
export const SCHEMAS = process.env.SCHEMAS_DIR ?? resolve(ROOT, 'build', 'schemas');
/** The course content the tests expect in dist/: the repository's own, unless CONTENT_ROOT names another. */
export const CONTENT_ROOT = process.env.CONTENT_ROOT ?? ROOT;
