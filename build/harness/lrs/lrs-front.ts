// Our small front for the test LRS. It answers Learning Locker's client lookup (one test basic-auth
// client plus the tokens a cmi5 launcher issues), serves the State API and the agent and activity
// profiles from memory, insists on X-Experience-API-Version on every xAPI request, proxies
// statements to Learning Locker's statement service, and injects faults on demand. It can also
// serve packages and extra routes, so a course and its LRS share one origin in the tests.
// A cmi5 session's token ends as CATAPULT's does: once its `terminated` is stored, a statement
// is refused with 403 (9.3.0.0-5) and any other request with 401 (8.1.2.0-2).
// It is ours and simple: not a conformance oracle (see README.md).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Statement } from '@xapi/xapi';
import { startStatementService, type StatementService } from './statement-service';
import { serveFile } from './serve-file';
import { readBody } from '../static-server';
import { documentRequest, send, stateKey } from './document-api';

export const TEST_KEY = 'balint-test-key';
export const TEST_SECRET = 'balint-test-secret';
export const TEST_AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

export interface Faults {
  /** Connections are dropped, like an unreachable server. */
  down: boolean;
  /** The next N statement requests answer 500. */
  fail500: number;
  /** Every xAPI answer waits this long. */
  delayMs: number;
  /** Every xAPI request answers 401. */
  unauthorised: boolean;
  /** The first statement this matches is refused with 400 whenever it is sent. */
  rejectWhen: ((s: Statement) => boolean) | null;
}

export interface RequestRecord {
  method: string; path: string; version: string | null; status: number; ids: string[]; keepalive?: boolean;
  /** The Authorization header: which launch (cmi5 session) made the request. */
  auth: string;
  /** Verbs of the statements posted, last path segment ('terminated'). */
  verbs: string[];
  /** The registration a document request names (State API), if any. */
  registration?: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => boolean | Promise<boolean>;

export interface TestLrs {
  url: string;
  endpoint: string;
  faults: Faults;
  requests: RequestRecord[];
  rejectedId: string | null;
  /** Documents of the State API and the profiles, by resource and key. */
  documents: Map<string, { contentType: string; body: Buffer }>;
  stateKey(activityId: string, agent: unknown, registration: string | null, stateId: string): string;
  /** A token the LMS issued; with `cmi5Session`, it ends when its session's `terminated` is stored. */
  acceptToken(token: string, o?: { cmi5Session?: boolean }): void;
  /** Every stored statement, oldest stored first. */
  statements(): Promise<Statement[]>;
  postStatements(statements: Statement[]): Promise<number>;
  route(handler: Handler): void;
  serve(prefix: string, dir: string): void;
  reset(): void;
  close(): Promise<void>;
}

const NO_FAULTS = (): Faults => ({ down: false, fail500: 0, delayMs: 0, unauthorised: false, rejectWhen: null });

const CLIENT = {
  _id: '5f0000000000000000000001', title: 'Balint course tests', authority: { objectType: 'Agent', mbox: 'mailto:tests@balint-course.org' },
  isTrusted: true, lrs_id: '5f0000000000000000000002', organisation: '5f0000000000000000000003', scopes: ['all'],
};


export async function startTestLrs(): Promise<TestLrs> {
  const tokens = new Set<string>([TEST_AUTH]);
  const sessionTokens = new Set<string>();
  const endedTokens = new Set<string>();
  const documents = new Map<string, { contentType: string; body: Buffer }>();
  const handlers: Handler[] = [];
  const statics: [string, string][] = [];
  const lrs = { faults: NO_FAULTS(), requests: [] as RequestRecord[], rejectedId: null as string | null };
  let service: StatementService | null = null;

  const cors = (res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match');
    res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, OPTIONS');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, X-Experience-API-Version');
  };

  const statementsProxy = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, ids: string[]): Promise<number> => {
    const headers: Record<string, string> = {};
    for (const h of ['authorization', 'content-type', 'x-experience-api-version', 'accept-language']) if (req.headers[h]) headers[h] = String(req.headers[h]);
    const r = await fetch(`${service!.url}${url.pathname}${url.search}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(body) });
    const text = await r.text();
    const out: Record<string, string> = { 'content-type': r.headers.get('content-type') ?? 'application/json', 'X-Experience-API-Version': '1.0.3' };
    res.writeHead(r.status, out);
    res.end(text);
    void ids;
    return r.status;
  };

  const xapi = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> => {
    const version = (req.headers['x-experience-api-version'] as string | undefined) ?? null;
    const path = url.pathname.slice('/xAPI/'.length);
    const auth = req.headers.authorization ?? '';
    const record: RequestRecord = { method: req.method ?? '', path, version, status: 0, ids: [], auth, verbs: [], registration: url.searchParams.get('registration') ?? undefined };
    lrs.requests.push(record);
    if (lrs.faults.down) {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    if (lrs.faults.delayMs) await new Promise((r) => setTimeout(r, lrs.faults.delayMs));
    if (!version || !/^1\.0(\.\d)?$/.test(version)) {
      record.status = send(res, 400, 'X-Experience-API-Version header missing or not 1.0.x');
      return;
    }
    if (path === 'about') {
      record.status = send(res, 200, JSON.stringify({ version: ['1.0.3'] }), 'application/json');
      return;
    }
    if (lrs.faults.unauthorised || !tokens.has(auth)) {
      record.status = send(res, 401, 'unauthorised');
      return;
    }
    if (path === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
      try {
        const parsed = JSON.parse(body.toString()) as Statement | Statement[];
        record.verbs = (Array.isArray(parsed) ? parsed : [parsed]).map((s) => String(s.verb?.id ?? '').split('/').pop() ?? '');
      } catch {
        // an unreadable body: the statement service answers it below
      }
    }
    if (endedTokens.has(auth)) {
      // As CATAPULT answers once the session has terminated.
      record.status = path === 'statements' && req.method === 'POST'
        ? send(res, 403, JSON.stringify({ message: '9.3.0.0-5 - The "Terminated" verb MUST be the last statement', violatedReqId: '9.3.0.0-5' }), 'application/json')
        : send(res, 401, JSON.stringify({ message: '8.1.2.0-2 - Session terminated', violatedReqId: '8.1.2.0-2' }), 'application/json');
      return;
    }
    if (path === 'statements') {
      if (req.method === 'POST' || req.method === 'PUT') {
        let posted: Statement[] = [];
        try {
          const parsed = JSON.parse(body.toString()) as Statement | Statement[];
          posted = Array.isArray(parsed) ? parsed : [parsed];
        } catch {
          posted = [];
        }
        record.ids = posted.map((s) => s.id ?? '');
        if (lrs.faults.fail500 > 0) {
          lrs.faults.fail500--;
          record.status = send(res, 500, 'injected server error');
          return;
        }
        if (lrs.faults.rejectWhen && !lrs.rejectedId) lrs.rejectedId = posted.find((s) => lrs.faults.rejectWhen!(s))?.id ?? null;
        if (lrs.rejectedId && record.ids.includes(lrs.rejectedId)) {
          record.status = send(res, 400, JSON.stringify({ message: `statement ${lrs.rejectedId} refused by fault injection` }), 'application/json');
          return;
        }
      }
      record.status = await statementsProxy(req, res, url, body, record.ids);
      if (record.status < 300 && sessionTokens.has(auth) && record.verbs.includes('terminated')) endedTokens.add(auth);
      return;
    }
    for (const kind of ['activities/state', 'agents/profile', 'activities/profile']) {
      if (path === kind) {
        record.status = documentRequest(documents, req, res, url, body, kind === 'activities/state' ? 'state' : kind);
        return;
      }
    }
    record.status = send(res, 404, 'not found');
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = await readBody(req);
      cors(res);
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      // Learning Locker's client lookup.
      if (url.pathname === '/auth') {
        const auth = req.headers.authorization ?? '';
        if (tokens.has(auth)) send(res, 200, JSON.stringify(CLIENT), 'application/json');
        else send(res, 404, 'no client');
        return;
      }
      if (url.pathname.startsWith('/xAPI/')) return xapi(req, res, url, body);
      for (const h of handlers) if (await h(req, res, url, body)) return;
      const st = statics.sort((a, b) => b[0].length - a[0].length).find(([p]) => url.pathname.startsWith(p));
      if (st && serveFile(res, st[1], url.pathname.slice(st[0].length))) return;
      res.writeHead(404).end();
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  service = await startStatementService(`${url}/auth`);

  const statements = async (): Promise<Statement[]> => {
    const out: Statement[] = [];
    let next: string | null = `${service!.url}/xAPI/statements?ascending=true&limit=500`;
    while (next) {
      const r = await fetch(next, { headers: { Authorization: TEST_AUTH, 'X-Experience-API-Version': '1.0.3' } });
      if (r.status !== 200) throw new Error(`statements query failed: ${r.status} ${await r.text()}`);
      const page = (await r.json()) as { statements: Statement[]; more?: string };
      out.push(...page.statements);
      next = page.more ? `${service!.url}${page.more}` : null;
    }
    return out;
  };

  return {
    url,
    endpoint: `${url}/xAPI/`,
    get faults() {
      return lrs.faults;
    },
    set faults(f: Faults) {
      lrs.faults = f;
    },
    requests: lrs.requests,
    get rejectedId() {
      return lrs.rejectedId;
    },
    documents,
    stateKey,
    acceptToken(token, o) {
      tokens.add(`Basic ${token}`);
      if (o?.cmi5Session) sessionTokens.add(`Basic ${token}`);
    },
    statements,
    async postStatements(list) {
      const r = await fetch(`${service!.url}/xAPI/statements`, { method: 'POST', headers: { Authorization: TEST_AUTH, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }, body: JSON.stringify(list) });
      return r.status;
    },
    route: (h) => handlers.push(h),
    serve: (prefix, dir) => statics.push([prefix, dir]),
    reset() {
      lrs.faults = NO_FAULTS();
      lrs.requests.length = 0;
      lrs.rejectedId = null;
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      await service?.close();
    },
  };
}
