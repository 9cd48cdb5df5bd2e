// The preview's cmi5-like LMS and LRS: the test LRS (Learning Locker's statement service behind
// our small front, build/harness/lrs/) and the test cmi5 launcher run in this process; the dev
// server relays /xAPI/ and /lms/ to them, so the course, its LMS and its LRS share one origin (the
// package's Content-Security-Policy allows 'self'). Every request the LRS answers is reported,
// with the statements it stored, for the preview page's xAPI panel.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Agent, Statement } from '@xapi/xapi';
import { startTestLrs, type TestLrs } from './lrs-front.js';
import { Cmi5Lms } from '../cmi5-launcher.js';

export interface XapiEvent {
  method: string;
  path: string;
  status: number;
  statements: { id: string; verb: string; object: string; result?: unknown; statement: Statement }[];
  /** The registration the request names (State API) or its statements carry. */
  registration?: string;
}

export interface Cmi5LaunchRequest {
  activityId: string;
  registration?: string;
  learnerName?: string;
  learnerId?: string;
  masteryScore?: number | null;
  launchMode?: 'Normal' | 'Browse' | 'Review';
}

export class XapiRelay {
  private readonly lrs: Promise<TestLrs>;
  private readonly launchers = new Map<string, Cmi5Lms>();
  private seen = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly onEvent: (e: XapiEvent) => void) {
    // Learning Locker's service takes about two seconds to start: begin now, wait only when needed.
    this.lrs = startTestLrs();
    this.lrs.catch(() => undefined);
    this.timer = setInterval(() => void this.report(), 300);
  }

  async launch(origin: string, prefix: string, r: Cmi5LaunchRequest): Promise<{ url: string; registration: string; sessionId: string }> {
    const lrs = await this.lrs;
    let lms = this.launchers.get(prefix);
    if (!lms) {
      lms = new Cmi5Lms(lrs, { dir: '', baseUrl: `${origin}${prefix}`, launchPath: 'index.html', activityId: r.activityId });
      this.launchers.set(prefix, lms);
    }
    const actor = { objectType: 'Agent', name: r.learnerName || 'Ada Preview', account: { homePage: 'https://lms.example.org', name: r.learnerId || 'ada-preview' } } as Agent;
    const launched = await lms.launch({
      actor,
      registration: r.registration || undefined,
      launchMode: r.launchMode ?? 'Normal',
      ...(typeof r.masteryScore === 'number' && { masteryScore: r.masteryScore }),
    });
    // The launcher names the LRS's own address; the course must reach it through this server.
    const url = new URL(launched.url);
    for (const key of ['endpoint', 'fetch']) url.searchParams.set(key, url.searchParams.get(key)!.replace(lrs.url, origin));
    return { url: `${url.pathname}${url.search}`, registration: launched.registration, sessionId: launched.sessionId };
  }

  async proxy(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const lrs = await this.lrs;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !['host', 'connection', 'content-length'].includes(k)) headers[k] = String(v);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const r = await fetch(`${lrs.url}${req.url}`, { method: req.method, headers, body: hasBody ? new Uint8Array(body) : undefined });
    const out: Record<string, string> = {};
    r.headers.forEach((v, k) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
    });
    res.writeHead(r.status, out);
    res.end(Buffer.from(await r.arrayBuffer()));
  }

  private async report(): Promise<void> {
    const lrs = await this.lrs.catch(() => null);
    if (!lrs) return;
    while (this.seen < lrs.requests.length && lrs.requests[this.seen].status !== 0) {
      const rec = lrs.requests[this.seen++];
      let statements: XapiEvent['statements'] = [];
      if (rec.path === 'statements' && rec.ids.length && rec.status >= 200 && rec.status < 300) {
        const stored = await lrs.statements();
        statements = stored.filter((s) => rec.ids.includes(s.id ?? '')).map((s) => ({
          id: s.id ?? '',
          verb: s.verb.id.split('/').pop() ?? s.verb.id,
          object: 'id' in s.object ? String(s.object.id) : s.object.objectType,
          result: s.result,
          statement: s,
        }));
      }
      const registration = rec.registration ?? statements.find((s) => s.statement.context?.registration)?.statement.context?.registration;
      this.onEvent({ method: rec.method, path: rec.path, status: rec.status, statements, registration });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    const lrs = await this.lrs.catch(() => null);
    await lrs?.close();
  }
}
