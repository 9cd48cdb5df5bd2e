// Source: an LRS's Statements API. Pages through `more` links for this course's activity (and
// every statement related to it), writes them as JSON lines for DuckDB, and for each pass reads
// the learner's saved state (State API) to recover the attested time and the certificate id,
// which the course keeps in its state rather than in statements.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { certificateId } from '../../../src/learner/certificate.js';
import { decodeState } from '../../../src/learner/state-codec.js';
import { parseResume, RESUME_STATE_ID } from '../../../src/xapi/resume-document.js';
import { agentId } from '../../../src/xapi/actor.js';
import type { Agent } from '@xapi/xapi';
import type { CourseModel } from '../course-model.js';
import { InsightsError } from '../errors.js';

export interface LrsOptions { endpoint: string; auth: string; since?: string; timeoutMs: number; pageSize?: number }
export interface CertificateFacts { learner: string; attempt: string | null; attestedMinutes: number | null; certificateId: string | null }

interface Page { statements: Record<string, unknown>[]; more?: string }
interface PassSeen { actor: Agent; registration: string | null; activityId: string }

function headers(auth: string): Record<string, string> {
  const basic = auth.startsWith('Basic ') ? auth : `Basic ${Buffer.from(auth).toString('base64')}`;
  return { Authorization: basic, 'X-Experience-API-Version': '1.0.3' };
}

async function get(url: string, o: LrsOptions): Promise<Response> {
  let r: Response;
  try {
    r = await fetch(url, { headers: headers(o.auth), signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') throw new InsightsError(`the LRS at ${o.endpoint} did not answer within ${Math.round(o.timeoutMs / 1000)} s; try again later, or with --timeout SECONDS`);
    throw new InsightsError(`cannot reach the LRS at ${o.endpoint}: ${err.cause?.code ?? err.message}`);
  }
  if (r.status === 401 || r.status === 403) throw new InsightsError(`the LRS at ${o.endpoint} refused the key and secret (HTTP ${r.status}): check --auth key:secret`);
  return r;
}

/** The learner key the SQL uses (schema.ts): mbox, account home page|name, openid, sha1. */
function learnerKey(a: Record<string, any>): string | null {
  return a.mbox ?? (a.account ? `${a.account.homePage}|${a.account.name}` : null) ?? a.openid ?? a.mbox_sha1sum ?? null;
}

async function statementPage(url: string, o: LrsOptions): Promise<Page> {
  const r = await get(url, o);
  if (!r.ok) throw new InsightsError(`the LRS at ${o.endpoint} answered HTTP ${r.status} to a statements query: ${(await r.text()).slice(0, 200)}`);
  const page = (await r.json().catch(() => null)) as Page | null;
  if (!page || !Array.isArray(page.statements)) throw new InsightsError(`the LRS at ${o.endpoint} did not answer with a StatementResult (is the address the xAPI endpoint?)`);
  return page;
}

/** Writes this course's statements to `file` (JSON lines); returns the passes seen. */
export async function fetchStatements(o: LrsOptions, course: CourseModel, file: string): Promise<{ count: number; passes: PassSeen[] }> {
  const base = o.endpoint.replace(/\/?$/, '/');
  const out = createWriteStream(file);
  const seen = new Set<string>();
  const passes: PassSeen[] = [];
  // The course IRI catches Tin Can and SCORM-with-xAPI; its AU (cmi5) is under the same IRI.
  for (const activity of [course.iri, `${course.iri}/au`]) {
    // Pages are windows of stored time (`since` the last statement seen, oldest first) rather than
    // the LRS's `more` cursor alone: the rig's LRS (Learning Locker's in-memory store) orders by
    // stored time but compares its cursor as the text of time-based UUIDs, so its `more` pages skip
    // and repeat statements once the store spans a few minutes. When a whole page shares one stored
    // time (a batch), `since` cannot move on: the page is asked for again twice as long, and if the
    // LRS will not give more at once, its `more` link is followed.
    const pageSize = o.pageSize ?? 500;
    let since = o.since;
    let limit = pageSize;
    let more: string | null = null;
    for (;;) {
      const q = new URLSearchParams({ activity, related_activities: 'true', limit: String(limit), ascending: 'true' });
      if (since) q.set('since', since);
      const page = await statementPage(more ? new URL(more, base).href : `${base}statements?${q}`, o);
      let fresh = 0;
      for (const s of page.statements) {
        const id = String(s.id);
        if (seen.has(id)) continue;
        seen.add(id);
        fresh++;
        if (!out.write(`${JSON.stringify(s)}\n`)) await once(out, 'drain');
        if (String((s.verb as { id?: string })?.id).endsWith('/passed')) {
          passes.push({ actor: s.actor as Agent, registration: ((s.context as { registration?: string }) ?? {}).registration ?? null, activityId: String((s.object as { id: string }).id) });
        }
      }
      const n = page.statements.length;
      if (n === 0 || (!page.more && (more || n < limit))) break;
      const last = page.statements.at(-1)?.stored as string | undefined;
      if (more || fresh > 0) {
        // `since` is exclusive: step back a millisecond so statements stored in the same instant as
        // the last one are asked for again (and skipped by id) rather than lost.
        [since, limit, more] = [last ? new Date(Date.parse(last) - 1).toISOString() : since, pageSize, null];
      } else if (n >= limit) limit *= 2;
      else more = page.more ?? null;
    }
  }
  out.end();
  await once(out, 'finish');
  return { count: seen.size, passes };
}

/** For each pass, the saved state in the State API: the attested minutes and the certificate id,
 *  worked out exactly as the course shows them on the certificate. */
export async function fetchCertificates(o: LrsOptions, course: CourseModel, passes: PassSeen[]): Promise<CertificateFacts[]> {
  const base = o.endpoint.replace(/\/?$/, '/');
  const facts: CertificateFacts[] = [];
  for (const p of passes) {
    const learner = learnerKey(p.actor as Record<string, unknown>);
    if (!learner) continue;
    const q = new URLSearchParams({ activityId: p.activityId, agent: JSON.stringify(p.actor), stateId: RESUME_STATE_ID });
    if (p.registration) q.set('registration', p.registration);
    const r = await get(`${base}activities/state?${q}`, o);
    const doc = r.ok ? parseResume(await r.json().catch(() => null)) : null;
    const decoded = doc ? decodeState(doc.suspendData, course.shape) : null;
    if (!decoded?.ok) {
      facts.push({ learner, attempt: p.registration, attestedMinutes: null, certificateId: null });
      continue;
    }
    const st = decoded.state;
    const id = st.passed && st.completedOn !== null
      ? certificateId({ courseId: course.id, version: course.version, learner: agentId(p.actor) ?? '', attempt: st.assessment.attempt, seed: st.assessment.seed, completedOn: st.completedOn })
      : null;
    facts.push({ learner, attempt: p.registration, attestedMinutes: st.attestedMinutes, certificateId: id });
  }
  return facts;
}
