// A small Statements API on loopback for the insights tests that run without the real LRS: it
// pages a statement file (oldest first, with `more` links), checks Basic auth, honours `since`, and can be told
// never to answer (an LRS that times out).
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface FakeLrs { endpoint: string; requests: string[]; close(): Promise<void> }

export async function startFakeLrs(o: { statementsFile?: string; auth?: string; pageSize?: number; hang?: boolean } = {}): Promise<FakeLrs> {
  // Stored when the statement happened, in order, as an LRS that received them live would have.
  const all = (o.statementsFile ? readFileSync(o.statementsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [])
    .map((s) => ({ ...s, stored: s.stored ?? s.timestamp }))
    .sort((a, b) => a.stored.localeCompare(b.stored));
  const expected = `Basic ${Buffer.from(o.auth ?? 'key:secret').toString('base64')}`;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (o.hang) return; // never answers
    if (req.headers.authorization !== expected) return void res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname.endsWith('/activities/state')) return void res.writeHead(404).end();
    const since = url.searchParams.get('since');
    const activity = url.searchParams.get('activity') ?? '';
    // Like related_activities=true for this course: the activity itself and everything under it.
    const list = all.filter((s) => (!since || s.stored > since) && (s.object.id === activity || String(s.object.id).startsWith(`${activity}/`)));
    const from = Number(url.searchParams.get('cursor') ?? 0);
    const size = o.pageSize ?? 50;
    const next = from + size < list.length ? `/xAPI/statements?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), cursor: String(from + size) })}` : '';
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements: list.slice(from, from + size), more: next }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}/xAPI/`, requests, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}
