// Strict xAPI 1.0.3 validation for tests: Learning Locker's own validator (xapi-validation, the one
// the LRS uses; it rejects unknown keys) plus the rules we hold ourselves to on top.
import { createRequire } from 'node:module';
import type { Statement } from '@xapi/xapi';

const require = createRequire(import.meta.url);
const validate = (require('xapi-validation') as { default: (data: unknown) => { path?: string[]; message?: string; constructor: { name: string } }[] }).default;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DURATION = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const IRI = /^https?:\/\/\S+$/;

/** Every problem with a statement, as readable lines (empty when valid). */
export function statementProblems(s: Statement): string[] {
  const problems = validate(s).map((w) => `${(w.path ?? []).join('.')}: ${w.constructor.name} ${w.message ?? ''}`.trim());
  if (!s.id || !UUID.test(s.id)) problems.push(`id is not a UUID: ${s.id}`);
  if (!IRI.test(s.verb.id)) problems.push(`verb id is not an IRI: ${s.verb.id}`);
  if (!s.timestamp || Number.isNaN(Date.parse(s.timestamp))) problems.push('timestamp missing');
  if (s.result?.duration !== undefined && !DURATION.test(s.result.duration)) problems.push(`duration not ISO 8601: ${s.result.duration}`);
  const reg = s.context?.registration;
  if (reg !== undefined && !UUID.test(reg)) problems.push(`registration not a UUID: ${reg}`);
  if ('version' in s || 'stored' in s || 'authority' in s) problems.push('LRS-owned property set by the client');
  return problems;
}
